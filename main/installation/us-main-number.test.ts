import { describe, expect, it } from 'vitest';

import { demoAppServices, step } from './test-support/bridge-calls';

const { services, call, viewWhere, actionId, newJob, numbersGreen, backOnline } =
  demoAppServices('us-main');
const OCCUPIER = 'occ-hudson-ventures';

describe('a US first add: the main number the platform does not create by itself', () => {
  it("'allocate a main number' allocates one from the pool, nominates and activates it, once — and Numbers goes green", async () => {
    const { jobId } = await newJob(OCCUPIER, 'nyc-hudson');
    await call('installation:addVoiceService', { jobId, actionId: actionId(), quantity: 2 });
    const added = await viewWhere(jobId, 'the two service numbers', (v) =>
      v.state.snapshot.numbers.some((n) => n.occupierId === OCCUPIER),
    );
    const missing = step(added, 'numbers').items.find((i) => i.id === 'numbers:main.missing');
    expect(missing).toBeDefined();

    // Queued while offline: counted as the allocation it brings, offered no second time.
    services().jobs.connectivity.setWorkOffline(true);
    const queued = await call('installation:fixFinding', {
      jobId,
      actionId: actionId(),
      findingId: 'main.missing',
    });
    expect(queued.state.outbox.at(-1)?.entry.mutation).toMatchObject({
      kind: 'allocateNumbers',
      count: 1,
      main: true,
    });
    await expect(
      call('installation:fixFinding', { jobId, actionId: actionId(), findingId: 'main.missing' }),
    ).rejects.toMatchObject({ code: 'FIX_WAITS_FOR_ALLOCATION' });

    await backOnline(jobId);
    const green = await numbersGreen(jobId);
    const mine = green.state.snapshot.numbers.filter((n) => n.occupierId === OCCUPIER);
    // US QTY 2: the two service numbers, and one main number — active, on no handset.
    expect(mine).toHaveLength(3);
    expect(mine.filter((n) => n.isMain)).toEqual([
      expect.objectContaining({ state: 'ACTIVE', handsetId: null }),
    ]);
    expect(mine.filter((n) => n.state === 'ACTIVE' && !n.isMain)).toHaveLength(2);
    expect(green.state.outbox.every((i) => i.status === 'applied')).toBe(true);
  });
});
