import { randomUUID } from 'node:crypto';
import { CodedError } from '../../shared/errors';
import {
  hasSendable,
  isDiscardable,
  type ConflictChoice,
  type SyncProgress,
  type SyncRuntime,
} from '../../shared/jobs';
import { ENGINEER, type JobService, type OpenedJob } from '../jobs';
import type { BackoffPolicy } from './backoff';
import type { RandomSource, SyncClock } from './clock';
import type { Connectivity } from './connectivity';
import type { MutationGateway } from './gateway';
import { SYNC_ACTOR, createSyncEngine, type SyncRunResult } from './sync-engine';

export interface SyncServiceOptions {
  jobs: JobService;
  gateway: MutationGateway;
  connectivity: Connectivity;
  clock: SyncClock;
  random: RandomSource;
  backoff: BackoffPolicy;
  /** How many resources are sent to at once. */
  concurrency: number;
  /** Sync by itself when the engineer queues a change or the platform comes back (the app's way). */
  autoSync?: boolean;
}

/**
 * Why a run started. Every run has one: the engineer asked, the engineer changed the job
 * (and something became sendable), or the platform became reachable with something
 * sendable. Sync's own records never start a run.
 */
export type SyncCause = 'requested' | 'engineer' | 'connectivity';

export type SyncRunEvent =
  | { phase: 'started'; jobId: string; cause: SyncCause }
  | { phase: 'ended'; jobId: string; cause: SyncCause; result: SyncRunResult | null };

export interface SyncService {
  runtime(jobId: string): SyncRuntime;
  /**
   * Sends the job's outbox now (joining a run already in progress) and refreshes its
   * snapshot. `requested` (the default) also refreshes the snapshot when nothing was sent.
   */
  syncJob(jobId: string, cause?: SyncCause): Promise<SyncRunResult>;
  /** Syncs every job that has something sendable. */
  syncAll(cause?: SyncCause): Promise<void>;
  resolveConflict(
    jobId: string,
    request: { actionId: string; entryId: string; choice: ConflictChoice },
  ): Promise<OpenedJob>;
  retryEntry(jobId: string, request: { actionId: string; entryId: string }): Promise<OpenedJob>;
  /** Drops a waiting, refused or conflicting change (and so frees what waits behind it). */
  discardEntry(jobId: string, request: { actionId: string; entryId: string }): Promise<OpenedJob>;
  /** Progress of a job's sync run; `null` when the run ended. */
  onProgress(listener: (jobId: string, progress: SyncProgress | null) => void): () => void;
  /** Every run's start and end, with its cause. */
  onRun(listener: (event: SyncRunEvent) => void): () => void;
  /** Resolves once no run is in flight and none is about to start. */
  settled(): Promise<void>;
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
    backoff: options.backoff,
    concurrency: options.concurrency,
  });
  const progress = new Map<string, SyncProgress>();
  const running = new Map<string, Promise<SyncRunResult>>();
  const listeners = new Set<(jobId: string, progress: SyncProgress | null) => void>();
  const runListeners = new Set<(event: SyncRunEvent) => void>();
  const unsubscribers: (() => void)[] = [];
  /** Jobs the engineer changed since their last look; checked on the next turn. */
  const wanted = new Set<string>();
  /** Checks and syncAll calls under way (not yet a run, maybe never one). */
  let deciding = 0;
  let settledWaiters: (() => void)[] = [];
  let closed = false;

  const announce = (jobId: string, value: SyncProgress | null) => {
    if (value) progress.set(jobId, value);
    else progress.delete(jobId);
    for (const listener of listeners) listener(jobId, value);
  };
  const tellRun = (event: SyncRunEvent) => {
    for (const listener of runListeners) listener(event);
  };
  const isSettled = () => running.size === 0 && deciding === 0 && wanted.size === 0;
  const checkSettled = () => {
    if (!isSettled()) return;
    const waiters = settledWaiters;
    settledWaiters = [];
    for (const resolve of waiters) resolve();
  };

  function syncJob(jobId: string, cause: SyncCause = 'requested'): Promise<SyncRunResult> {
    const inFlight = running.get(jobId);
    if (inFlight) return inFlight;
    tellRun({ phase: 'started', jobId, cause });
    let result: SyncRunResult | null = null;
    const run = engine
      .syncJob(jobId, {
        onProgress: (value) => announce(jobId, value),
        refreshSnapshot: cause === 'requested',
      })
      .then((value) => (result = value))
      .finally(() => {
        running.delete(jobId);
        announce(jobId, null);
        tellRun({ phase: 'ended', jobId, cause, result });
        // The engineer changed the job during the run: look again now it has ended.
        if (wanted.has(jobId)) lookSoon(jobId);
        checkSettled();
      });
    running.set(jobId, run);
    return run;
  }

  /** Runs `work` counted as deciding, so settled() waits for it. */
  async function whileDeciding<T>(work: () => Promise<T>): Promise<T> {
    deciding++;
    try {
      return await work();
    } finally {
      deciding--;
      checkSettled();
    }
  }

  async function syncAll(cause: SyncCause = 'requested'): Promise<void> {
    const listings = await whileDeciding(() => jobs.list());
    await Promise.all(
      listings
        .filter((l) => l.state !== null && hasSendable(l.state))
        .map((l) => syncJob(l.header.jobId, cause)),
    );
  }

  /** On the next turn (so a burst of records is one look): sync the job if it has something to send. */
  function lookSoon(jobId: string): void {
    deciding++; // the look is pending: not settled until it has run
    setImmediate(() => {
      deciding--;
      void whileDeciding(async () => {
        if (closed || !wanted.has(jobId) || running.has(jobId)) return;
        wanted.delete(jobId);
        if (!connectivity.canSync()) return;
        if (hasSendable(await jobs.state(jobId))) void syncJob(jobId, 'engineer');
      }).catch(() => undefined);
    });
  }

  if (options.autoSync) {
    unsubscribers.push(
      connectivity.onChange(() => {
        if (connectivity.canSync() && !closed) void syncAll('connectivity').catch(() => undefined);
      }),
      jobs.onChanged((jobId, records) => {
        // Only the engineer's records are a cause: sync's own (applied, conflict, snapshot)
        // never start another run, so a run can never feed itself.
        if (closed || records.every((record) => record.actor === SYNC_ACTOR)) return;
        if (wanted.has(jobId)) return;
        wanted.add(jobId);
        if (!running.has(jobId)) lookSoon(jobId);
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

  // Without autoSync, resolving or retrying sends at once; with it, the record is the cause.
  const kick = (jobId: string) => {
    if (!options.autoSync && connectivity.canSync())
      void syncJob(jobId, 'engineer').catch(() => undefined);
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
      if (!isDiscardable(item))
        throw new CodedError(
          'NOT_DISCARDABLE',
          `This change is ${item.status} and cannot be discarded; only a waiting, refused or conflicting change can.`,
        );
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

    onRun(listener) {
      runListeners.add(listener);
      return () => runListeners.delete(listener);
    },

    settled() {
      if (isSettled()) return Promise.resolve();
      return new Promise((resolve) => settledWaiters.push(resolve));
    },

    async close() {
      closed = true;
      wanted.clear();
      for (const unsubscribe of unsubscribers) unsubscribe();
      await Promise.allSettled([...running.values()]);
    },
  };
}
