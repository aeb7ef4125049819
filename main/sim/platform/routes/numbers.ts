import type { PhoneNumber } from '../../../../shared/platform/schemas';
import type { OperationHandlers } from '../bind-operations';
import {
  activateNumber,
  addCustomRange,
  addPortedNumbers,
  allocateNumbers,
  deactivateNumber,
  nominateMainNumber,
  releaseNumber,
} from '../domain/numbers';
import { paginate } from '../pagination';
import type { RouteContext } from './context';

const withVersion = (number: PhoneNumber) => ({ body: number, version: number.version });

export function numberHandlers({
  state,
}: RouteContext): Pick<
  OperationHandlers,
  | 'listNumbers'
  | 'getNumber'
  | 'allocateNumbers'
  | 'activateNumber'
  | 'deactivateNumber'
  | 'releaseNumber'
  | 'nominateMainNumber'
  | 'addPortedNumbers'
  | 'addCustomRange'
> {
  return {
    listNumbers: ({ params, query }) => {
      state.site(params.siteId);
      const numbers = [...state.numbers.values()]
        .filter(
          (n) =>
            n.siteId === params.siteId &&
            (query.occupierId === undefined || n.occupierId === query.occupierId) &&
            (query.state === undefined || n.state === query.state),
        )
        .sort((a, b) => a.e164.localeCompare(b.e164));
      return { body: structuredClone(paginate(numbers, query)) };
    },
    getNumber: ({ params }) =>
      withVersion(structuredClone(state.numberAt(params.siteId, params.e164))),
    allocateNumbers: ({ params, body }) => ({
      body: allocateNumbers(state, params.siteId, params.occupierId, body),
    }),
    activateNumber: ({ params, ifMatch }) =>
      withVersion(activateNumber(state, params.siteId, params.e164, ifMatch)),
    deactivateNumber: ({ params, ifMatch }) =>
      withVersion(deactivateNumber(state, params.siteId, params.e164, ifMatch)),
    releaseNumber: ({ params, ifMatch }) =>
      withVersion(releaseNumber(state, params.siteId, params.e164, ifMatch)),
    nominateMainNumber: ({ params, ifMatch }) =>
      withVersion(nominateMainNumber(state, params.siteId, params.e164, ifMatch)),
    addPortedNumbers: ({ params, body }) => ({
      body: addPortedNumbers(state, params.siteId, params.occupierId, body.numbers),
    }),
    addCustomRange: ({ params, body }) => ({
      body: addCustomRange(state, params.siteId, params.occupierId, body.first, body.count),
    }),
  };
}
