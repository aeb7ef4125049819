import type { OperationHandlers } from '../bind-operations';
import { addVoiceService, changeVoiceServiceQuantity } from '../domain/voice-services';
import { paginate } from '../pagination';
import type { RouteContext } from './context';

export function voiceServiceHandlers({
  state,
}: RouteContext): Pick<
  OperationHandlers,
  'listVoiceServices' | 'getVoiceService' | 'addVoiceService' | 'changeVoiceServiceQuantity'
> {
  return {
    listVoiceServices: ({ params, query }) => {
      state.site(params.siteId);
      const services = [...state.voiceServices.values()].filter(
        (s) =>
          s.siteId === params.siteId &&
          (query.occupierId === undefined || s.occupierId === query.occupierId),
      );
      return { body: structuredClone(paginate(services, query)) };
    },
    getVoiceService: ({ params }) => {
      const service = structuredClone(state.voiceService(params.serviceId));
      return { body: service, version: service.version };
    },
    addVoiceService: ({ params, body }) => ({
      body: addVoiceService(state, params.siteId, params.occupierId, body.quantity),
    }),
    changeVoiceServiceQuantity: ({ params, body, ifMatch }) => {
      const service = changeVoiceServiceQuantity(state, params.serviceId, body.quantity, ifMatch);
      return { body: service, version: service.version };
    },
  };
}
