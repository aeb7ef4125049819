import { randomBytes } from 'node:crypto';
import { closeSync, constants, copyFileSync, fsyncSync, openSync, statSync } from 'node:fs';
import { mkdir, open, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { CodedError } from '../../shared/errors';
import type { JobEvent, JobEventBody } from '../../shared/jobs';
import { encodeRecord } from './journal-codec';
import { fsyncDirectory } from './durable-files';
import { streamJournal } from './journal-reader';

/** An event to append: its id makes a repeated append (a retried action) a no-op. */
export type EventDraft = JobEventBody & { id: string; actor: string };

/** What opening a journal found; anything other than `clean` is reported to the engineer. */
export type JournalRecovery =
  | { kind: 'clean' }
  | {
      kind: 'tornTailRecovered';
      /** Bytes of the unfinished last record that were cut off. */
      droppedBytes: number;
      recordsKept: number;
      /** The file as found, before the cut. */
      keptAsidePath: string;
    };

export const JOURNAL_CORRUPTED = 'JOURNAL_CORRUPTED';
export const JOURNAL_WRITE_FAILED = 'JOURNAL_WRITE_FAILED';
export const JOURNAL_TOO_LARGE = 'JOURNAL_TOO_LARGE';

/**
 * The largest journal Dialtone opens or grows. A real job's journal is a few megabytes; one
 * far past this is a fault (the sync spin of issue 9 made 800 MB ones), and opening it
 * blindly would take minutes and gigabytes. It is reported instead, and left untouched.
 */
export const JOURNAL_MAX_BYTES = 256 * 1024 * 1024;

export interface CorruptedJournalDetail {
  path: string;
  keptAsidePath: string;
  lineNumber: number;
  reason: string;
  validRecordsBefore: number;
}

export interface TooLargeJournalDetail {
  path: string;
  bytes: number;
  limitBytes: number;
}

export interface Journal {
  readonly path: string;
  /** How many durable records the journal holds. */
  recordCount(): number;
  /** The first record (JobCreated), kept because the job's header comes from it. */
  first(): JobEvent | null;
  /** Resolves once every draft is written and fsynced; drafts whose id is already in the journal are no-ops. */
  append(drafts: readonly EventDraft[]): Promise<void>;
  /** Called synchronously, in order, with each batch of records as soon as it is durable. */
  onDurable(listener: (records: readonly JobEvent[]) => void): () => void;
  close(): Promise<void>;
}

export interface JournalOptions {
  now?: () => Date;
  /** JOURNAL_MAX_BYTES unless a test says. */
  maxBytes?: number;
}

export interface OpenJournalOptions extends JournalOptions {
  /** Each valid record, in order, as it is read (records are not kept in memory). */
  onRecord?: (record: JobEvent) => void;
}

function stampForFileName(date: Date): string {
  return date.toISOString().replaceAll(':', '-');
}

/** Copies the file as found next to it (never overwriting), fsynced; returns the copy's path. */
function keepAside(path: string, why: string, now: Date): string {
  const aside = join(
    dirname(path),
    `${basename(path, '.jsonl')}.${why}-${stampForFileName(now)}-${randomBytes(3).toString('hex')}.jsonl`,
  );
  copyFileSync(path, aside, constants.COPYFILE_EXCL);
  const fd = openSync(aside, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return aside;
}

function megabytes(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024))} MB`;
}

export function tooLargeError(path: string, bytes: number, limitBytes: number): CodedError {
  const detail: TooLargeJournalDetail = { path, bytes, limitBytes };
  return new CodedError(
    JOURNAL_TOO_LARGE,
    `The job's journal is ${megabytes(bytes)}, more than the ${megabytes(limitBytes)} Dialtone opens, so it was not loaded. It is left untouched at ${path} for support to look at.`,
    detail,
  );
}

/**
 * Opens a job's journal, reading it as a stream (memory bounded by one record, not the
 * file). A journal over the size limit is refused with JOURNAL_TOO_LARGE before it is read.
 * A torn last record is cut off (the file as found is kept aside first) and reported; any
 * other damage keeps the file untouched, copies it aside and throws JOURNAL_CORRUPTED:
 * nothing is ever silently dropped or overwritten.
 */
export async function openJournal(
  path: string,
  options: OpenJournalOptions = {},
): Promise<{ journal: Journal; recovery: JournalRecovery }> {
  const now = options.now ?? (() => new Date());
  const maxBytes = options.maxBytes ?? JOURNAL_MAX_BYTES;
  const { size } = statSync(path);
  if (size > maxBytes) throw tooLargeError(path, size, maxBytes);
  let first: JobEvent | null = null;
  const found = await streamJournal(path, (record) => {
    first ??= record;
    options.onRecord?.(record);
  });
  if (found.corruption) {
    const keptAsidePath = keepAside(path, 'corrupt', now());
    const detail: CorruptedJournalDetail = {
      path,
      keptAsidePath,
      lineNumber: found.corruption.lineNumber,
      reason: found.corruption.reason,
      validRecordsBefore: found.count,
    };
    throw new CodedError(
      JOURNAL_CORRUPTED,
      `The job's journal is damaged at line ${detail.lineNumber} (${detail.reason}). A copy is kept at ${keptAsidePath}; the job is left untouched for support to look at.`,
      detail,
    );
  }
  let recovery: JournalRecovery = { kind: 'clean' };
  const handle = await open(path, 'r+');
  if (found.tornBytes > 0) {
    const keptAsidePath = keepAside(path, 'torn', now());
    await handle.truncate(found.goodLength);
    await handle.sync();
    recovery = {
      kind: 'tornTailRecovered',
      droppedBytes: found.tornBytes,
      recordsKept: found.count,
      keptAsidePath,
    };
  }
  const journal = journalOn({
    path,
    handle,
    first,
    ids: found.ids,
    count: found.count,
    length: found.goodLength,
    now,
    maxBytes,
  });
  return { journal, recovery };
}

/** Creates a new journal whose first record is `first` (JobCreated); fails if the file exists. */
export async function createJournal(
  path: string,
  first: EventDraft,
  options: JournalOptions = {},
): Promise<Journal> {
  const now = options.now ?? (() => new Date());
  await mkdir(dirname(path), { recursive: true });
  let handle: FileHandle;
  try {
    handle = await open(path, 'wx+');
  } catch (error) {
    // A crash between making the file and writing its first record leaves it empty:
    // nothing was acknowledged, so that empty file is taken up again.
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || statSync(path).size !== 0)
      throw error;
    handle = await open(path, 'r+');
  }
  await fsyncDirectory(dirname(path));
  const journal = journalOn({
    path,
    handle,
    first: null,
    ids: new Set(),
    count: 0,
    length: 0,
    now,
    maxBytes: options.maxBytes ?? JOURNAL_MAX_BYTES,
  });
  await journal.append([first]);
  return journal;
}

interface JournalState {
  path: string;
  handle: FileHandle;
  first: JobEvent | null;
  ids: Set<string>;
  count: number;
  length: number;
  now: () => Date;
  maxBytes: number;
}

function journalOn(initial: JournalState): Journal {
  const { path, handle, now, maxBytes } = initial;
  const ids = initial.ids;
  let first = initial.first;
  let count = initial.count;
  const listeners = new Set<(records: readonly JobEvent[]) => void>();
  /** One append's new records, durable together (a batch of sync outcomes is one). */
  interface Pending {
    records: JobEvent[];
    text: string;
    resolve: () => void;
    reject: (error: unknown) => void;
  }
  let queue: Pending[] = [];
  const pendingById = new Map<string, Promise<void>>();
  let nextSeq = count + 1;
  let position = initial.length;
  /** Bytes the file will have once everything queued is written. */
  let reserved = position;
  let flushing: Promise<void> | null = null;
  let failure: CodedError | null = null;
  let closed = false;

  async function writeAll(text: string): Promise<void> {
    const buffer = Buffer.from(text, 'utf8');
    let written = 0;
    while (written < buffer.length) {
      const { bytesWritten } = await handle.write(
        buffer,
        written,
        buffer.length - written,
        position + written,
      );
      written += bytesWritten;
    }
    position += buffer.length;
  }

  // Group commit: whatever queued while the last fsync ran goes out in the next write.
  async function flushLoop(): Promise<void> {
    while (queue.length > 0) {
      const batch = queue;
      queue = [];
      try {
        await writeAll(batch.length === 1 ? batch[0]!.text : batch.map((p) => p.text).join(''));
        await handle.datasync();
      } catch (error) {
        failure = new CodedError(
          JOURNAL_WRITE_FAILED,
          `The job's journal could not be written (${(error as Error).message}). Nothing after the last saved step was kept; reopen the job.`,
        );
        for (const pending of [...batch, ...queue]) pending.reject(failure);
        queue = [];
        return;
      }
      const durable = batch.length === 1 ? batch[0]!.records : batch.flatMap((p) => p.records);
      for (const record of durable) {
        first ??= record;
        count++;
        ids.add(record.id);
        pendingById.delete(record.id);
      }
      for (const listener of listeners) listener(durable);
      for (const pending of batch) pending.resolve();
    }
  }

  function kick(): void {
    if (flushing) return;
    flushing = flushLoop().finally(() => {
      flushing = null;
      // Appends that came in after the loop's last look at the queue.
      if (queue.length > 0 && !failure) kick();
    });
  }

  return {
    path,
    recordCount: () => count,
    first: () => first,
    onDurable(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    append(drafts) {
      if (failure) return Promise.reject(failure);
      if (closed)
        return Promise.reject(new CodedError(JOURNAL_WRITE_FAILED, 'The journal is closed.'));
      const results: Promise<void>[] = [];
      const records: JobEvent[] = [];
      let text = '';
      // Sync appends its outcomes in batches of hundreds; the engineer one record at a time.
      const seen = drafts.length > 1 ? new Set<string>() : null;
      let seq = nextSeq;
      for (const draft of drafts) {
        if (ids.has(draft.id)) continue;
        const inFlight = pendingById.get(draft.id);
        if (inFlight) {
          results.push(inFlight);
          continue;
        }
        if (seen) {
          if (seen.has(draft.id)) continue;
          seen.add(draft.id);
        }
        const record = {
          seq: seq++,
          id: draft.id,
          time: now().toISOString(),
          actor: draft.actor,
          type: draft.type,
          payload: draft.payload,
        } as JobEvent;
        records.push(record);
        text += encodeRecord(record);
      }
      if (records.length > 0) {
        // Never grow a journal past what Dialtone will open again.
        const adding = Buffer.byteLength(text);
        if (reserved + adding > maxBytes)
          return Promise.reject(tooLargeError(path, reserved + adding, maxBytes));
        nextSeq = seq;
        reserved += adding;
        const pending: Pending = {
          records,
          text,
          resolve: () => undefined,
          reject: () => undefined,
        };
        const promise = new Promise<void>((resolve, reject) => {
          pending.resolve = resolve;
          pending.reject = reject;
        });
        queue.push(pending);
        for (const record of records) pendingById.set(record.id, promise);
        results.push(promise);
        kick();
      }
      if (results.length === 1) return results[0]!;
      // Records of one batch share its promise: each is waited for once.
      return Promise.all(new Set(results)).then(() => undefined);
    },
    async close() {
      closed = true;
      while (flushing) await flushing;
      await handle.close();
    },
  };
}
