import type { PhoneNumber } from '../platform/schemas';
import type { PlatformMutation } from './mutations';
import type { JobSnapshot } from './snapshot';
import type { JobState, OutboxItem } from './state';

/** An allocation waiting for the platform: which numbers it will be is not known yet. */
export interface PendingAllocation {
  entryId: string;
  count: number;
  activate: boolean;
}

export interface PredictedSnapshot {
  /** The last snapshot with every change the platform has not reflected in it yet applied. */
  snapshot: JobSnapshot;
  pendingAllocations: PendingAllocation[];
  /** Numbers with a change still waiting to sync. */
  pendingNumbers: ReadonlySet<string>;
}

function effect(snapshot: JobSnapshot, mutation: PlatformMutation): JobSnapshot {
  const changeNumber = (e164: string, change: (n: PhoneNumber) => PhoneNumber) => ({
    ...snapshot,
    numbers: snapshot.numbers.map((n) => (n.e164 === e164 ? change(n) : n)),
  });
  switch (mutation.kind) {
    case 'activateNumber':
      return changeNumber(mutation.e164, (n) =>
        n.state === 'RESERVED' ? { ...n, state: 'ACTIVE' } : n,
      );
    case 'deactivateNumber':
      return changeNumber(mutation.e164, (n) =>
        n.state === 'ACTIVE' ? { ...n, state: 'RESERVED' } : n,
      );
    case 'releaseNumber':
      return changeNumber(mutation.e164, (n) =>
        n.state === 'RESERVED' ? { ...n, state: 'COOLDOWN', occupierId: null, isMain: false } : n,
      );
    case 'nominateMainNumber': {
      const target = snapshot.numbers.find((n) => n.e164 === mutation.e164);
      if (!target || target.occupierId === null) return snapshot;
      return {
        ...snapshot,
        numbers: snapshot.numbers.map((n) =>
          n.e164 === mutation.e164
            ? { ...n, isMain: true }
            : n.occupierId === target.occupierId && n.isMain
              ? { ...n, isMain: false, state: n.state === 'ACTIVE' ? 'RESERVED' : n.state }
              : n,
        ),
      };
    }
    case 'remoteLogin':
      return {
        ...snapshot,
        numbers: snapshot.numbers.map((n) =>
          n.e164 === mutation.e164
            ? { ...n, handsetId: mutation.handsetId }
            : n.handsetId === mutation.handsetId
              ? { ...n, handsetId: null }
              : n,
        ),
        handsets: snapshot.handsets.map((h) =>
          h.id === mutation.handsetId
            ? { ...h, loggedInNumber: mutation.e164, registration: 'registering' }
            : h,
        ),
      };
    case 'addVoiceService':
      return {
        ...snapshot,
        voiceServices: [
          ...snapshot.voiceServices,
          {
            id: 'pending-voice-service',
            siteId: mutation.siteId,
            occupierId: mutation.occupierId,
            quantity: mutation.quantity,
            version: 0,
          },
        ],
      };
    default:
      return snapshot;
  }
}

/**
 * Entries whose effect the snapshot does not show: waiting to be sent, or applied after it
 * was taken. One the platform refused (needs attention, conflict) is not predicted to happen.
 */
function unreflected(state: JobState): OutboxItem[] {
  const applied = new Set(state.installation.appliedSinceSnapshot);
  return state.outbox.filter(
    (item) =>
      item.status === 'queued' || (item.status === 'applied' && applied.has(item.entry.entryId)),
  );
}

/**
 * What the engineer should see now: the snapshot with their changes on top, so a fix shows
 * its effect at once (DESIGN.md: the renderer shows the result main returns). Allocations
 * cannot be shown as numbers until the platform picks them; they are listed instead.
 */
export function predictSnapshot(state: JobState): PredictedSnapshot {
  let snapshot = state.snapshot;
  const pendingAllocations: PendingAllocation[] = [];
  const pendingNumbers = new Set<string>();
  for (const item of unreflected(state)) {
    const mutation = item.entry.mutation;
    if (mutation.kind === 'allocateNumbers') {
      if (item.status === 'queued')
        pendingAllocations.push({
          entryId: item.entry.entryId,
          count: mutation.count,
          activate: mutation.activate ?? false,
        });
      continue;
    }
    snapshot = effect(snapshot, mutation);
    if (item.status === 'queued' && 'e164' in mutation) pendingNumbers.add(mutation.e164);
  }
  return { snapshot, pendingAllocations, pendingNumbers };
}

/**
 * The prediction with more changes on top: those of an action the renderer has sent and main
 * has not answered yet, so its effect shows before the answer (bench/numbers-step.ts). The
 * effects are idempotent (activating an active number changes nothing), so changes main has
 * already queued in the meantime are not applied twice in effect.
 */
export function predictWith(
  predicted: PredictedSnapshot,
  mutations: readonly PlatformMutation[],
): PredictedSnapshot {
  if (mutations.length === 0) return predicted;
  let snapshot = predicted.snapshot;
  const pendingNumbers = new Set(predicted.pendingNumbers);
  const pendingAllocations = [...predicted.pendingAllocations];
  for (const mutation of mutations) {
    if (mutation.kind === 'allocateNumbers') {
      pendingAllocations.push({
        entryId: `sending:${pendingAllocations.length}`,
        count: mutation.count,
        activate: mutation.activate ?? false,
      });
      continue;
    }
    snapshot = effect(snapshot, mutation);
    if ('e164' in mutation) pendingNumbers.add(mutation.e164);
  }
  return { snapshot, pendingAllocations, pendingNumbers };
}
