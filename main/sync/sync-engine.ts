import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import {
  ifMatchFor,
  planOutbox,
  resourceKeyOf,
  type JobSnapshot,
  type JobState,
  type OutboxEntry,
  type SyncProgress,
} from '../../shared/jobs';
import type { JobService } from '../jobs';
import { backoffDelay, type BackoffPolicy } from './backoff';
import type { RandomSource, SyncClock } from './clock';
import { classifyFailure } from './failure';
import type { MutationGateway } from './gateway';
import { createOutcomeBatch } from './outcome-batch';
import { createSendSlots, type SendSlots } from './send-slots';

export const SYNC_ACTOR = 'sync';

export interface SyncEngineOptions {
  jobs: JobService;
  gateway: MutationGateway;
  clock: SyncClock;
  random: RandomSource;
  /** Whether sync may talk to the platform now (health, and the engineer's "work offline"). */
  isOnline(): boolean;
  /** Told when retries suggest the platform has gone away (health check failed). */
  reportOffline?(reason: string): void;
  backoff: BackoffPolicy;
  /** How many requests are in flight at once; entries of one resource always go in order. */
  concurrency: number;
}

export interface SyncRunResult {
  /** Entries the platform answered (applied, conflict or refused). */
  sent: number;
  applied: number;
  conflicts: number;
  needsAttention: number;
  /** Entries still queued when the run ended (offline, unauthorised, or behind a blocked one). */
  remaining: number;
  stopped: null | { reason: 'offline' | 'unauthorized'; message: string };
  snapshotRefreshed: boolean;
}

type SendOutcome =
  | { kind: 'applied'; version: number | null }
  | { kind: 'conflict' }
  | { kind: 'rejected'; status: number; code: string; message: string }
  | { kind: 'stop'; reason: 'offline' | 'unauthorized'; message: string };

/** Entries ready to send, one lane per resource in outbox order; a blocked resource waits. */
export function planLanes(state: JobState): OutboxEntry[][] {
  return planOutbox(state).lanes;
}

export interface SyncRunOptions {
  onProgress?: (progress: SyncProgress) => void;
  /**
   * Fetch the platform's snapshot even when nothing was sent (the engineer asked to sync).
   * Either way a snapshot equal to the job's is not journaled again.
   */
  refreshSnapshot?: boolean;
}

/** Two snapshots say the same thing about the site (when each was taken aside). */
export function sameContent(a: JobSnapshot, b: JobSnapshot): boolean {
  return isDeepStrictEqual({ ...a, takenAt: '' }, { ...b, takenAt: '' });
}

export interface SyncEngine {
  /**
   * Sends a job's sendable outbox, then refreshes its snapshot if anything was sent (or if
   * asked). A run that sent nothing and found the snapshot unchanged records nothing.
   * Never throws for platform failures.
   */
  syncJob(jobId: string, options?: SyncRunOptions): Promise<SyncRunResult>;
}

export function createSyncEngine(options: SyncEngineOptions): SyncEngine {
  const policy = options.backoff;
  const concurrency = Math.max(1, options.concurrency);
  const { gateway, clock, random, jobs } = options;

  const OFFLINE: SendOutcome = { kind: 'stop', reason: 'offline', message: 'Dialtone is offline.' };

  /** One entry, retried until the platform answers it; `halted` says another lane stopped the run. */
  async function send(
    entry: OutboxEntry,
    ifMatch: number | null,
    slots: SendSlots,
    halted: () => SendOutcome | null,
  ): Promise<SendOutcome> {
    for (let attempt = 0; ; attempt++) {
      try {
        // Checked once the slot is ours: the run may have stopped, or gone offline, meanwhile.
        const answer = await slots.run(async () => {
          const stop = halted() ?? (options.isOnline() ? null : OFFLINE);
          if (stop) return stop;
          return gateway.apply(entry.mutation, { idempotencyKey: entry.idempotencyKey, ifMatch });
        });
        if ('kind' in answer) return answer;
        return { kind: 'applied', version: answer.version };
      } catch (error) {
        const failure = classifyFailure(error);
        if (failure.kind === 'conflict') return failure;
        if (failure.kind === 'rejected') return failure;
        if (failure.kind === 'unauthorized')
          return { kind: 'stop', reason: 'unauthorized', message: failure.message };
        if ((attempt + 1) % policy.attemptsBeforeHealthCheck === 0 && !(await platformAnswers())) {
          // Sentences, as the engineer reads them beside the queue (the reason is one already).
          const message = `The platform stopped answering while changes were being sent; they wait here and are sent when it answers again. ${failure.reason}`;
          options.reportOffline?.(message);
          return { kind: 'stop', reason: 'offline', message };
        }
        await clock.sleep(failure.retryAfterMs ?? backoffDelay(attempt, random, policy));
      }
    }
  }

  /** A read (snapshot, current value) with the same retry rules; null when it never came. */
  async function readWithRetry<T>(read: () => Promise<T>): Promise<T | null> {
    for (let attempt = 0; attempt < policy.attemptsBeforeHealthCheck * 2; attempt++) {
      if (!options.isOnline()) return null;
      try {
        return await read();
      } catch (error) {
        const failure = classifyFailure(error);
        if (failure.kind !== 'retry') return null;
        await clock.sleep(failure.retryAfterMs ?? backoffDelay(attempt, random, policy));
      }
    }
    return null;
  }

  /** Unreachable only when several health checks in a row fail, so one lost probe is not an outage. */
  async function platformAnswers(): Promise<boolean> {
    for (let attempt = 0; attempt < 3; attempt++) {
      if (await gateway.health()) return true;
      await clock.sleep(backoffDelay(attempt, random, policy));
    }
    return false;
  }

  async function syncJob(jobId: string, runOptions: SyncRunOptions = {}): Promise<SyncRunResult> {
    const { onProgress } = runOptions;
    const state = await jobs.state(jobId);
    const { lanes, sendable: total } = planOutbox(state);
    const result: SyncRunResult = {
      sent: 0,
      applied: 0,
      conflicts: 0,
      needsAttention: 0,
      remaining: total,
      stopped: null,
      snapshotRefreshed: false,
    };
    let done = 0;
    onProgress?.({ done, total });

    // Versions our own changes produced during this run, on top of the journal's chain.
    const produced = new Map<string, Map<number, number>>();
    const ifMatchOf = (entry: OutboxEntry): number | null => {
      const base = ifMatchFor(state, entry);
      const chain = produced.get(resourceKeyOf(entry.mutation));
      if (base === null || !chain) return base;
      // Versions only grow, so following the chain always ends.
      let version = base;
      for (let next = chain.get(version); next !== undefined && next > version;) {
        version = next;
        next = chain.get(version);
      }
      // The next entry based on the same version jumps straight here: queued offline, a
      // port's 400 changes all share one base, and walking from it each time is quadratic.
      if (version !== base) chain.set(base, version);
      return version;
    };

    // Outcomes are journaled in batches while the next entries are already on their way
    // (one append, one fsync, per batch): a crash before a record is durable only means
    // resending its entry, and the platform answers a resend with the same idempotency key
    // from its store. Progress counts durable records only; the run returns once all are.
    const outcomes = createOutcomeBatch({
      record: (drafts) => jobs.record(jobId, drafts),
      onDurable: (count) => {
        done += count;
        onProgress?.({ done, total });
      },
    });

    async function sendLane(lane: OutboxEntry[]): Promise<void> {
      for (const entry of lane) {
        if (result.stopped) return;
        const ifMatch = ifMatchOf(entry);
        const outcome = await send(entry, ifMatch, slots, halted);
        if (outcome.kind === 'stop') {
          result.stopped ??= { reason: outcome.reason, message: outcome.message };
          return;
        }
        result.sent++;
        if (outcome.kind === 'applied') {
          outcomes.add({
            id: `applied-${entry.entryId}`,
            actor: SYNC_ACTOR,
            type: 'MutationApplied',
            payload: {
              entryId: entry.entryId,
              sentIfMatch: ifMatch,
              resultVersion: outcome.version,
            },
          });
          if (ifMatch !== null && outcome.version !== null && outcome.version > ifMatch) {
            const key = resourceKeyOf(entry.mutation);
            const chain = produced.get(key) ?? new Map<number, number>();
            chain.set(ifMatch, outcome.version);
            produced.set(key, chain);
          }
          result.applied++;
          result.remaining--;
          continue;
        }
        if (outcome.kind === 'conflict') {
          const theirs = await readWithRetry(() => gateway.currentValue(entry.mutation));
          if (theirs === null) return; // Cannot show the conflict yet: it stays queued.
          // After this lane's earlier outcomes, in order; the lane stops here, so it waits.
          outcomes.add({
            id: `conflict-${entry.entryId}`,
            actor: SYNC_ACTOR,
            type: 'ConflictRaised',
            payload: { entryId: entry.entryId, theirs },
          });
          await outcomes.flush();
          result.conflicts++;
        } else {
          outcomes.add({
            id: `attention-${entry.entryId}-${randomUUID()}`,
            actor: SYNC_ACTOR,
            type: 'MutationNeedsAttention',
            payload: {
              entryId: entry.entryId,
              status: outcome.status,
              code: outcome.code,
              message: outcome.message,
            },
          });
          await outcomes.flush();
          result.needsAttention++;
        }
        result.remaining--;
        return; // Later changes to this resource wait until the engineer has looked.
      }
    }

    // Every lane runs at once, sharing `concurrency` slots: a lane holds one only while its
    // request is out, so 24 lanes with 16 slots all move, and a lane in backoff idles no one.
    const slots = createSendSlots(concurrency);
    const halted = (): SendOutcome | null =>
      result.stopped ? { kind: 'stop', ...result.stopped } : null;
    try {
      await Promise.all(lanes.map((lane) => sendLane(lane)));
    } finally {
      await outcomes.flush();
    }

    const wantSnapshot = result.sent > 0 || runOptions.refreshSnapshot === true;
    if (wantSnapshot && !result.stopped && options.isOnline()) {
      const snapshot = await readWithRetry(() => gateway.snapshot(state.siteId, state.occupierId));
      // Without a snapshot the pushed changes are still recorded; the next run refreshes it.
      // The same snapshot again is not news: journaling it would only grow the journal.
      if (snapshot !== null && !sameContent(snapshot, (await jobs.state(jobId)).snapshot)) {
        await jobs.record(jobId, [
          {
            id: `snapshot-${randomUUID()}`,
            actor: SYNC_ACTOR,
            type: 'SnapshotRefreshed',
            payload: { snapshot },
          },
        ]);
        result.snapshotRefreshed = true;
      }
    }
    return result;
  }

  return { syncJob };
}
