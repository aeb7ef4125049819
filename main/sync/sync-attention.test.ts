import { afterEach, describe, expect, it } from 'vitest';
import { deriveSyncStatus } from '../../shared/jobs';
import type { SyncRunResult } from './sync-engine';
import { OCCUPIER, SITE, startSyncHarness, type SyncHarness } from './test-support/harness';

let harness: SyncHarness | null = null;
afterEach(async () => {
  await harness?.close();
  harness = null;
});

describe('sync of a change the platform refuses', () => {
  it('stops that resource, marks it "needs attention" with the platform message, and sends the rest', async () => {
    harness = await startSyncHarness(3);
    const { jobs, sync, connectivity } = harness;
    const { header, state } = await jobs.create({ siteId: SITE, occupierId: OCCUPIER });
    const jobId = header.jobId;
    // Queued offline, so the one run (started by coming back online) sees all three.
    connectivity.setWorkOffline(true);
    const pool = state.snapshot.poolAvailable;
    await jobs.queueMutation(jobId, {
      actionId: 'too-many',
      mutation: { kind: 'allocateNumbers', siteId: SITE, occupierId: OCCUPIER, count: pool + 1 },
    });
    await jobs.queueMutation(jobId, {
      actionId: 'behind-it',
      mutation: { kind: 'allocateNumbers', siteId: SITE, occupierId: OCCUPIER, count: 1 },
    });
    const port = state.snapshot.floorPorts[0]!;
    await jobs.setFloorPortRole(jobId, { actionId: 'port', floorPortId: port.id, roleId: 'data' });

    const runs: SyncRunResult[] = [];
    sync.onRun((event) => {
      if (event.phase === 'ended' && event.result) runs.push(event.result);
    });
    connectivity.setWorkOffline(false);
    await sync.settled();
    expect(runs).toEqual([
      expect.objectContaining({ applied: 1, needsAttention: 1, remaining: 1 }),
    ]);
    const after = await jobs.state(jobId);
    const status = (id: string) => after.outbox.find((i) => i.entry.entryId === id);
    expect(status('too-many')).toMatchObject({
      status: 'needsAttention',
      problem: { status: 409, code: 'PLATFORM_POOL_EXHAUSTED' },
    });
    expect(status('too-many')?.problem?.message).toMatch(/\d+/);
    expect(status('behind-it')?.status).toBe('queued');
    expect(status('port')?.status).toBe('applied');
    expect(deriveSyncStatus(after, sync.runtime(jobId)).label).toBe('needsAttention');

    await sync.discardEntry(jobId, { actionId: 'discard', entryId: 'too-many' });
    await sync.settled();
    expect(runs).toHaveLength(2);
    expect(deriveSyncStatus(await jobs.state(jobId), sync.runtime(jobId)).label).toBe('synced');
  });
});
