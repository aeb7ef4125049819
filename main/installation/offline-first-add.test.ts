import { describe, expect, it } from 'vitest';

import { demoAppServices, step } from './test-support/bridge-calls';

const { services, call, actionId, newJob, numbersGreen, backOnline } =
  demoAppServices('offline-add');

describe('a first add of voice services queued while offline', () => {
  it('is counted as the allocation it brings: no allocation fix is offered on top, and the platform allocates once', async () => {
    const { jobId } = await newJob('occ-brightwater');
    services().jobs.connectivity.setWorkOffline(true);
    const queued = await call('installation:addVoiceService', {
      jobId,
      actionId: actionId(),
      quantity: 3,
    });
    const items = step(queued, 'numbers').items;
    expect(items.map((i) => [i.id, i.state])).toEqual([['numbers:voiceService.queued', 'waiting']]);
    // The check on the prediction still finds no numbers, but its fix is not taken.
    await expect(
      call('installation:fixFinding', {
        jobId,
        actionId: actionId(),
        findingId: 'activation.allocate',
      }),
    ).rejects.toMatchObject({ code: 'FIX_WAITS_FOR_ALLOCATION' });
    await expect(
      call('installation:addVoiceService', { jobId, actionId: actionId(), quantity: 3 }),
    ).rejects.toMatchObject({ code: 'VOICE_SERVICE_EXISTS' });
    expect(
      (await call('jobs:open', { jobId })).state.outbox.map((i) => i.entry.mutation.kind),
    ).toEqual(['addVoiceService']);

    await backOnline(jobId);
    const synced = await numbersGreen(jobId);
    const mine = synced.state.snapshot.numbers.filter((n) => n.occupierId === 'occ-brightwater');
    // UK first add of 3: one batch of 5 (3 active, the main number, 1 spare), once.
    expect(mine).toHaveLength(5);
    expect(mine.filter((n) => n.state === 'ACTIVE' && !n.isMain)).toHaveLength(3);
  });

  it("a ring test is not queued while offline, and one rung before cannot pass on the engineer's word before the platform placed the call", async () => {
    const { jobId } = await newJob('occ-northwind');
    services().jobs.connectivity.setWorkOffline(true);
    await expect(
      call('installation:ringIt', { jobId, actionId: actionId(), e164: '+442079460073' }),
    ).rejects.toMatchObject({ code: 'RING_NEEDS_PLATFORM' });
    expect((await call('jobs:open', { jobId })).state.outbox).toEqual([]);

    // Rung just before the platform went: its account of the call never came.
    const attemptId = actionId();
    await services().jobs.jobs.record(jobId, [
      {
        id: attemptId,
        actor: 'engineer',
        type: 'TestCallRequested',
        payload: {
          attemptId,
          e164: '+442079460073',
          entryId: `${attemptId}:call`,
          expectedHandsetId: 'hs-nw-3',
          expectedFloorPortId: 'lon-shoreditch-3F-009',
        },
      },
    ]);
    await expect(
      call('installation:confirmRing', {
        jobId,
        actionId: actionId(),
        attemptId,
        rang: 'expectedDesk',
        rangFloorPortId: null,
      }),
    ).rejects.toMatchObject({ code: 'RING_OUTCOME_UNKNOWN' });
    services().jobs.connectivity.setWorkOffline(false);
  });
});
