import { afterEach, describe, expect, it } from 'vitest';
import { deriveSyncStatus } from '../../shared/jobs';
import { OCCUPIER, SITE, startSyncHarness, type SyncHarness } from './test-support/harness';

const ROLES = ['voice-pc', 'voice-only', 'data'];

let harness: SyncHarness | null = null;
afterEach(async () => {
  await harness?.close();
  harness = null;
});

describe('sync with injected faults', () => {
  it('applies a whole offline job exactly once through 30% failures and ends synced', async () => {
    harness = await startSyncHarness(42);
    const { jobs, sync, connectivity, platform, clock } = harness;
    const { header, state: created } = await jobs.create({ siteId: SITE, occupierId: OCCUPIER });
    const jobId = header.jobId;
    const ports = created.snapshot.floorPorts.filter(
      (p) => p.allocation.kind === 'occupier' && p.allocation.occupierId === OCCUPIER,
    );
    const before = new Map(ports.map((p) => [p.id, p.version]));

    await platform.stop();
    await connectivity.check();
    expect(connectivity.canSync()).toBe(false);

    let action = 0;
    const next = () => `act-${++action}`;
    for (const port of ports)
      for (const roleId of ROLES)
        await jobs.setFloorPortRole(jobId, { actionId: next(), floorPortId: port.id, roleId });
    await jobs.queueMutation(jobId, {
      actionId: next(),
      mutation: { kind: 'addVoiceService', siteId: SITE, occupierId: OCCUPIER, quantity: 2 },
    });
    for (let i = 0; i < 3; i++)
      await jobs.queueMutation(jobId, {
        actionId: next(),
        mutation: { kind: 'allocateNumbers', siteId: SITE, occupierId: OCCUPIER, count: 1 },
      });
    await jobs.markStep(jobId, { actionId: next(), stepId: 'portRole', done: true, note: '' });
    const offline = deriveSyncStatus(await jobs.state(jobId), sync.runtime(jobId));
    expect(offline).toMatchObject({
      label: 'offline',
      queued: ports.length * 3 + 4,
      offline: true,
    });

    const simulator = await platform.start({ seed: 7 });
    await connectivity.check();
    expect(connectivity.canSync()).toBe(true);
    // Together about 30% of requests fail: 500s, 429s, connections dropped before and after the effect.
    simulator.faults.set({
      serverErrorShare: 0.085,
      rateLimitShare: 0.085,
      retryAfterSeconds: 2,
      dropBeforeShare: 0.085,
      dropAfterShare: 0.085,
    });
    for (let run = 0; run < 10; run++) {
      const state = await jobs.state(jobId);
      if (!state.outbox.some((i) => i.status === 'queued') && state.lastSyncAt !== null) break;
      if (!connectivity.canSync()) await connectivity.check();
      await sync.syncJob(jobId);
    }
    simulator.faults.set({});

    const final = await jobs.state(jobId);
    expect(deriveSyncStatus(final, sync.runtime(jobId))).toMatchObject({
      label: 'synced',
      queued: 0,
      conflicts: 0,
      needsAttention: 0,
    });
    expect(final.outbox.every((i) => i.status === 'applied')).toBe(true);
    for (const port of ports) {
      const onPlatform = simulator.state.floorPort(port.id);
      expect(onPlatform.roleId).toBe(ROLES.at(-1));
      expect(onPlatform.version).toBe(before.get(port.id)! + ROLES.length);
    }
    expect(simulator.state.servicesOf(SITE, OCCUPIER).map((s) => s.quantity)).toEqual([2]);
    // GB, quantity 2 with a main number: a batch of 5 on the first add, then 3 by hand.
    expect(simulator.state.numbersOf(SITE, OCCUPIER)).toHaveLength(5 + 3);
    // Backoff really ran (without real waiting), and 429s were honoured with their Retry-After.
    // (A dropped connection is sent again at once, so the waits are the 500s' and the 429s'.)
    expect(clock.slept.some((ms) => ms !== 2_000)).toBe(true);
    expect(clock.slept).toContain(2_000);
    // The refreshed snapshot shows what the platform now holds.
    expect(final.snapshot.floorPorts.find((p) => p.id === ports[0]!.id)?.roleId).toBe(ROLES.at(-1));
  });

  it('a main number allocated through dropped connections is allocated, nominated and activated once', async () => {
    // Every other request is dropped after the platform did it: each of the entry's three
    // calls (allocate, nominate, activate) is answered from the idempotency store at least once.
    let rolls = 0;
    harness = await startSyncHarness(5, { platformRandom: () => (rolls++ % 2 === 0 ? 0 : 1) });
    const { jobs, sync, platform } = harness;
    const site = 'nyc-hudson';
    const occupier = 'occ-hudson-ventures';
    const { header } = await jobs.create({ siteId: site, occupierId: occupier });
    await jobs.queueMutation(header.jobId, {
      actionId: 'act-add',
      mutation: { kind: 'addVoiceService', siteId: site, occupierId: occupier, quantity: 2 },
    });
    await sync.settled();
    platform.simulator!.faults.set({ dropAfterShare: 0.5 });
    await jobs.queueMutation(header.jobId, {
      actionId: 'act-main',
      mutation: {
        kind: 'allocateNumbers',
        siteId: site,
        occupierId: occupier,
        count: 1,
        activate: true,
        main: true,
      },
    });
    await sync.settled();
    platform.simulator!.faults.set({});
    expect((await jobs.state(header.jobId)).outbox.map((i) => i.status)).toEqual([
      'applied',
      'applied',
    ]);
    const numbers = platform.simulator!.state.numbersOf(site, occupier);
    // US quantity 2: two service numbers, and one main number on top: active, once.
    expect(numbers).toHaveLength(3);
    expect(numbers.filter((n) => n.isMain).map((n) => n.state)).toEqual(['ACTIVE']);
    expect(numbers.filter((n) => !n.isMain && n.state === 'ACTIVE')).toHaveLength(2);
    expect(rolls).toBeGreaterThan(3);
  });
});
