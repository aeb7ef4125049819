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
