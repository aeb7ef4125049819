import type { OperationHandlers } from '../bind-operations';
import { setFloorPortRole } from '../domain/floor-ports';
import { paginate } from '../pagination';
import type { RouteContext } from './context';

export function floorPortHandlers({
  state,
}: RouteContext): Pick<OperationHandlers, 'listFloorPorts' | 'getFloorPort' | 'setFloorPortRole'> {
  return {
    listFloorPorts: ({ params, query }) => {
      state.site(params.siteId);
      const ports = [...state.floorPorts.values()].filter((p) => p.siteId === params.siteId);
      return { body: structuredClone(paginate(ports, query)) };
    },
    getFloorPort: ({ params }) => {
      const port = structuredClone(state.floorPort(params.floorPortId));
      return { body: port, version: port.version };
    },
    setFloorPortRole: ({ params, body, ifMatch }) => {
      const port = setFloorPortRole(state, params.floorPortId, body.roleId, ifMatch);
      return { body: port, version: port.version };
    },
  };
}
