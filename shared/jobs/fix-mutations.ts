import { CodedError } from '../errors';
import type { PlatformMutation } from './mutations';
import type { JobState } from './state';
import type { FixAction } from '../numbers/findings';

/**
 * The platform changes one number-check fix makes, in order. Fixes that are not number
 * changes (a handset assignment) belong to another step and are refused with where to go.
 */
export function mutationsOfFix(state: JobState, fix: FixAction): PlatformMutation[] {
  const where = { siteId: state.siteId, occupierId: state.occupierId };
  const numberState = (e164: string) => state.snapshot.numbers.find((n) => n.e164 === e164)?.state;
  switch (fix.kind) {
    case 'allocate':
      return [{ kind: 'allocateNumbers', ...where, count: fix.count, activate: fix.activate }];
    case 'activate':
      return fix.numbers.map((e164) => ({ kind: 'activateNumber', ...where, e164 }));
    case 'deactivate':
      return fix.numbers.map((e164) => ({ kind: 'deactivateNumber', ...where, e164 }));
    case 'release':
      return fix.numbers.flatMap((e164): PlatformMutation[] => [
        ...(numberState(e164) === 'ACTIVE'
          ? [{ kind: 'deactivateNumber' as const, ...where, e164 }]
          : []),
        { kind: 'releaseNumber', ...where, e164 },
      ]);
    case 'nominateMain':
      return [
        { kind: 'nominateMainNumber', ...where, e164: fix.number },
        ...(numberState(fix.number) === 'ACTIVE'
          ? []
          : [{ kind: 'activateNumber' as const, ...where, e164: fix.number }]),
      ];
    case 'assignHandset':
    case 'unassignHandset':
      throw new CodedError(
        'FIX_IN_OTHER_STEP',
        `That fix is done in the Handset login step: choose the handset for ${fix.number} there.`,
      );
    case 'allocateMain':
      // One change, so the number the platform picks is nominated and activated by the same
      // entry: nothing between the allocation and the nomination for a check to count as spare.
      return [{ kind: 'allocateNumbers', ...where, count: 1, activate: true, main: true }];
    case 'demoteMain':
      throw new CodedError(
        'FIX_NOT_AUTOMATED',
        'Dialtone cannot demote a main number through the platform; ask the operator to nominate the right one.',
      );
  }
}
