import type { Handset } from '../../../../shared/platform/schemas';
import type { OperationHandlers } from '../bind-operations';
import { registerHandset, remoteLogin, remoteLogout } from '../domain/handsets';
import { paginate } from '../pagination';
import type { RouteContext } from './context';

const withVersion = (handset: Handset) => ({ body: handset, version: handset.version });

export function handsetHandlers({
  state,
  links,
  registration,
}: RouteContext): Pick<
  OperationHandlers,
  | 'listHandsetModels'
  | 'listHandsets'
  | 'getHandset'
  | 'getHandsetRegistration'
  | 'registerHandset'
  | 'remoteLogin'
  | 'remoteLogout'
> {
  return {
    listHandsetModels: ({ query }) => ({
      body: structuredClone(paginate([...state.handsetModels.values()], query)),
    }),
    listHandsets: ({ params, query }) => {
      state.site(params.siteId);
      const handsets = [...state.handsets.values()].filter(
        (h) =>
          h.siteId === params.siteId &&
          (query.occupierId === undefined || h.occupierId === query.occupierId),
      );
      return { body: structuredClone(paginate(handsets, query)) };
    },
    getHandset: ({ params }) => withVersion(structuredClone(state.handset(params.handsetId))),
    getHandsetRegistration: ({ params }) => {
      const handset = state.handset(params.handsetId);
      return {
        body: {
          handsetId: handset.id,
          registration: handset.registration,
          loggedInNumber: handset.loggedInNumber,
          // Where it really has link (the switch saw its MAC there), else the platform's record.
          floorPortId: links.floorPortOf(handset) ?? handset.floorPortId,
          linkUp: links.handsetHasLink(handset),
          version: handset.version,
        },
      };
    },
    registerHandset: ({ params, body }) => withVersion(registerHandset(state, params.siteId, body)),
    remoteLogin: ({ params, body, ifMatch }) =>
      withVersion(remoteLogin(state, registration, params.handsetId, body.e164, ifMatch)),
    remoteLogout: ({ params, ifMatch }) =>
      withVersion(remoteLogout(state, registration, params.handsetId, ifMatch)),
  };
}
