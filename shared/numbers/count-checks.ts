import type { PhoneNumber } from '../platform/schemas';
import type { CheckStage, FixAction, NumberFinding } from './findings';
import { isUsableNumber, type OccupierNumbers } from './occupier-numbers';
import { count } from '../wording';
import { listNumbers } from './wording';

/** The count findings, by topic; the caller puts the topics in the report's order. */
export interface CountFindings {
  main: NumberFinding[];
  activation: NumberFinding[];
  allocation: NumberFinding[];
  pool: NumberFinding[];
  spare: NumberFinding[];
}

const e164s = (numbers: readonly PhoneNumber[]) => numbers.map((n) => n.e164);
const byE164 = (a: PhoneNumber, b: PhoneNumber) => (a.e164 < b.e164 ? -1 : a.e164 > b.e164 ? 1 : 0);

/** The main number to keep when several are marked: an active one first, then by E.164. */
function mainToKeep(mains: readonly PhoneNumber[]): PhoneNumber | undefined {
  return [...mains].sort((a, b) => Number(a.state !== 'ACTIVE') - Number(b.state !== 'ACTIVE'))[0];
}

/**
 * Allocation count, batch multiple, main number and activated count, with fixes that add up:
 * spare allocated numbers go first to the services, then to the main number; only what they
 * cannot cover is allocated from the pool, and the pool is checked for the total.
 */
export function checkCounts(
  state: OccupierNumbers,
  poolAvailable: number,
  stage: CheckStage,
): CountFindings {
  const found: CountFindings = { main: [], activation: [], allocation: [], pool: [], spare: [] };
  const { quantity, plan } = state;

  // One main number per occupier per site. Those demoted become ordinary numbers, so the
  // counts below already include them and the fixes add up once all are carried out.
  const keep = mainToKeep(state.mains);
  const demoted = state.mains.filter((n) => n !== keep);
  if (keep && demoted.length > 0)
    found.main.push({
      id: 'main.multiple',
      severity: 'error',
      message: `${count(state.mains.length, 'number is', 'numbers are')} marked as the main number, but an occupier has one per site: keep ${keep.e164} and stop treating ${listNumbers(e164s(demoted))} as main.`,
      numbers: e164s(state.mains),
      fix: { kind: 'demoteMain', numbers: e164s(demoted) },
    });
  const active = [...state.active, ...demoted.filter((n) => n.state === 'ACTIVE')].sort(byE164);
  let spares = [
    ...state.usableSpares,
    ...demoted.filter((n) => n.state === 'RESERVED' && isUsableNumber(state, n)),
  ];
  let fromPool = 0;

  // Activated count = total voice QTY.
  const missing = quantity - active.length;
  if (missing > 0) {
    const useSpares = spares.slice(0, missing);
    spares = spares.slice(useSpares.length);
    const toAllocate = missing - useSpares.length;
    fromPool += toAllocate;
    const shortfall = `${count(quantity, 'voice service', 'voice services')} but ${count(active.length, 'number', 'numbers')} active: ${missing} more to activate`;
    if (useSpares.length > 0)
      found.activation.push({
        id: 'activation.short',
        severity: 'error',
        message: `${shortfall}. Activate the spare allocated ${useSpares.length === 1 ? 'number' : 'numbers'} ${listNumbers(e164s(useSpares))} first${toAllocate > 0 ? `, then allocate ${toAllocate} more` : ''}.`,
        numbers: e164s(useSpares),
        fix: { kind: 'activate', numbers: e164s(useSpares) },
      });
    if (toAllocate > 0)
      found.activation.push({
        id: 'activation.allocate',
        severity: 'error',
        message:
          useSpares.length > 0
            ? `No spare allocated number is left for the other ${toAllocate}: allocate ${count(toAllocate, 'number', 'numbers')} from the pool and activate ${toAllocate === 1 ? 'it' : 'them'}.`
            : `${shortfall} and no spare allocated number: allocate ${count(toAllocate, 'number', 'numbers')} from the pool and activate ${toAllocate === 1 ? 'it' : 'them'}.`,
        numbers: [],
        fix: { kind: 'allocate', count: toAllocate, activate: true },
      });
  } else if (missing < 0) {
    const surplus = -missing;
    // Numbers nobody uses yet are the ones to take out of service.
    const candidates = [...active].sort(
      (a, b) => Number(a.handsetId !== null) - Number(b.handsetId !== null),
    );
    const chosen = e164s(candidates.slice(0, surplus)).sort();
    found.activation.push({
      id: 'activation.excess',
      severity: 'error',
      message: `${count(active.length, 'number', 'numbers')} active but ${count(quantity, 'voice service', 'voice services')} to cover them: ${surplus} more than the occupier pays for. Deactivate ${listNumbers(chosen)} or raise the service quantity.`,
      numbers: chosen,
      fix: { kind: 'deactivate', numbers: chosen },
    });
  }

  // Main number: one per occupier per site, active, never on a handset.
  if (state.mains.length === 0 && quantity > 0) {
    const expected = plan?.automatic === true && plan.mainNumber;
    const spare = spares[0];
    spares = spares.slice(1);
    if (spare === undefined) fromPool += 1;
    const fix: FixAction = spare
      ? { kind: 'nominateMain', number: spare.e164 }
      : { kind: 'allocateMain' };
    const how = spare
      ? `nominate the spare number ${spare.e164} as main`
      : 'allocate one number from the pool and nominate it as main';
    found.main.push({
      id: 'main.missing',
      severity: expected || stage === 'signoff' ? 'error' : 'warning',
      message: expected
        ? `No main number, although the operator creates one automatically on a first add at a UK site: ${how}.`
        : `No main number yet: every occupier needs one (the inbound reception number) before sign-off; ${how}.`,
      numbers: spare ? [spare.e164] : [],
      fix,
    });
  }
  if (keep?.state === 'RESERVED')
    found.main.push({
      id: 'main.not-active',
      severity: 'error',
      message: `The main number ${keep.e164} is allocated but not active, so it cannot take calls: activate it.`,
      numbers: [keep.e164],
      fix: { kind: 'activate', numbers: [keep.e164] },
    });

  // Batch and count of a first add, when the platform's automation ran.
  if (plan?.automatic) {
    const projected = state.allocatedCount + fromPool;
    if (projected < plan.allocate) {
      const toAllocate = plan.allocate - projected;
      fromPool += toAllocate;
      found.allocation.push({
        id: 'allocation.batch',
        severity: 'error',
        message: `${count(state.allocatedCount, 'number is', 'numbers are')} allocated where a first add gives ${plan.allocate}. ${plan.reason} Allocate ${toAllocate} more to complete it.`,
        numbers: [],
        fix: { kind: 'allocate', count: toAllocate, activate: false },
      });
    }
    // A main number nominated by hand outside the automatic batch is one more, and fine.
    const allowed = plan.allocate + (state.mains.length > 0 && !plan.mainNumber ? 1 : 0);
    if (state.allocatedCount > allowed) {
      const surplus = state.allocatedCount - allowed;
      const release = e164s(spares.slice(-surplus)).sort();
      spares = spares.slice(0, spares.length - release.length);
      found.allocation.push({
        id: 'allocation.excess',
        severity: 'warning',
        message: `${count(state.allocatedCount, 'number is', 'numbers are')} allocated, but a first add allocates ${allowed}: ${surplus} more than the rule gives.${release.length > 0 ? ` Release the spare ${release.length === 1 ? 'number' : 'numbers'} ${listNumbers(release)} to the pool.` : ''}`,
        numbers: release,
        fix: release.length > 0 ? { kind: 'release', numbers: release } : null,
      });
    }
  }

  if (fromPool > poolAvailable)
    found.pool.push({
      id: 'pool.short',
      severity: 'error',
      message: `These fixes need ${count(fromPool, 'number', 'numbers')} from the site's pool, which holds ${poolAvailable} available. Allocation is all or nothing, so nothing will be allocated: ask the operator to add numbers to the pool.`,
      numbers: [],
      fix: null,
    });

  if (spares.length > 0)
    found.spare.push({
      id: 'numbers.spare',
      severity: 'info',
      message: `${count(spares.length, 'spare number is', 'spare numbers are')} allocated and not active (${listNumbers(e164s(spares))}): ${spares.length === 1 ? 'it is' : 'they are'} offered first when more services are added.`,
      numbers: e164s(spares),
      fix: null,
    });
  return found;
}
