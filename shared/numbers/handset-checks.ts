import type { Handset } from '../platform/schemas';
import type { CheckStage, NumberFinding } from './findings';
import type { OccupierNumbers } from './occupier-numbers';
import type { SnapshotIndex } from './snapshot-index';

function handsetOf(index: SnapshotIndex, e164: string, handsetId: string | null): string | null {
  return handsetId ?? index.handsetByLoggedInNumber.get(e164)?.id ?? null;
}

/** A handset label a person recognises on the desk. */
/** "Yealink T54W 80:5e:c0:2f:01:01": the model and MAC on the handset's label, never an internal id. */
function describeHandset(index: SnapshotIndex, handsets: readonly Handset[], id: string): string {
  const handset = handsets.find((h) => h.id === id);
  // Not one of the occupier's handsets: the platform's record is all there is to name it by.
  if (!handset) return id;
  return `${index.modelNames.get(handset.modelId) ?? handset.modelId} ${handset.mac}`;
}

/**
 * Each activated number on a handset: an error at sign-off, information before it (the
 * engineer is still cabling). The main number is never on a handset.
 */
export function checkHandsets(
  state: OccupierNumbers,
  index: SnapshotIndex,
  stage: CheckStage,
): NumberFinding[] {
  const findings: NumberFinding[] = [];
  const handsets = index.handsetsByOccupier.get(state.occupier.id) ?? [];
  for (const main of state.mains) {
    const handsetId = handsetOf(index, main.e164, main.handsetId);
    if (handsetId === null) continue;
    findings.push({
      id: `main.on-handset:${main.e164}`,
      severity: 'error',
      message: `The main number ${main.e164} is on handset ${describeHandset(index, handsets, handsetId)}, but a main number is inbound only and never logged in to a handset: take it off the handset.`,
      numbers: [main.e164],
      fix: { kind: 'unassignHandset', number: main.e164, handsetId },
    });
  }
  // Free handsets are offered in id order, one per number, so suggestions never collide.
  const free = handsets.filter(
    (h) => h.loggedInNumber === null && !index.handsetIdsInUse.has(h.id),
  );
  for (const number of state.active) {
    if (handsetOf(index, number.e164, number.handsetId) !== null) continue;
    const suggestion = free.shift();
    const next = suggestion
      ? `assign it to the free handset ${describeHandset(index, handsets, suggestion.id)}`
      : 'connect a handset for it and assign the number to it';
    findings.push({
      id: `handset.missing:${number.e164}`,
      severity: stage === 'signoff' ? 'error' : 'info',
      message:
        stage === 'signoff'
          ? `${number.e164} is active but on no handset, so sign-off cannot pass: ${next}.`
          : `${number.e164} is active and not on a handset yet: ${next}.`,
      numbers: [number.e164],
      fix: { kind: 'assignHandset', number: number.e164, handsetId: suggestion?.id ?? null },
    });
  }
  return findings;
}
