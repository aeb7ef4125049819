import { describe, expect, it } from 'vitest';
import type { EventDraft } from '../jobs';
import { createOutcomeBatch } from './outcome-batch';

const draft = (i: number): EventDraft => ({
  id: `applied-e${i}`,
  actor: 'sync',
  type: 'MutationApplied',
  payload: { entryId: `e${i}`, sentIfMatch: null, resultVersion: null },
});

/** A journal stand-in whose appends become durable only when the test says. */
function heldJournal() {
  const appends: { drafts: readonly EventDraft[]; durable(): void; fail(error: Error): void }[] =
    [];
  return {
    appends,
    record: (drafts: readonly EventDraft[]) =>
      new Promise<void>((resolve, reject) =>
        appends.push({ drafts, durable: resolve, fail: reject }),
      ),
  };
}

describe('outcome batch', () => {
  it('appends at most maxRecords at once, in order, and counts them only once durable', async () => {
    const journal = heldJournal();
    const counted: number[] = [];
    const batch = createOutcomeBatch({
      record: journal.record,
      onDurable: (count) => counted.push(count),
      maxRecords: 3,
    });
    for (let i = 0; i < 7; i++) batch.add(draft(i));
    // Two full batches went at once; the seventh waits for its delay or a flush.
    expect(journal.appends.map((a) => a.drafts.map((d) => d.id))).toEqual([
      ['applied-e0', 'applied-e1', 'applied-e2'],
      ['applied-e3', 'applied-e4', 'applied-e5'],
    ]);
    const flushed = batch.flush();
    expect(journal.appends[2]!.drafts.map((d) => d.id)).toEqual(['applied-e6']);
    // Nothing counts before it is durable, and batches count in order whichever lands first.
    journal.appends[1]!.durable();
    await Promise.resolve();
    await Promise.resolve();
    expect(counted).toEqual([]);
    journal.appends[0]!.durable();
    journal.appends[2]!.durable();
    await flushed;
    expect(counted).toEqual([3, 3, 1]);
  });

  it('sends what waits once the delay has passed, without a flush', async () => {
    const appended: string[][] = [];
    const durable = new Promise<void>((resolve) => {
      const batch = createOutcomeBatch({
        record: async (drafts) => {
          appended.push(drafts.map((d) => d.id));
          resolve();
        },
        maxDelayMs: 1,
      });
      batch.add(draft(1));
      batch.add(draft(2));
    });
    await durable;
    expect(appended).toEqual([['applied-e1', 'applied-e2']]);
  });

  it('a batch the journal refused fails the flush, and nothing after it counts', async () => {
    const journal = heldJournal();
    const counted: number[] = [];
    const batch = createOutcomeBatch({
      record: journal.record,
      onDurable: (count) => counted.push(count),
      maxRecords: 2,
    });
    for (let i = 0; i < 4; i++) batch.add(draft(i));
    journal.appends[0]!.fail(new Error('disk full'));
    journal.appends[1]!.durable();
    await expect(batch.flush()).rejects.toThrow('disk full');
    expect(counted).toEqual([]);
  });

  it('a flush with nothing waiting appends nothing', async () => {
    const journal = heldJournal();
    const batch = createOutcomeBatch({ record: journal.record });
    await batch.flush();
    expect(journal.appends).toEqual([]);
  });
});
