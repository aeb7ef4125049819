import { randomBytes } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { mkdir, open, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { CodedError } from '../../shared/errors';
import type { JobEvent, JobEventBody } from '../../shared/jobs';
import { decodeRecord, encodeRecord } from './journal-codec';
import { fsyncDirectory, writeNewFileSync } from './durable-files';

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

export interface CorruptedJournalDetail {
  path: string;
  keptAsidePath: string;
  lineNumber: number;
  reason: string;
  validRecordsBefore: number;
}

export interface Journal {
  readonly path: string;
  /** Every durable record, in order. */
  records(): readonly JobEvent[];
  /** Resolves once every draft is written and fsynced; drafts whose id is already in the journal return the stored record. */
  append(drafts: readonly EventDraft[]): Promise<JobEvent[]>;
  /** Called synchronously, in order, with each batch of records as soon as it is durable. */
  onDurable(listener: (records: readonly JobEvent[]) => void): () => void;
  close(): Promise<void>;
}

export interface JournalOptions {
  now?: () => Date;
}

function stampForFileName(date: Date): string {
  return date.toISOString().replaceAll(':', '-');
}

function keepAside(path: string, bytes: Uint8Array, why: string, now: Date): string {
  const aside = join(
    dirname(path),
    `${basename(path, '.jsonl')}.${why}-${stampForFileName(now)}-${randomBytes(3).toString('hex')}.jsonl`,
  );
  writeNewFileSync(aside, bytes);
  return aside;
}

export interface JournalScan {
  records: JobEvent[];
  /** Length in bytes of the valid, newline-terminated prefix. */
  goodLength: number;
  tornBytes: number;
  corruption: { lineNumber: number; reason: string } | null;
}

/** Reads a journal's bytes without changing anything (also what a bundle export reads). */
export function scanJournal(bytes: Buffer): JournalScan {
  const records: JobEvent[] = [];
  const ids = new Set<string>();
  let offset = 0;
  let lineNumber = 0;
  while (offset < bytes.length) {
    const newline = bytes.indexOf(0x0a, offset);
    lineNumber++;
    if (newline === -1) {
      // An unfinished last record: the write was cut short. Only the tail may be torn.
      return { records, goodLength: offset, tornBytes: bytes.length - offset, corruption: null };
    }
    const decoded = decodeRecord(bytes.toString('utf8', offset, newline));
    const problem = !decoded.ok
      ? decoded.reason
      : decoded.record.seq !== records.length + 1
        ? `expected record ${records.length + 1}, found ${decoded.record.seq}`
        : ids.has(decoded.record.id)
          ? `event id ${decoded.record.id} appears twice`
          : records.length === 0 && decoded.record.type !== 'JobCreated'
            ? 'the first record is not JobCreated'
            : null;
    if (problem !== null || !decoded.ok)
      return {
        records,
        goodLength: offset,
        tornBytes: 0,
        corruption: { lineNumber, reason: problem ?? 'invalid' },
      };
    records.push(decoded.record);
    ids.add(decoded.record.id);
    offset = newline + 1;
  }
  return { records, goodLength: offset, tornBytes: 0, corruption: null };
}

/**
 * Opens a job's journal. A torn last record is cut off (the file as found is kept aside
 * first) and reported; any other damage keeps the file untouched, copies it aside and
 * throws JOURNAL_CORRUPTED: nothing is ever silently dropped or overwritten.
 */
export async function openJournal(
  path: string,
  options: JournalOptions = {},
): Promise<{ journal: Journal; recovery: JournalRecovery }> {
  const now = options.now ?? (() => new Date());
  const bytes = readFileSync(path);
  const found = scanJournal(bytes);
  if (found.corruption) {
    const keptAsidePath = keepAside(path, bytes, 'corrupt', now());
    const detail: CorruptedJournalDetail = {
      path,
      keptAsidePath,
      lineNumber: found.corruption.lineNumber,
      reason: found.corruption.reason,
      validRecordsBefore: found.records.length,
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
    const keptAsidePath = keepAside(path, bytes, 'torn', now());
    await handle.truncate(found.goodLength);
    await handle.sync();
    recovery = {
      kind: 'tornTailRecovered',
      droppedBytes: found.tornBytes,
      recordsKept: found.records.length,
      keptAsidePath,
    };
  }
  return { journal: journalOn(path, handle, found.records, found.goodLength, now), recovery };
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
  const journal = journalOn(path, handle, [], 0, now);
  await journal.append([first]);
  return journal;
}

function journalOn(
  path: string,
  handle: FileHandle,
  initial: JobEvent[],
  length: number,
  now: () => Date,
): Journal {
  const records = initial;
  const byId = new Map(records.map((record) => [record.id, record]));
  const listeners = new Set<(records: readonly JobEvent[]) => void>();
  interface Pending {
    record: JobEvent;
    line: string;
    resolve: () => void;
    reject: (error: unknown) => void;
  }
  let queue: Pending[] = [];
  const pendingById = new Map<string, Promise<JobEvent>>();
  let nextSeq = records.length + 1;
  let position = length;
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
        await writeAll(batch.map((p) => p.line).join(''));
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
      const durable = batch.map((p) => p.record);
      for (const record of durable) {
        records.push(record);
        byId.set(record.id, record);
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
    records: () => records,
    onDurable(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    append(drafts) {
      if (failure) return Promise.reject(failure);
      if (closed)
        return Promise.reject(new CodedError(JOURNAL_WRITE_FAILED, 'The journal is closed.'));
      const results: Promise<JobEvent>[] = [];
      for (const draft of drafts) {
        const existing = byId.get(draft.id);
        if (existing) {
          results.push(Promise.resolve(existing));
          continue;
        }
        const inFlight = pendingById.get(draft.id);
        if (inFlight) {
          results.push(inFlight);
          continue;
        }
        const record = {
          seq: nextSeq++,
          id: draft.id,
          time: now().toISOString(),
          actor: draft.actor,
          type: draft.type,
          payload: draft.payload,
        } as JobEvent;
        const promise = new Promise<JobEvent>((resolve, reject) => {
          queue.push({
            record,
            line: encodeRecord(record),
            resolve: () => resolve(record),
            reject,
          });
        });
        pendingById.set(draft.id, promise);
        results.push(promise);
      }
      kick();
      return Promise.all(results);
    },
    async close() {
      closed = true;
      while (flushing) await flushing;
      await handle.close();
    },
  };
}
