import type {
  InstallationRecord,
  InstallationRecordBody,
} from '../../../../shared/platform/installation';
import { ProblemError, problem } from '../problem';
import { assertVersion, installationKey, type PlatformState } from '../state';

interface RecordKey {
  siteId: string;
  occupierId: string;
  jobId: string;
}

export function getInstallationRecord(state: PlatformState, key: RecordKey): InstallationRecord {
  state.occupierAt(key.siteId, key.occupierId);
  const record = state.installationRecords.get(installationKey(key));
  if (!record)
    throw new ProblemError(
      problem(
        404,
        'INSTALLATION_RECORD_NOT_FOUND',
        'Installation record not found',
        `There is no installation record for job ${key.jobId} of ${key.occupierId} at ${key.siteId}.`,
      ),
    );
  return structuredClone(record);
}

const contentOf = (record: InstallationRecordBody) =>
  JSON.stringify([record.steps, record.exceptions, record.ringTests, record.signOff]);

/** Writes the whole record; the version moves on only when its content changed. */
export function putInstallationRecord(
  state: PlatformState,
  key: RecordKey,
  body: InstallationRecordBody,
  expectedVersion: number | null,
  now: Date,
): InstallationRecord {
  state.occupierAt(key.siteId, key.occupierId);
  const id = installationKey(key);
  const existing = state.installationRecords.get(id);
  if (existing) {
    assertVersion(`The installation record of job ${key.jobId}`, existing, expectedVersion);
    if (contentOf(existing) === contentOf(body)) return structuredClone(existing);
  }
  const record: InstallationRecord = {
    ...key,
    steps: body.steps,
    exceptions: body.exceptions,
    ringTests: body.ringTests,
    signOff: body.signOff,
    updatedAt: now.toISOString(),
    version: (existing?.version ?? 0) + 1,
  };
  state.installationRecords.set(id, record);
  return structuredClone(record);
}
