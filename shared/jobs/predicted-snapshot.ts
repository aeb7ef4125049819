import { planAllocation } from '../numbers/allocation';
import type { PhoneNumber } from '../platform/schemas';
import type { PlatformMutation } from './mutations';
import type { JobSnapshot } from './snapshot';
import type { JobState, OutboxItem } from './state';

/** An allocation waiting for the platform: which numbers it will be is not known yet. */
export interface PendingAllocation {
  entryId: string;
  count: number;
  activate: boolean;
  /**
   * The platform's own allocation on a queued first add of voice services (DOMAIN.md): how
   * many it activates and whether one is the main number. Absent for an allocation asked for.
   */
  automatic?: { activate: number; mainNumber: boolean };
  /** One number asked for as the occupier's main number (nominated, then activated). */
  main?: true;
  /** The platform made it; the snapshot that shows its numbers is not in yet. */
  applied?: true;
}

/**
 * The allocation the platform makes by itself when a queued add of voice services arrives:
 * only on a first add (no service yet, no manually assigned numbers), as `planAllocation` says.
 */
function automaticAllocation(
  snapshot: JobSnapshot,
  entryId: string,
  mutation: Extract<PlatformMutation, { kind: 'addVoiceService' }>,
): PendingAllocation | null {
  const upgrade = snapshot.voiceServices.some((v) => v.occupierId === mutation.occupierId);
  const hasManualNumbers = snapshot.numbers.some(
    (n) =>
      n.occupierId === mutation.occupierId && (n.source === 'ported' || n.source === 'customRange'),
  );
  let plan;
  try {
    plan = planAllocation({
      region: snapshot.site.region,
      quantity: mutation.quantity,
      autoMainNumber: snapshot.operator.autoMainNumber,
      upgrade,
      hasManualNumbers,
    });
  } catch {
    return null;
  }
  if (!plan.automatic || plan.allocate === 0) return null;
  return {
    entryId,
    count: plan.allocate,
    activate: true,
    automatic: { activate: plan.activate, mainNumber: plan.mainNumber },
  };
}

/**
 * Findings about how many numbers the occupier holds, has active or has as main: while an
 * allocation waits for the platform (asked for, or the platform's own on a queued first add),
 * they cannot be judged, because the numbers it brings are not known yet. Their fixes would
 * allocate a second time once both reach the platform, so none is offered until it answers.
 */
export function waitsForAllocation(predicted: PredictedSnapshot, findingId: string): boolean {
  if (predicted.pendingAllocations.length === 0) return false;
  const family = findingId.split(/[.:]/)[0] ?? '';
  return (
    ['main', 'activation', 'allocation', 'pool'].includes(family) || findingId === 'numbers.spare'
  );
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
    // Applied but not in the snapshot yet counts too: the numbers it brought are not known here.
    if (mutation.kind === 'allocateNumbers') {
      pendingAllocations.push({
        entryId: item.entry.entryId,
        count: mutation.count,
        activate: mutation.activate ?? false,
        ...(mutation.main ? { main: true as const } : {}),
        ...(item.status === 'applied' ? { applied: true as const } : {}),
      });
      continue;
    }
    if (mutation.kind === 'addVoiceService') {
      const automatic = automaticAllocation(snapshot, item.entry.entryId, mutation);
      if (automatic)
        pendingAllocations.push({
          ...automatic,
          ...(item.status === 'applied' ? { applied: true as const } : {}),
        });
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
        ...(mutation.main ? { main: true as const } : {}),
      });
      continue;
    }
    snapshot = effect(snapshot, mutation);
    if ('e164' in mutation) pendingNumbers.add(mutation.e164);
  }
  return { snapshot, pendingAllocations, pendingNumbers };
}
