import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createJobServices, type JobServices } from '../app/job-services';
import { createPlatformClient } from '../platform/client';
import { waitFor } from '../sim/platform/test-support/test-platform';
import { seededRandom, type SyncClock } from './clock';
import { createSendSlots } from './send-slots';
import { OCCUPIER, SITE, SimulatorUnderTest } from './test-support/harness';

/** A clock whose sleeps wait until the test lets them go, so "who is waiting" can be seen. */
function gatedClock(): SyncClock & { sleeping: (() => void)[]; wake(): void } {
  const sleeping: (() => void)[] = [];
  return {
    sleeping,
    now: () => 0,
    sleep: () => new Promise<void>((resolve) => sleeping.push(resolve)),
    wake: () => sleeping.splice(0).forEach((resolve) => resolve()),
  };
}

let services: JobServices | null = null;
let platform: SimulatorUnderTest | null = null;
let clock: ReturnType<typeof gatedClock> | null = null;
afterEach(async () => {
  clock?.wake();
  await services?.close();
  await platform?.stop();
  services = platform = clock = null;
});

describe('sync lanes sharing the send slots', () => {
  it('a lane waiting out a backoff holds no slot: with one slot, every failing lane waits at once', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'dialtone-lanes-'));
    platform = new SimulatorUnderTest(directory, false);
    const simulator = await platform.start();
    const gate = gatedClock();
    clock = gate;
    services = await createJobServices({
      dataDirectory: directory,
      platform: createPlatformClient({ baseUrl: platform.url, token: platform.token }),
      clock: gate,
      random: seededRandom(1),
      concurrency: 1,
    });
    const { jobs, sync, connectivity } = services;
    await connectivity.check();
    const { header, state } = await jobs.create({ siteId: SITE, occupierId: OCCUPIER });
    const ports = state.snapshot.floorPorts.slice(0, 6);
    connectivity.setWorkOffline(true);
    for (const port of ports)
      await jobs.setFloorPortRole(header.jobId, {
        actionId: `lane-${port.id}`,
        floorPortId: port.id,
        roleId: 'data',
      });

    // Each change takes effect but its answer is lost (health checks still answer), so every
    // lane's first attempt fails; had a waiting lane kept the one slot, only one would wait.
    simulator.faults.set({ dropAfterShare: 1 });
    connectivity.setWorkOffline(false);
    await waitFor('all six lanes in backoff', async () => gate.sleeping.length === ports.length);

    simulator.faults.set({});
    gate.wake();
    // The retries carry the same idempotency keys: the platform replays, each change counts once.
    await sync.settled();
    const final = await jobs.state(header.jobId);
    expect(final.outbox.map((i) => i.status)).toEqual(ports.map(() => 'applied'));
    for (const port of ports) {
      expect(simulator.state.floorPort(port.id)).toMatchObject({
        roleId: 'data',
        version: port.version + 1,
      });
    }
  });

  it('never runs more than its count at once, and hands a freed slot to the longest waiter', async () => {
    const slots = createSendSlots(2);
    const started: number[] = [];
    const finish: (() => void)[] = [];
    let running = 0;
    let most = 0;
    const work = (n: number) =>
      slots.run(async () => {
        started.push(n);
        most = Math.max(most, ++running);
        await new Promise<void>((resolve) => finish.push(resolve));
        running--;
      });
    const all = [1, 2, 3, 4, 5].map(work);
    await new Promise((resolve) => setImmediate(resolve));
    expect(started).toEqual([1, 2]);
    finish.shift()!();
    await new Promise((resolve) => setImmediate(resolve));
    expect(started).toEqual([1, 2, 3]);
    while (finish.length > 0 || started.length < 5) {
      finish.shift()?.();
      await new Promise((resolve) => setImmediate(resolve));
    }
    await Promise.all(all);
    expect(started).toEqual([1, 2, 3, 4, 5]);
    expect(most).toBe(2);
  });
});
