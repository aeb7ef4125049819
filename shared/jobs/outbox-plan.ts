import { z } from 'zod';
import type { OutboxEntry } from './events';
import { isOutstanding } from './fold';
import { resourceKeyOf } from './mutations';
import type { JobState, OutboxItem } from './state';

/**
 * Which queued changes sync may send now, and which wait behind a change the engineer has
 * to look at first. Changes to one resource go in the order they were made, so a conflict
 * or a refused change holds back every other queued change to the same resource until it
 * is resolved, retried or discarded. Held-back changes are not sendable: nothing is sent,
 * and no sync run is started, for them.
 */

export const BlockReason = z.enum(['conflict', 'needsAttention']);
export type BlockReason = z.infer<typeof BlockReason>;

export const BlockedEntry = z.object({
  entryId: z.string(),
  /** The change it waits behind (in conflict, or refused by the platform). */
  behindEntryId: z.string(),
  reason: BlockReason,
  /** A sentence for the engineer: why it waits, and what frees it. */
  message: z.string(),
});
export type BlockedEntry = z.infer<typeof BlockedEntry>;

export interface OutboxPlan {
  /** Sendable entries, one lane per resource in outbox order. */
  lanes: OutboxEntry[][];
  /** How many entries the lanes hold. */
  sendable: number;
  blocked: BlockedEntry[];
}

function blockingReason(item: OutboxItem): BlockReason | null {
  if (item.status === 'conflict') return 'conflict';
  if (item.status === 'needsAttention') return 'needsAttention';
  return null;
}

function explain(reason: BlockReason, behind: OutboxItem): string {
  return reason === 'conflict'
    ? `Waits behind change ${behind.entry.entryId}, which is in conflict with the platform: resolve or discard it first.`
    : `Waits behind change ${behind.entry.entryId}, which the platform refused (${behind.problem?.code ?? 'refused'}): retry or discard it first.`;
}

export function planOutbox(state: JobState): OutboxPlan {
  const blockers = new Map<string, { item: OutboxItem; reason: BlockReason }>();
  for (const item of state.outbox) {
    const reason = blockingReason(item);
    const key = resourceKeyOf(item.entry.mutation);
    if (reason && !blockers.has(key)) blockers.set(key, { item, reason });
  }
  const lanes = new Map<string, OutboxEntry[]>();
  const blocked: BlockedEntry[] = [];
  let sendable = 0;
  for (const item of state.outbox) {
    if (item.status !== 'queued') continue;
    const key = resourceKeyOf(item.entry.mutation);
    const blocker = blockers.get(key);
    if (blocker) {
      blocked.push({
        entryId: item.entry.entryId,
        behindEntryId: blocker.item.entry.entryId,
        reason: blocker.reason,
        message: explain(blocker.reason, blocker.item),
      });
      continue;
    }
    sendable++;
    const lane = lanes.get(key);
    if (lane) lane.push(item.entry);
    else lanes.set(key, [item.entry]);
  }
  return { lanes: [...lanes.values()], sendable, blocked };
}

/** Whether sync has anything it may send for this job now. */
export function hasSendable(state: JobState): boolean {
  return planOutbox(state).sendable > 0;
}

/** Every change the platform has not got yet, over all jobs: what Settings warns about. */
export function countUnsyncedChanges(states: readonly (JobState | null)[]): {
  changes: number;
  jobs: number;
} {
  let changes = 0;
  let jobs = 0;
  for (const state of states) {
    if (!state) continue;
    const waiting = state.outbox.filter(isOutstanding).length;
    changes += waiting;
    if (waiting > 0) jobs++;
  }
  return { changes, jobs };
}
