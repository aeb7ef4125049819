import { afterEach, describe, expect, it } from 'vitest';
import type { FaultSettingsInput } from '../sim/platform/faults';
import { createHttpTransport, type HttpTransport } from '../platform/http-transport';
import { OCCUPIER, SITE, startSyncHarness, type SyncHarness } from './test-support/harness';

let harness: SyncHarness | null = null;
afterEach(async () => {
  await harness?.close();
  harness = null;
});

/** Fault dice that come up "fail" for the first `failures` rolls, then never. */
const failFirst = (failures: number) => {
  let rolls = 0;
  return () => (rolls++ < failures ? 0 : 1);
};

interface Sent {
  key: string | undefined;
  fresh: boolean;
  /** Backoff waits taken before this request went. */
  sleptBefore: number;
  replayed: boolean | null;
}

/**
 * The app's services against the simulator, the fault dice scripted, every request seen by
 * a wrapper over the real transport; one role change is queued (auto sync sends it).
 */
async function oneChange(faults: FaultSettingsInput, failures: number, platformUp = true) {
  const sent: Sent[] = [];
  let clock: { slept: number[] } = { slept: [] };
  const real = createHttpTransport();
  const watching: HttpTransport = async (request) => {
    const record: Sent = {
      key: request.headers['idempotency-key'],
      fresh: request.freshConnection === true,
      sleptBefore: clock.slept.length,
      replayed: null,
    };
    sent.push(record);
    const answer = await real(request);
    record.replayed = answer.header('idempotent-replayed') === 'true';
    return answer;
  };
  harness = await startSyncHarness(1, { platformRandom: failFirst(failures), transport: watching });
  clock = harness.clock;
  const { jobs, sync, platform } = harness;
  const { header, state } = await jobs.create({ siteId: SITE, occupierId: OCCUPIER });
  const port = state.snapshot.floorPorts[0]!;
  if (platformUp) platform.simulator!.faults.set(faults);
  else await platform.stop();
  sent.length = 0;
  await jobs.setFloorPortRole(header.jobId, {
    actionId: 'a-1',
    floorPortId: port.id,
    roleId: 'data',
  });
  await sync.settled();
  const final = await jobs.state(header.jobId);
  const key = final.outbox[0]!.entry.idempotencyKey;
  return { sent: sent.filter((s) => s.key === key), final, port, slept: harness.clock.slept };
}

describe('sync over a connection dropped under the request', () => {
  it.each([
    ['before the change', { dropBeforeShare: 0.5 }, false],
    ['after the change', { dropAfterShare: 0.5 }, true],
  ])('dropped once %s: sent again at once, lands once, no backoff', async (_, faults, replay) => {
    const { sent, final, port, slept } = await oneChange(faults, 1);
    expect(sent.map(({ fresh, sleptBefore }) => ({ fresh, sleptBefore }))).toEqual([
      { fresh: false, sleptBefore: 0 },
      { fresh: true, sleptBefore: 0 },
    ]);
    // Dropped after: the retry is answered from the platform's idempotency store.
    expect(sent[1]!.replayed).toBe(replay);
    expect(slept).toEqual([]);
    expect(final.outbox.map((i) => i.status)).toEqual(['applied']);
    expect(harness!.platform.simulator!.state.floorPort(port.id)).toMatchObject({
      roleId: 'data',
      version: port.version + 1,
    });
  });

  it('dropped twice: the second failure waits the backoff, then it lands once', async () => {
    const { sent, final, port, slept } = await oneChange({ dropBeforeShare: 0.5 }, 2);
    expect(sent.map(({ fresh, sleptBefore }) => ({ fresh, sleptBefore }))).toEqual([
      { fresh: false, sleptBefore: 0 },
      { fresh: true, sleptBefore: 0 },
      { fresh: false, sleptBefore: 1 },
    ]);
    expect(slept).toHaveLength(1);
    expect(final.outbox.map((i) => i.status)).toEqual(['applied']);
    expect(harness!.platform.simulator!.state.floorPort(port.id).version).toBe(port.version + 1);
  });

  it('connection refused: no immediate retry, every attempt after a backoff wait', async () => {
    const { sent, final } = await oneChange({}, 0, false);
    expect(sent.length).toBeGreaterThan(1);
    expect(sent.every((s) => !s.fresh)).toBe(true);
    expect(sent.map((s) => s.sleptBefore)).toEqual(sent.map((_, i) => i));
    expect(final.outbox.map((i) => i.status)).toEqual(['queued']);
  });
});
