import type { EventDraft } from '../jobs';

/**
 * Sync's outcome records, journaled in batches: whatever came in within `maxDelayMs` of the
 * first (at most `maxRecords`) is one append to the journal, so one write and one fsync,
 * not one of each per entry. (A write and fsync cost about 0.4 ms of CPU here; 100 ms is
 * the renderer's own pace for sync progress, so no one sees the wait.) Under faults a sync answers a few hundred entries a second,
 * too slowly for the journal's own group commit to gather them, and an fsync (two trips
 * to the thread pool, a wake-up each) per entry cost Dialtone more than the platform spent
 * answering.
 *
 * Still crash-safe: a record counts (for the caller, and for the run's progress) only once
 * its batch is durable. A crash before that loses nothing acknowledged: the entry is still
 * queued, and is sent again with the same idempotency key, which the platform answers from
 * its store without applying it twice. Records go to the journal in the order they were
 * added; `flushNow` sends the waiting ones at once (for a record the run waits on).
 */
export interface OutcomeBatch {
  /** Queues `draft` for the next batch. */
  add(draft: EventDraft): void;
  /**
   * Appends everything waiting now, in order, and resolves once every batch so far is
   * durable; rejects with the first batch that could not be written.
   */
  flush(): Promise<void>;
}

export interface OutcomeBatchOptions {
  /** Appends drafts in order; resolves once all are durable. */
  record(drafts: readonly EventDraft[]): Promise<void>;
  /** Called with how many records became durable, once per batch, in order. */
  onDurable?(count: number): void;
  maxDelayMs?: number;
  maxRecords?: number;
}

export const OUTCOME_BATCH_DELAY_MS = 100;
export const OUTCOME_BATCH_MAX_RECORDS = 512;

export function createOutcomeBatch(options: OutcomeBatchOptions): OutcomeBatch {
  const maxDelayMs = options.maxDelayMs ?? OUTCOME_BATCH_DELAY_MS;
  const maxRecords = options.maxRecords ?? OUTCOME_BATCH_MAX_RECORDS;
  let waiting: EventDraft[] = [];
  let timer: ReturnType<typeof setTimeout> | null = null;
  /** The last batch handed to the journal: batches become durable in order. */
  let last: Promise<void> = Promise.resolve();
  let failure: { error: unknown } | null = null;

  function send(): void {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    if (waiting.length === 0) return;
    const batch = waiting;
    waiting = [];
    const written = options.record(batch);
    last = Promise.all([last, written]).then(
      () => {
        if (!failure) options.onDurable?.(batch.length);
      },
      (error: unknown) => {
        failure ??= { error };
      },
    );
  }

  return {
    add(draft) {
      waiting.push(draft);
      if (waiting.length >= maxRecords) send();
      else timer ??= setTimeout(send, maxDelayMs);
    },
    async flush() {
      send();
      await last;
      if (failure) throw failure.error;
    },
  };
}
