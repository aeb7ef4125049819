import { afterEach, describe, expect, it } from 'vitest';
import { deriveSyncStatus, type ConflictChoice } from '../../shared/jobs';
import { OCCUPIER, SITE, startSyncHarness, type SyncHarness } from './test-support/harness';

let harness: SyncHarness | null = null;
afterEach(async () => {
  await harness?.close();
  harness = null;
});

async function engineerAndPlatformChangeTheSamePort(h: SyncHarness) {
  const { jobs, sync, connectivity, client } = h;
  const { header, state } = await jobs.create({ siteId: SITE, occupierId: OCCUPIER });
  const port = state.snapshot.floorPorts.find(
    (p) => p.allocation.kind === 'occupier' && p.allocation.occupierId === OCCUPIER,
  )!;
  connectivity.setWorkOffline(true);
  await jobs.setFloorPortRole(header.jobId, {
    actionId: 'mine-1',
    floorPortId: port.id,
    roleId: 'voice-pc',
  });
  // Meanwhile someone at the office changes the same port on the platform.
  const theirs = await client.setFloorPortRole(port.id, 'disabled', {
    idempotencyKey: 'office-change-0001',
    ifMatch: port.version,
  });
  connectivity.setWorkOffline(false);
  await connectivity.check();
  const run = await sync.syncJob(header.jobId);
  return { jobId: header.jobId, port, theirs, run };
}

describe('sync conflicts', () => {
  it.each<[ConflictChoice, string]>([
    ['applyMine', 'voice-pc'],
    ['takeTheirs', 'disabled'],
  ])(
    'turns a stale change into one conflict, and %s leaves the port at %s',
    async (choice, role) => {
      harness = await startSyncHarness(7);
      const { jobs, sync, platform } = harness;
      const { jobId, port, theirs, run } = await engineerAndPlatformChangeTheSamePort(harness);

      expect(run).toMatchObject({ applied: 0, conflicts: 1 });
      const inConflict = await jobs.state(jobId);
      expect(deriveSyncStatus(inConflict, sync.runtime(jobId))).toMatchObject({
        label: 'conflicts',
        conflicts: 1,
        queued: 0,
      });
      const [conflict] = inConflict.outbox.filter((i) => i.status === 'conflict');
      expect(conflict?.entry.mutation).toEqual({
        kind: 'setFloorPortRole',
        floorPortId: port.id,
        roleId: 'voice-pc',
      });
      expect(conflict?.theirs).toEqual({ value: { roleId: 'disabled' }, version: theirs.version });

      await sync.resolveConflict(jobId, { actionId: 'resolve-1', entryId: 'mine-1', choice });
      await sync.syncJob(jobId);

      const onPlatform = platform.simulator!.state.floorPort(port.id);
      expect(onPlatform.roleId).toBe(role);
      expect(onPlatform.version).toBe(theirs.version + (choice === 'applyMine' ? 1 : 0));
      const resolved = await jobs.state(jobId);
      expect(deriveSyncStatus(resolved, sync.runtime(jobId))).toMatchObject({
        label: 'synced',
        conflicts: 0,
        queued: 0,
      });
      expect(resolved.floorPorts.find((p) => p.id === port.id)).toMatchObject({
        roleId: role,
        platformRoleId: role,
        pending: false,
        conflict: false,
      });
    },
  );
});
