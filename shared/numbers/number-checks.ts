import type { PhoneNumber } from '../platform/schemas';
import type { NumberFinding } from './findings';
import type { OccupierNumbers } from './occupier-numbers';
import { count } from '../wording';
import { listNumbers } from './wording';

function occupierName(names: ReadonlyMap<string, string>, id: string | null): string {
  return id === null ? 'no occupier' : (names.get(id) ?? id);
}

/** The same E.164 recorded twice for this occupier: the platform's data needs a look. */
export function checkDuplicateRecords(state: OccupierNumbers): NumberFinding[] {
  return state.duplicateRecords.map((e164) => ({
    id: `number.duplicate-record:${e164}`,
    severity: 'warning',
    message: `${e164} is recorded more than once for ${state.occupier.name}; it is counted once. Ask platform support to remove the duplicate record.`,
    numbers: [e164],
    fix: null,
  }));
}

/** No number allocated to two occupiers (DOMAIN.md "Number checks"). */
export function checkHeldTwice(
  state: OccupierNumbers,
  occupierNames: ReadonlyMap<string, string>,
): NumberFinding[] {
  const findings: NumberFinding[] = [];
  for (const number of state.numbers) {
    const others = state.heldElsewhere.get(number.e164);
    if (!others) continue;
    const holders = others
      .map((other) => `${occupierName(occupierNames, other.occupierId)} (${other.state})`)
      .join(', ');
    // Only when the others have it live and this occupier does not is the owner plain.
    const othersLive = others.some((other) => other.state === 'ACTIVE');
    const releaseHere = number.state === 'RESERVED' && !number.isMain && othersLive;
    findings.push({
      id: `number.claimed-twice:${number.e164}`,
      severity: 'error',
      message: `${number.e164} is allocated to ${state.occupier.name} (${number.state}) and also to ${holders}, but a number belongs to one occupier. ${
        releaseHere
          ? 'It is live for the other occupier and only reserved here: release it from this occupier.'
          : 'Ask the operator which occupier it belongs to, then release it from the other.'
      }`,
      numbers: [number.e164],
      fix: releaseHere ? { kind: 'release', numbers: [number.e164] } : null,
    });
  }
  return findings;
}

/** Every number valid for the site's country and of a type the platform provides. */
export function checkAllowed(state: OccupierNumbers): NumberFinding[] {
  const findings: NumberFinding[] = [];
  for (const number of state.numbers) {
    const classification = state.classifications.get(number.e164);
    if (!classification || classification.allowed) continue;
    const replace =
      number.source === 'pool'
        ? ''
        : ' The occupier can port in or pick a local or national number instead.';
    findings.push({
      id: `number.not-allowed:${number.e164}`,
      severity: 'error',
      message: `${number.e164} cannot be used: ${classification.reason} Release it.${replace}`,
      numbers: [number.e164],
      fix: { kind: 'release', numbers: [number.e164] },
    });
  }
  return findings;
}

/** Numbers with a change in flight: counts may move once the platform finishes. */
export function checkPending(state: OccupierNumbers): NumberFinding[] {
  if (state.pending.length === 0) return [];
  const numbers = state.pending.map((n: PhoneNumber) => n.e164);
  return [
    {
      id: 'numbers.pending',
      severity: 'warning',
      message: `${count(numbers.length, 'number has', 'numbers have')} a change in flight on the platform (${listNumbers(numbers)}): check again when ${numbers.length === 1 ? 'it finishes' : 'they finish'}.`,
      numbers,
      fix: null,
    },
  ];
}
