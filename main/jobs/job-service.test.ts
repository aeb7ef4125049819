import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deriveSyncStatus } from '../../shared/jobs';
import type { CodedError } from '../../shared/errors';
import { JOB_UNFINISHED, createJobService, type JobServiceOptions } from './job-service';
import { createConfStore } from './key-value-store';
import { createSnapshotCache } from './snapshot-cache';
import { tinySnapshot } from './test-support/tiny-snapshot';

function setup(online: { value: boolean }) {
  const root = mkdtempSync(join(tmpdir(), 'dialtone-jobs-'));
  let pulls = 0;
  let ticks = 0;
  const options: JobServiceOptions = {
    jobsDirectory: join(root, 'jobs'),
    store: createConfStore(root),
    snapshotCache: createSnapshotCache(join(root, 'snapshots')),
    snapshots: {
      pull: async () => {
        pulls++;
        return tinySnapshot();
      },
    },
    isOnline: () => online.value,
    // A clock that ticks one second per reading, so the job list's order is certain.
    now: () => new Date(Date.UTC(2026, 0, 1) + 1000 * ticks++),
  };
  return { root, options, pulls: () => pulls };
}

describe('job service', () => {
  it('creates a job from the platform snapshot, and offline from the cached one', async () => {
    const online = { value: true };
    const { options, pulls } = setup(online);
    const jobs = await createJobService(options);
    const first = await jobs.create({ siteId: 'site-1', occupierId: 'occ-1' });
    expect(pulls()).toBe(1);
    online.value = false;
    await jobs.archive(first.header.jobId, 'archive-first');
    const second = await jobs.create({ siteId: 'site-1', occupierId: 'occ-1' });
    expect(pulls()).toBe(1);
    expect(second.state.snapshot).toEqual(first.state.snapshot);
    await expect(jobs.create({ siteId: 'site-1', occupierId: 'occ-2' })).rejects.toMatchObject({
      code: 'SNAPSHOT_UNAVAILABLE',
    });
    expect((await jobs.list()).map((l) => l.header.occupierName)).toEqual(['Acme', 'Acme']);
    await jobs.close();
  });

  it('records steps and queued changes durably, lists them after a restart, and archives', async () => {
    const { options, root } = setup({ value: true });
    const jobs = await createJobService(options);
    const { header } = await jobs.create({ jobId: 'job-a', siteId: 'site-1', occupierId: 'occ-1' });
    await jobs.markStep('job-a', { actionId: 'a1', stepId: 'cabling', done: true, note: 'ok' });
    await jobs.setFloorPortRole('job-a', { actionId: 'a2', floorPortId: 'fp-1', roleId: 'voice' });
    await jobs.setFloorPortRole('job-a', { actionId: 'a2', floorPortId: 'fp-1', roleId: 'voice' });
    await jobs.close();

    const again = await createJobService(options);
    const [listing] = await again.list();
    expect(listing?.header).toEqual(header);
    const state = listing!.state!;
    expect(state.checklist.find((s) => s.id === 'cabling')).toMatchObject({
      done: true,
      note: 'ok',
    });
    expect(state.outbox).toHaveLength(1);
    expect(state.outbox[0]?.entry).toMatchObject({ entryId: 'a2', baseVersion: 1 });
    expect(deriveSyncStatus(state, { online: true, progress: null }).label).toBe('queued');
    await again.archive('job-a', 'a3');
    await expect(
      again.markStep('job-a', { actionId: 'a4', stepId: 'cabling', done: false, note: '' }),
    ).rejects.toMatchObject({ code: 'JOB_ARCHIVED' });
    expect(
      JSON.parse(readFileSync(join(root, 'dialtone.json'), 'utf8')).jobs['job-a'].archived,
    ).toBe(true);
    await again.close();
  });

  it('puts a job back in the index from its journal, and lists a corrupted one with its notice', async () => {
    const { options, root } = setup({ value: true });
    const jobs = await createJobService(options);
    await jobs.create({ jobId: 'job-b', siteId: 'site-1', occupierId: 'occ-1' });
    await jobs.archive('job-b', 'b1');
    await jobs.create({ jobId: 'job-c', siteId: 'site-1', occupierId: 'occ-1' });
    await jobs.markStep('job-c', { actionId: 'c1', stepId: 'cabling', done: true, note: '' });
    await jobs.close();
    writeFileSync(join(root, 'dialtone.json'), '{}');
    const journalC = join(root, 'jobs', 'job-c', 'journal.jsonl');
    writeFileSync(journalC, readFileSync(journalC, 'utf8').replace('"done":true', '"done":false'));

    const again = await createJobService(options);
    const listings = await again.list();
    expect(listings.map((l) => [l.header.jobId, l.header.occupierName, l.notice?.kind])).toEqual([
      ['job-c', 'Acme', 'corrupted'],
      ['job-b', 'Acme', undefined],
    ]);
    await expect(again.open('job-c')).rejects.toMatchObject({ code: 'JOURNAL_CORRUPTED' });
    await again.close();
  });

  it('from the moment an archive is handed to the journal, equipment facts and engineer actions are refused; sync facts still land', async () => {
    const { options } = setup({ value: true });
    const jobs = await createJobService(options);
    await jobs.create({ jobId: 'job-x', siteId: 'site-1', occupierId: 'occ-1' });
    const fact = (id: string) => ({
      id,
      actor: 'switch',
      type: 'ConsoleControlChanged' as const,
      payload: { switchId: 'sw-1', controller: null },
    });
    expect(await jobs.recordUnlessArchived('job-x', [fact('before')])).toBe(true);
    // Not awaited: the archive is appended, not yet durable nor folded, when the others come.
    const archiving = jobs.archive('job-x', 'archive-x');
    await Promise.resolve();
    const [late, action] = await Promise.allSettled([
      jobs.recordUnlessArchived('job-x', [fact('after')]),
      jobs.markStep('job-x', { actionId: 'tick', stepId: 'cabling', done: true, note: '' }),
    ]);
    await archiving;
    expect(late).toEqual({ status: 'fulfilled', value: false });
    expect(action).toMatchObject({ status: 'rejected', reason: { code: 'JOB_ARCHIVED' } });
    // Sync's facts about an archived job still land (its queued changes reach the platform).
    await jobs.record('job-x', [
      {
        id: 'sync-1',
        actor: 'sync',
        type: 'MutationDiscarded',
        payload: { entryId: 'none', reason: 'test' },
      },
    ]);
    const types = (await jobs.events('job-x')).map((e) => e.id);
    expect(types.slice(-3)).toEqual(['before', 'archive-x', 'sync-1']);
    await jobs.close();
  });

  it('an archive the journal refuses leaves the job unarchived, and the next refusal says why', async () => {
    const { options } = setup({ value: true });
    const first = await createJobService(options);
    await first.create({ jobId: 'job-full', siteId: 'site-1', occupierId: 'occ-1' });
    await first.close();
    // Room for nothing more: every append is refused as too large, the archive first.
    const size = statSync(join(options.jobsDirectory, 'job-full', 'journal.jsonl')).size;
    const jobs = await createJobService({ ...options, maxJournalBytes: size + 10 });
    await expect(jobs.archive('job-full', 'archive-full')).rejects.toMatchObject({
      code: 'JOURNAL_TOO_LARGE',
    });
    expect((await jobs.state('job-full')).archived).toBe(false);
    await expect(
      jobs.markStep('job-full', { actionId: 'tick', stepId: 'cabling', done: true, note: '' }),
    ).rejects.toMatchObject({ code: 'JOURNAL_TOO_LARGE' });
    await jobs.close();
  });

  it('refuses a second unfinished job for an occupier (JOB_UNFINISHED names the first) until it is signed off or archived', async () => {
    const { options } = setup({ value: true });
    const jobs = await createJobService(options);
    // Two clicks at once: one job, one refusal.
    const both = await Promise.allSettled([
      jobs.create({ jobId: 'job-1', siteId: 'site-1', occupierId: 'occ-1' }),
      jobs.create({ jobId: 'job-2', siteId: 'site-1', occupierId: 'occ-1' }),
    ]);
    expect(both.map((r) => r.status)).toEqual(['fulfilled', 'rejected']);
    const refusal = (both[1] as PromiseRejectedResult).reason as CodedError;
    expect(refusal).toMatchObject({ code: JOB_UNFINISHED, detail: { jobId: 'job-1' } });
    expect(refusal.message).toMatch(
      /^Acme already has an unfinished job at Test House \(started .+ UTC\)\. Continue that job/,
    );
    expect((await jobs.list()).map((l) => l.header.jobId)).toEqual(['job-1']);
    expect((await jobs.unfinishedJobOf('site-1', 'occ-1'))?.header.jobId).toBe('job-1');
    // A retried create of the very same job still answers with it.
    expect(
      (await jobs.create({ jobId: 'job-1', siteId: 'site-1', occupierId: 'occ-1' })).header.jobId,
    ).toBe('job-1');

    await jobs.record('job-1', [
      {
        id: 'sign-1',
        actor: 'engineer',
        type: 'JobSignedOff',
        payload: { signerName: 'Ana Ruiz', signerRole: 'Office manager' },
      },
    ]);
    expect(await jobs.unfinishedJobOf('site-1', 'occ-1')).toBeNull();
    await jobs.create({ jobId: 'job-3', siteId: 'site-1', occupierId: 'occ-1' });
    await expect(jobs.create({ siteId: 'site-1', occupierId: 'occ-1' })).rejects.toMatchObject({
      code: JOB_UNFINISHED,
      detail: { jobId: 'job-3' },
    });
    await jobs.archive('job-3', 'archive-3');
    await jobs.create({ jobId: 'job-4', siteId: 'site-1', occupierId: 'occ-1' });
    await jobs.close();
  });
});
