import { appendFileSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CodedError } from '../../shared/errors';
import type { JobEvent } from '../../shared/jobs';
import { createJournal, openJournal, type EventDraft } from './journal';
import { tinySnapshot } from './test-support/tiny-snapshot';

function created(): EventDraft {
  return {
    id: 'evt-created',
    actor: 'engineer',
    type: 'JobCreated',
    payload: { jobId: 'job-1', siteId: 'site-1', occupierId: 'occ-1', snapshot: tinySnapshot() },
  };
}

function step(n: number): EventDraft {
  return {
    id: `evt-step-${n}`,
    actor: 'engineer',
    type: 'ChecklistStepMarked',
    payload: { stepId: 'cabling', done: n % 2 === 0, note: `note ${n}` },
  };
}

function freshPath(): string {
  return join(mkdtempSync(join(tmpdir(), 'dialtone-journal-')), 'journal.jsonl');
}

describe('journal', () => {
  it('keeps every appended event across a reopen, in order, with checksums', async () => {
    const path = freshPath();
    const journal = await createJournal(path, created());
    await Promise.all([1, 2, 3, 4, 5].map((n) => journal.append([step(n)])));
    await journal.close();
    const records: JobEvent[] = [];
    const { journal: reopened, recovery } = await openJournal(path, {
      onRecord: (r) => records.push(r),
    });
    expect(recovery).toEqual({ kind: 'clean' });
    expect(reopened.recordCount()).toBe(6);
    expect(records.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(records.map((r) => r.id)).toEqual([
      'evt-created',
      ...[1, 2, 3, 4, 5].map((n) => `evt-step-${n}`),
    ]);
    expect(readFileSync(path, 'utf8')).toMatch(/"checksum":"[0-9a-f]{64}"\}\n$/);
    await reopened.close();
  });

  it('treats an event id it already holds as done, so a retried action is not recorded twice', async () => {
    const path = freshPath();
    const journal = await createJournal(path, created());
    await journal.append([step(1)]);
    await journal.append([step(1)]);
    await Promise.all([journal.append([step(2)]), journal.append([step(2)])]);
    await journal.append([step(3), step(3)]);
    expect(journal.recordCount()).toBe(4);
    await journal.close();
    const ids: string[] = [];
    const { journal: reopened } = await openJournal(path, { onRecord: (r) => ids.push(r.id) });
    await reopened.append([step(2)]);
    expect(reopened.recordCount()).toBe(4);
    expect(ids).toEqual(['evt-created', 'evt-step-1', 'evt-step-2', 'evt-step-3']);
    await reopened.close();
    await journal.close();
  });

  it('recovers everything before a torn last record, says so, and keeps the file as found', async () => {
    const path = freshPath();
    const journal = await createJournal(path, created());
    await journal.append([step(1), step(2)]);
    await journal.close();
    const whole = readFileSync(path);
    appendFileSync(path, '{"seq":4,"id":"evt-step-3","time":"2026-');
    const { journal: reopened, recovery } = await openJournal(path);
    expect(recovery).toMatchObject({ kind: 'tornTailRecovered', recordsKept: 3 });
    if (recovery.kind !== 'tornTailRecovered') throw new Error('unreachable');
    expect(recovery.droppedBytes).toBe(readFileSync(recovery.keptAsidePath).length - whole.length);
    expect(readFileSync(path)).toEqual(whole);
    await reopened.append([step(3)]);
    await reopened.close();
    let last = '';
    const { journal: third, recovery: again } = await openJournal(path, {
      onRecord: (r) => (last = r.id),
    });
    expect(again).toEqual({ kind: 'clean' });
    expect(last).toBe('evt-step-3');
    await third.close();
  });

  it('refuses a journal damaged before its end, keeps a copy aside and leaves the file untouched', async () => {
    const path = freshPath();
    const journal = await createJournal(path, created());
    await journal.append([step(1), step(2)]);
    await journal.close();
    const lines = readFileSync(path, 'utf8').split('\n');
    lines[1] = lines[1]!.replace('note 1', 'note X');
    const damaged = lines.join('\n');
    writeFileSync(path, damaged);
    const error = await openJournal(path).then(
      () => null,
      (e: unknown) => e as CodedError,
    );
    expect(error?.code).toBe('JOURNAL_CORRUPTED');
    expect(error?.detail).toMatchObject({
      lineNumber: 2,
      reason: 'checksum does not match',
      validRecordsBefore: 1,
    });
    const { keptAsidePath } = error?.detail as { keptAsidePath: string };
    expect(readFileSync(keptAsidePath, 'utf8')).toBe(damaged);
    expect(readFileSync(path, 'utf8')).toBe(damaged);
    expect(readdirSync(join(path, '..')).filter((f) => f.includes('corrupt'))).toHaveLength(1);
  });
});
