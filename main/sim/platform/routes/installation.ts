import type { InstallationRecord } from '../../../../shared/platform/installation';
import type { OperationHandlers } from '../bind-operations';
import { getInstallationRecord, putInstallationRecord } from '../domain/installation-records';
import { findTestCall, placeTestCall, testCallsTo } from '../domain/test-calls';
import { paginate } from '../pagination';
import type { RouteContext } from './context';

const withVersion = (record: InstallationRecord) => ({ body: record, version: record.version });

export function installationHandlers({
  state,
  links,
  now,
}: RouteContext): Pick<
  OperationHandlers,
  | 'placeTestCall'
  | 'listTestCalls'
  | 'getTestCall'
  | 'getInstallationRecord'
  | 'putInstallationRecord'
> {
  return {
    placeTestCall: ({ params, body }) => ({
      body: placeTestCall(state, links, { ...params, reference: body.reference, now: now() }),
    }),
    listTestCalls: ({ params, query }) => ({
      body: paginate(testCallsTo(state, params.siteId, params.e164, query.reference), query),
    }),
    getTestCall: ({ params }) => ({ body: findTestCall(state, params.testCallId) }),
    getInstallationRecord: ({ params }) => withVersion(getInstallationRecord(state, params)),
    putInstallationRecord: ({ params, body, ifMatch }) =>
      withVersion(putInstallationRecord(state, params, body, ifMatch, now())),
  };
}
