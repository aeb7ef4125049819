import { CodedError } from '../errors';
import type { SiteSnapshot } from '../platform/snapshot';
import { NUMBERS_INVALID_INPUT } from './allocation';
import { checkCounts } from './count-checks';
import { CheckStage, type CheckOptions, type NumberFinding } from './findings';
import { checkHandsets } from './handset-checks';
import { checkAllowed, checkDuplicateRecords, checkHeldTwice, checkPending } from './number-checks';
import { gatherOccupierNumbers, type OccupierNumbers } from './occupier-numbers';
import { isKnownRegion } from './regions';
import { indexSnapshot } from './snapshot-index';
import { count } from '../wording';

export const NUMBERS_UNKNOWN_OCCUPIER = 'NUMBERS_UNKNOWN_OCCUPIER';

function summary(state: OccupierNumbers): NumberFinding {
  const main = state.mains[0]?.e164 ?? 'none';
  return {
    id: 'summary',
    severity: 'info',
    message: `${state.occupier.name}: ${count(state.quantity, 'voice service line', 'voice service lines')}, ${state.active.length} of ${state.quantity} active, main number ${main}, ${count(state.spares.length, 'spare', 'spares')}, ${count(state.allocatedCount, 'number', 'numbers')} allocated in all.`,
    numbers: [],
    fix: null,
  };
}

function allocationRule(state: OccupierNumbers): NumberFinding {
  const { plan } = state;
  const message =
    plan === null
      ? `No voice services yet, so nothing needs to be allocated or activated.${state.numbers.length > 0 ? ` The ${count(state.numbers.length, 'number', 'numbers')} held wait for a service.` : ''}`
      : plan.automatic
        ? `First add, so the platform allocated by itself: ${plan.reason}`
        : `${state.upgraded ? 'An upgrade (more than one voice service, or a quantity raised since the first add)' : 'The occupier has manually assigned (ported or custom range) numbers'}, so the platform allocates nothing by itself: numbers are allocated and activated by hand, spare allocated numbers first.`;
  return { id: 'allocation.rule', severity: 'info', message, numbers: [], fix: null };
}

/**
 * DOMAIN.md "Number checks" for one occupier at one site: the platform's state against the
 * rules, as findings in a stable order with stable ids, each with a fix the app can perform.
 * Pure. Throws NUMBERS_UNKNOWN_OCCUPIER or NUMBERS_INVALID_INPUT on input it cannot check.
 */
export function checkNumbers(
  snapshot: SiteSnapshot,
  occupierId: string,
  options: CheckOptions = {},
): NumberFinding[] {
  const stage = CheckStage.safeParse(options.stage ?? 'install');
  if (!stage.success)
    throw new CodedError(
      NUMBERS_INVALID_INPUT,
      `The check stage must be "install" or "signoff", not ${JSON.stringify(options.stage)}.`,
    );
  if (!isKnownRegion(snapshot.site.region))
    throw new CodedError(
      NUMBERS_INVALID_INPUT,
      `The site's region ${JSON.stringify(snapshot.site.region)} is not a known ISO country code, so its numbers cannot be checked.`,
    );
  const index = indexSnapshot(snapshot);
  const occupier = index.occupiers.get(occupierId);
  if (!occupier)
    throw new CodedError(
      NUMBERS_UNKNOWN_OCCUPIER,
      `There is no occupier ${JSON.stringify(occupierId)} at ${snapshot.site.name}: pick one of ${[...index.occupiers.keys()].join(', ') || '(none)'}.`,
      { occupierId, siteId: snapshot.site.id },
    );
  const state = gatherOccupierNumbers(snapshot, index, occupier);
  const counts = checkCounts(state, snapshot.poolAvailable, stage.data);
  return [
    summary(state),
    allocationRule(state),
    ...checkDuplicateRecords(state),
    ...checkHeldTwice(state, index.occupierNames),
    ...checkAllowed(state),
    ...counts.main,
    ...counts.activation,
    ...counts.allocation,
    ...counts.pool,
    ...checkPending(state),
    ...checkHandsets(state, index, stage.data),
    ...counts.spare,
  ];
}
