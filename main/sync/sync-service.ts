import { randomUUID } from 'node:crypto';
import { CodedError } from '../../shared/errors';
import type { ConflictChoice, SyncProgress, SyncRuntime } from '../../shared/jobs';
import { ENGINEER, type JobService, type OpenedJob } from '../jobs';
import type { BackoffPolicy } from './backoff';
import type { RandomSource, SyncClock } from './clock';
import type { Connectivity } from './connectivity';
import type { MutationGateway } from './gateway';
import { createSyncEngine, type SyncRunResult } from './sync-engine';

export interface SyncServiceOptions {
  jobs: JobService;
  gateway: MutationGateway;
  connectivity: Connectivity;
  clock: SyncClock;
  random: RandomSource;
  backoff?: BackoffPolicy;
  concurrency?: number;
  /** Sync by itself when something is queued and the platform is reachable (off in some tests). */
  autoSync?: boolean;
}

export interface SyncService {
  runtime(jobId: string): SyncRuntime;
  /** Sends the job's outbox now (joining a run already in progress) and refreshes its snapshot. */
  syncJob(jobId: string): Promise<SyncRunResult>;
  /** Syncs every job that has something queued. */
  syncAll(): Promise<void>;
  resolveConflict(
    jobId: string,
    request: { actionId: string; entryId: string; choice: ConflictChoice },
  ): Promise<OpenedJob>;
  retryEntry(jobId: string, request: { actionId: string; entryId: string }): Promise<OpenedJob>;
  discardEntry(jobId: string, request: { actionId: string; entryId: string }): Promise<OpenedJob>;
  /** Progress of a job's sync run; `null` when the run ended. */
  onProgress(listener: (jobId: string, progress: SyncProgress | null) => void): () => void;
  close(): Promise<void>;
}

export function createSyncService(options: SyncServiceOptions): SyncService {
  const { jobs, connectivity } = options;
  const engine = createSyncEngine({
    jobs,
    gateway: options.gateway,
    clock: options.clock,
    random: options.random,
    isOnline: () => connectivity.canSync(),
    reportOffline: (reason) => connectivity.reportUnreachable(reason),
    ...(options.backoff ? { backoff: options.backoff } : {}),
    ...(options.concurrency ? { concurrency: options.concurrency } : {}),
  });
  const progress = new Map<string, SyncProgress>();
  const running = new Map<string, Promise<SyncRunResult>>();
  const listeners = new Set<(jobId: string, progress: SyncProgress | null) => void>();
  const unsubscribers: (() => void)[] = [];
  let closed = false;

  const announce = (jobId: string, value: SyncProgress | null) => {
    if (value) progress.set(jobId, value);
    else progress.delete(jobId);
    for (const listener of listeners) listener(jobId, value);
  };

  function syncJob(jobId: string): Promise<SyncRunResult> {
    const inFlight = running.get(jobId);
    if (inFlight) return inFlight;
    const run = engine
      .syncJob(jobId, (value) => announce(jobId, value))
      .finally(() => {
        running.delete(jobId);
        announce(jobId, null);
      });
    running.set(jobId, run);
    return run;
  }

  async function hasQueued(jobId: string): Promise<boolean> {
    const state = await jobs.state(jobId);
    return state.outbox.some((item) => item.status === 'queued');
  }

  async function syncAll(): Promise<void> {
    const listings = await jobs.list();
    await Promise.all(
      listings
        .filter((l) => l.state?.outbox.some((item) => item.status === 'queued'))
        .map((l) => syncJob(l.header.jobId)),
    );
  }

  if (options.autoSync) {
    const pending = new Set<string>();
    unsubscribers.push(
      connectivity.onChange(() => {
        if (connectivity.canSync() && !closed) void syncAll().catch(() => undefined);
      }),
      jobs.onChanged((jobId) => {
        // After the run in flight (if any) ends, send whatever the engineer queued meanwhile.
        if (pending.has(jobId) || closed) return;
        pending.add(jobId);
        setImmediate(() => {
          pending.delete(jobId);
          if (!connectivity.canSync() || running.has(jobId) || closed) return;
          void hasQueued(jobId)
            .then((queued) => (queued ? syncJob(jobId) : undefined))
            .catch(() => undefined);
        });
      }),
    );
  }

  async function itemOf(jobId: string, entryId: string) {
    const state = await jobs.state(jobId);
    const item = state.outbox.find((i) => i.entry.entryId === entryId);
    if (!item)
      throw new CodedError('OUTBOX_ENTRY_NOT_FOUND', `There is no change ${entryId} in this job.`);
    return item;
  }

  const kick = (jobId: string) => {
    if (connectivity.canSync()) void syncJob(jobId).catch(() => undefined);
  };

  return {
    runtime: (jobId) => ({ online: connectivity.canSync(), progress: progress.get(jobId) ?? null }),
    syncJob,
    syncAll,

    async resolveConflict(jobId, { actionId, entryId, choice }) {
      const item = await itemOf(jobId, entryId);
      if (item.status !== 'conflict') {
        const opened = await jobs.open(jobId);
        if (item.status === 'superseded' || item.status === 'discarded') return opened;
        throw new CodedError('NOT_IN_CONFLICT', 'This change is not in conflict any more.');
      }
      if (!item.theirs)
        throw new CodedError('NOT_IN_CONFLICT', 'This conflict has no platform value.');
      const replacement =
        choice === 'applyMine'
          ? {
              entryId: `${actionId}-mine`,
              idempotencyKey: randomUUID(),
              mutation: item.entry.mutation,
              baseVersion: item.theirs.version,
            }
          : null;
      await jobs.record(jobId, [
        {
          id: actionId,
          actor: ENGINEER,
          type: 'ConflictResolved',
          payload: { entryId, choice, replacement },
        },
      ]);
      kick(jobId);
      return jobs.open(jobId);
    },

    async retryEntry(jobId, { actionId, entryId }) {
      const item = await itemOf(jobId, entryId);
      if (item.status !== 'needsAttention')
        throw new CodedError('NOT_NEEDING_ATTENTION', 'This change is not waiting for attention.');
      await jobs.record(jobId, [
        { id: actionId, actor: ENGINEER, type: 'MutationRetryRequested', payload: { entryId } },
      ]);
      kick(jobId);
      return jobs.open(jobId);
    },

    async discardEntry(jobId, { actionId, entryId }) {
      const item = await itemOf(jobId, entryId);
      if (item.status !== 'needsAttention' && item.status !== 'queued')
        throw new CodedError('NOT_DISCARDABLE', 'Only a waiting change can be discarded.');
      await jobs.record(jobId, [
        {
          id: actionId,
          actor: ENGINEER,
          type: 'MutationDiscarded',
          payload: { entryId, reason: 'Discarded by the engineer.' },
        },
      ]);
      return jobs.open(jobId);
    },

    onProgress(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    async close() {
      closed = true;
      for (const unsubscribe of unsubscribers) unsubscribe();
      await Promise.allSettled([...running.values()]);
    },
  };
}
