import type { OperationHandlers } from '../bind-operations';
import { paginate } from '../pagination';
import type { RouteContext } from './context';

export function siteHandlers({
  state,
}: RouteContext): Pick<
  OperationHandlers,
  'getHealth' | 'getOperator' | 'listSites' | 'getSite' | 'listOccupiers'
> {
  return {
    getHealth: () => ({ body: { status: 'ok' } }),
    getOperator: () => ({ body: structuredClone(state.operator) }),
    listSites: ({ query }) => {
      const summaries = [...state.sites.values()].map((site) => ({
        id: site.id,
        name: site.name,
        region: site.region,
        city: site.city,
        occupierCount: [...state.occupiers.values()].filter((o) => o.siteId === site.id).length,
        floorPortCount: [...state.floorPorts.values()].filter((p) => p.siteId === site.id).length,
      }));
      return { body: paginate(summaries, query) };
    },
    getSite: ({ params }) => ({ body: structuredClone(state.site(params.siteId)) }),
    listOccupiers: ({ params, query }) => {
      state.site(params.siteId);
      const occupiers = [...state.occupiers.values()].filter((o) => o.siteId === params.siteId);
      return { body: structuredClone(paginate(occupiers, query)) };
    },
  };
}
