import type { InstallationRecordBody, RingTestResult } from '../platform/installation';
import type { JobState } from './state';
import { ringTestCause, ringTestPassed } from './steps/ring-test-step';
import type { StepStatus } from './steps/step-status';

const RESULT: Record<string, RingTestResult> = {
  expectedDesk: 'passed',
  anotherDesk: 'wrongDesk',
  nothing: 'nothingRang',
};

/** The platform's installation record of a job, from its journal and its step statuses. */
export function installationRecordOf(
  state: JobState,
  statuses: readonly StepStatus[],
): InstallationRecordBody {
  const { exceptions, ringAttempts, signOff } = state.installation;
  return {
    steps: statuses.map((s) => ({
      stepId: s.id,
      title: s.title,
      state: s.state,
      summary: s.summary,
      by: s.by,
      at: s.at,
    })),
    exceptions: Object.values(exceptions).map((e) => ({
      itemId: e.itemId,
      stepId: e.stepId,
      finding: e.finding,
      reason: e.reason,
      text: e.text,
      by: e.by,
      at: e.at,
    })),
    ringTests: ringAttempts.flatMap((attempt) => {
      const confirmation = attempt.confirmation;
      if (!confirmation) return [];
      return [
        {
          e164: attempt.e164,
          expectedFloorPortId: attempt.expectedFloorPortId,
          rangFloorPortId:
            confirmation.rang === 'expectedDesk'
              ? attempt.expectedFloorPortId
              : confirmation.rangFloorPortId,
          // Heard, but the platform does not confirm this call rang it: not a pass.
          result: ringTestPassed(attempt)
            ? 'passed'
            : confirmation.rang === 'expectedDesk'
              ? 'nothingRang'
              : (RESULT[confirmation.rang] ?? 'nothingRang'),
          cause: ringTestCause(state.snapshot, attempt),
          by: confirmation.by,
          at: confirmation.at,
        },
      ];
    }),
    signOff: signOff
      ? {
          signerName: signOff.signerName,
          signerRole: signOff.signerRole,
          by: signOff.by,
          at: signOff.at,
        }
      : null,
  };
}

/** Whether the platform has the job's installation record with its sign-off yet. */
export type SignOffRecordStatus =
  | { kind: 'notSignedOff' }
  /** Signed off here; the record with the sign-off waits in the outbox. */
  | { kind: 'queued'; message: string }
  /** The platform confirmed a record with the sign-off. */
  | { kind: 'onPlatform'; message: string }
  /** The platform refused it: it needs the engineer (the sync list says what to do). */
  | { kind: 'refused'; message: string };

/**
 * Sign-off is a record on the platform, synced like every change: this says truthfully
 * whether it got there. A record the platform confirmed counts even if a later update to it
 * (a report produced afterwards) still waits.
 */
export function signOffRecordStatus(state: JobState): SignOffRecordStatus {
  if (!state.installation.signOff) return { kind: 'notSignedOff' };
  const signed = state.outbox.filter(
    (item) =>
      item.entry.mutation.kind === 'putInstallationRecord' &&
      item.entry.mutation.record.signOff !== null &&
      item.status !== 'discarded',
  );
  const later = signed.some((item) => item.status === 'queued' || item.status === 'superseded');
  if (signed.some((item) => item.status === 'applied'))
    return {
      kind: 'onPlatform',
      message: `The platform has the installation record with this sign-off.${later ? ' A later update to it waits to sync.' : ''}`,
    };
  const refused = signed.findLast(
    (item) => item.status === 'needsAttention' || item.status === 'conflict',
  );
  if (refused)
    return {
      kind: 'refused',
      message: `The platform refused the installation record: ${refused.problem?.message ?? 'see the sync list'}. The sign-off is kept here; it is not on the platform.`,
    };
  return {
    kind: 'queued',
    message:
      'The installation record with this sign-off waits to sync: the platform does not have it yet. It is sent as soon as the platform answers.',
  };
}
