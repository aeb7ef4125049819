import { z } from 'zod';
import { BlockedEntry, planOutbox } from './outbox-plan';
import type { JobState } from './state';

/**
 * What the job list and job page say about sync. Derived, never stored, so it cannot
 * drift from the journal: "synced" only when nothing at all is waiting and the platform
 * has confirmed something; a job with nothing sent yet is `nothingToSync`, never "synced".
 */
export const SyncLabel = z.enum([
  'synced',
  'nothingToSync',
  'queued',
  'syncing',
  'offline',
  'conflicts',
  'needsAttention',
]);
export type SyncLabel = z.infer<typeof SyncLabel>;

export const SyncProgress = z.object({
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
});
export type SyncProgress = z.infer<typeof SyncProgress>;

export const JobSyncStatus = z.object({
  label: SyncLabel,
  /** Changes sync may send now. */
  queued: z.number().int().nonnegative(),
  /** Queued changes held back behind a conflict or a refused change (not sendable). */
  blocked: z.number().int().nonnegative(),
  blockedEntries: z.array(BlockedEntry),
  conflicts: z.number().int().nonnegative(),
  needsAttention: z.number().int().nonnegative(),
  lastSyncAt: z.string().nullable(),
  offline: z.boolean(),
  progress: SyncProgress.nullable(),
});
export type JobSyncStatus = z.infer<typeof JobSyncStatus>;

export interface SyncRuntime {
  /** False when the platform is unreachable or the engineer chose to work offline. */
  online: boolean;
  /** Set while a sync run for this job is in flight. */
  progress: SyncProgress | null;
}

export function deriveSyncStatus(state: JobState, runtime: SyncRuntime): JobSyncStatus {
  const plan = planOutbox(state);
  const queued = plan.sendable;
  let conflicts = 0;
  let needsAttention = 0;
  for (const item of state.outbox) {
    if (item.status === 'conflict') conflicts++;
    else if (item.status === 'needsAttention') needsAttention++;
  }
  const label: SyncLabel =
    runtime.progress !== null
      ? 'syncing'
      : conflicts > 0
        ? 'conflicts'
        : needsAttention > 0
          ? 'needsAttention'
          : !runtime.online
            ? 'offline'
            : queued > 0
              ? 'queued'
              : state.lastSyncAt === null && state.outbox.length === 0
                ? 'nothingToSync'
                : 'synced';
  return {
    label,
    queued,
    blocked: plan.blocked.length,
    blockedEntries: plan.blocked,
    conflicts,
    needsAttention,
    lastSyncAt: state.lastSyncAt,
    offline: !runtime.online,
    progress: runtime.progress,
  };
}
