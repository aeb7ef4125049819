import { execFile } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobEvent } from '../../shared/jobs';
import { defaultDataDirectory } from '../app/data-directory';
import { createJobService } from './job-service';
import { JOURNAL_MAX_BYTES, createJournal, openJournal, type EventDraft } from './journal';
import { encodeRecord } from './journal-codec';
import { createConfStore } from './key-value-store';
import { createSnapshotCache } from './snapshot-cache';
import { bundleTestChild } from './test-support/child-process';
import { tinySnapshot } from './test-support/tiny-snapshot';

/**
 * Journals far larger than a real job's: opened as a stream with bounded memory while under
 * the limit, refused with a clear message (and never read) over it.
 */
const run = promisify(execFile);
let directory: string;

beforeAll(() => {
  directory = mkdtempSync(join(tmpdir(), 'dialtone-journal-size-'));
});
afterAll(() => {
  rmSync(directory, { recursive: true, force: true });
});

function createdRecord(jobId: string): JobEvent {
  return {
    seq: 1,
    id: `created-${jobId}`,
    time: '2026-01-01T00:00:00.000Z',
    actor: 'engineer',
    type: 'JobCreated',
    payload: { jobId, siteId: 'site-1', occupierId: 'occ-1', snapshot: tinySnapshot() },
  };
}

/** A journal of `bytes` or a little more: JobCreated, then long checklist notes, all valid. */
function writeJournal(dataDirectory: string, jobId: string, bytes: number): string {
  const path = join(dataDirectory, 'jobs', jobId, 'journal.jsonl');
  mkdirSync(join(dataDirectory, 'jobs', jobId), { recursive: true });
  const fd = openSync(path, 'w');
  try {
    let written = writeSync(fd, encodeRecord(createdRecord(jobId)));
    let batch: string[] = [];
    for (let seq = 2; written < bytes; seq++) {
      const line = encodeRecord({
        seq,
        id: `note-${seq}`,
        time: '2026-01-01T00:00:01.000Z',
        actor: 'engineer',
        type: 'ChecklistStepMarked',
        payload: { stepId: 'cabling', done: seq % 2 === 0, note: `${seq} `.padEnd(2000, 'x') },
      });
      batch.push(line);
      written += Buffer.byteLength(line);
      if (batch.length === 500) {
        writeSync(fd, batch.join(''));
        batch = [];
      }
    }
    writeSync(fd, batch.join(''));
  } finally {
    closeSync(fd);
  }
  return path;
}

describe('journal size', () => {
  it('opens a 120 MB journal as a stream, in a 48 MB heap', async () => {
    const data = join(directory, 'streamed');
    const path = writeJournal(data, 'big-job', 120 * 1024 * 1024);
    const events = Math.round(statSync(path).size / 2200);
    const child = await bundleTestChild(directory, 'open-job-child');
    // Held whole (the file as one string, or every record kept), this journal needs well
    // over 120 MB of heap; streamed, the fold keeps one note.
    const { stdout } = await run(process.execPath, [
      '--max-old-space-size=48',
      child,
      data,
      'big-job',
    ]);
    const opened = JSON.parse(stdout) as { events: number; noteLength: number; heapUsed: number };
    expect(opened.events).toBeGreaterThan(events * 0.9);
    expect(opened.noteLength).toBe(2000);
    expect(opened.heapUsed).toBeLessThan(48 * 1024 * 1024);
  }, 120_000);

  it('refuses a 500 MB journal in DIALTONE_DATA_DIR with a clear message, without reading it', async () => {
    const data = join(directory, 'huge-data');
    const path = join(data, 'jobs', 'huge', 'journal.jsonl');
    mkdirSync(dirname(path), { recursive: true });
    const fd = openSync(path, 'w');
    try {
      writeSync(fd, encodeRecord(createdRecord('huge')));
      const megabyte = Buffer.alloc(1024 * 1024, 'x');
      for (let i = 0; i < 500; i++) writeSync(fd, megabyte);
    } finally {
      closeSync(fd);
    }
    const previous = process.env['DIALTONE_DATA_DIR'];
    process.env['DIALTONE_DATA_DIR'] = data;
    const rssBefore = process.memoryUsage().rss;
    try {
      const dataDirectory = defaultDataDirectory();
      const jobs = await createJobService({
        jobsDirectory: join(dataDirectory, 'jobs'),
        store: createConfStore(dataDirectory),
        snapshotCache: createSnapshotCache(join(dataDirectory, 'snapshots')),
        snapshots: { pull: () => Promise.reject(new Error('offline')) },
        isOnline: () => false,
      });
      // Listed (its header from the first record alone), with the reason it is not opened.
      const [listing] = await jobs.list();
      expect(listing?.header).toMatchObject({ jobId: 'huge', siteName: 'Test House' });
      expect(listing?.notice).toMatchObject({ kind: 'tooLarge' });
      expect(listing?.notice?.message).toMatch(
        /journal is 500 MB, more than the 256 MB Dialtone opens, so it was not loaded/,
      );
      const error = await jobs.open('huge').then(
        () => null,
        (e: unknown) => e as { code: string; detail: unknown },
      );
      expect(error).toMatchObject({
        code: 'JOURNAL_TOO_LARGE',
        detail: { path, limitBytes: JOURNAL_MAX_BYTES },
      });
      await jobs.close();
    } finally {
      if (previous === undefined) delete process.env['DIALTONE_DATA_DIR'];
      else process.env['DIALTONE_DATA_DIR'] = previous;
    }
    // Nothing like the file's size was read into memory, and the file is as it was.
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(64 * 1024 * 1024);
    expect(statSync(path).size).toBeGreaterThan(500 * 1024 * 1024);
  });

  it('refuses to grow a journal past the limit, so it can always be opened again', async () => {
    const path = join(directory, 'limit', 'journal.jsonl');
    const created: EventDraft = { ...createdRecord('limit') };
    const journal = await createJournal(path, created, { maxBytes: 8_000 });
    const note = (n: number): EventDraft => ({
      id: `n${n}`,
      actor: 'engineer',
      type: 'ChecklistStepMarked',
      payload: { stepId: 'cabling', done: true, note: 'y'.repeat(1500) },
    });
    let refused: { code: string } | null = null;
    for (let n = 0; n < 10 && !refused; n++)
      await journal.append([note(n)]).catch((e: unknown) => (refused = e as { code: string }));
    expect(refused).toMatchObject({ code: 'JOURNAL_TOO_LARGE' });
    const kept = journal.recordCount();
    await journal.close();
    expect(statSync(path).size).toBeLessThanOrEqual(8_000);
    const { journal: reopened } = await openJournal(path, { maxBytes: 8_000 });
    expect(reopened.recordCount()).toBe(kept);
    await reopened.close();
  });
});
