import { describe, expect, it } from 'vitest';
import type { MutationId, OperationId } from '../../../shared/platform/contract';
import { operations } from '../../../shared/platform/contract';
import type { SiteSnapshot } from '../../../shared/platform/snapshot';
import type { CallOptions, CallResult, PlatformClient } from '../../platform/client';
import { IdempotencyStore } from './idempotency';
import { newKey, usePlatformPerTest } from './test-support/test-platform';

const LONDON = 'lon-shoreditch';
const NEW_YORK = 'nyc-hudson';

interface ReplayCase {
  siteId: string;
  /** Sets the stage (with its own keys) and returns the call to replay. */
  prepare(
    client: PlatformClient,
  ): Promise<(options: CallOptions) => Promise<CallResult<OperationId>>>;
}

const k = () => ({ idempotencyKey: newKey('setup') });

/** One case per mutation of the contract; the type makes a missing one a compile error. */
const replayCases: Record<MutationId, ReplayCase> = {
  addVoiceService: {
    siteId: LONDON,
    prepare: async (client) => (o) =>
      client.call(
        'addVoiceService',
        { params: { siteId: LONDON, occupierId: 'occ-brightwater' }, body: { quantity: 3 } },
        o,
      ),
  },
  changeVoiceServiceQuantity: {
    siteId: LONDON,
    prepare: async (client) => (o) =>
      client.call(
        'changeVoiceServiceQuantity',
        { params: { serviceId: 'vs-orchard-1' }, body: { quantity: 8 } },
        o,
      ),
  },
  allocateNumbers: {
    siteId: LONDON,
    prepare: async (client) => (o) =>
      client.call(
        'allocateNumbers',
        { params: { siteId: LONDON, occupierId: 'occ-kestrel' }, body: { count: 2 } },
        o,
      ),
  },
  activateNumber: {
    siteId: LONDON,
    prepare: async (client) => (o) =>
      client.call(
        'activateNumber',
        { params: { siteId: LONDON, e164: '+442079460064' }, body: undefined },
        o,
      ),
  },
  deactivateNumber: {
    siteId: LONDON,
    prepare: async (client) => (o) =>
      client.call(
        'deactivateNumber',
        { params: { siteId: LONDON, e164: '+442079460061' }, body: undefined },
        o,
      ),
  },
  releaseNumber: {
    siteId: LONDON,
    prepare: async (client) => (o) =>
      client.call(
        'releaseNumber',
        { params: { siteId: LONDON, e164: '+442079460064' }, body: undefined },
        o,
      ),
  },
  nominateMainNumber: {
    siteId: LONDON,
    prepare: async (client) => (o) =>
      client.call(
        'nominateMainNumber',
        { params: { siteId: LONDON, e164: '+442071830100' }, body: undefined },
        o,
      ),
  },
  addPortedNumbers: {
    siteId: LONDON,
    prepare: async (client) => (o) =>
      client.call(
        'addPortedNumbers',
        {
          params: { siteId: LONDON, occupierId: 'occ-kestrel' },
          body: { numbers: ['020 7183 0150'] },
        },
        o,
      ),
  },
  addCustomRange: {
    siteId: LONDON,
    prepare: async (client) => (o) =>
      client.call(
        'addCustomRange',
        {
          params: { siteId: LONDON, occupierId: 'occ-kestrel' },
          body: { first: '0161 496 0100', count: 5 },
        },
        o,
      ),
  },
  setFloorPortRole: {
    siteId: LONDON,
    prepare: async (client) => {
      const port = await client.getFloorPort('lon-shoreditch-2F-001');
      return (o) =>
        client.call(
          'setFloorPortRole',
          { params: { floorPortId: port.id }, body: { roleId: 'voice-pc' } },
          { ...o, ifMatch: port.version },
        );
    },
  },
  registerHandset: {
    siteId: NEW_YORK,
    prepare: async (client) => (o) =>
      client.call(
        'registerHandset',
        {
          params: { siteId: NEW_YORK },
          body: {
            mac: '64:16:7f:4f:0a:0a',
            modelId: 'poly-vvx-450',
            occupierId: 'occ-liberty',
            floorPortId: 'nyc-hudson-4F-008',
          },
        },
        o,
      ),
  },
  remoteLogin: {
    siteId: NEW_YORK,
    prepare: async (client) => {
      const handset = await client.registerHandset(
        NEW_YORK,
        {
          mac: '64:16:7f:4f:0b:0b',
          modelId: 'poly-vvx-450',
          occupierId: 'occ-liberty',
          floorPortId: null,
        },
        k(),
      );
      return (o) =>
        client.call(
          'remoteLogin',
          { params: { handsetId: handset.id }, body: { e164: '+12125550151' } },
          o,
        );
    },
  },
  remoteLogout: {
    siteId: LONDON,
    prepare: async (client) => (o) =>
      client.call('remoteLogout', { params: { handsetId: 'hs-nw-1' }, body: undefined }, o),
  },
  placeTestCall: {
    siteId: LONDON,
    prepare: async (client) => (o) =>
      client.call(
        'placeTestCall',
        { params: { siteId: LONDON, e164: '+442079460071' }, body: { reference: 'ring-1' } },
        o,
      ),
  },
  putInstallationRecord: {
    siteId: LONDON,
    prepare: async (client) => (o) =>
      client.call(
        'putInstallationRecord',
        {
          params: { siteId: LONDON, occupierId: 'occ-kestrel', jobId: 'job-1' },
          body: { steps: [], exceptions: [], ringTests: [], signOff: null },
        },
        o,
      ),
  },
};

function withoutClock(snapshot: SiteSnapshot): Omit<SiteSnapshot, 'takenAt'> {
  const { takenAt: _takenAt, ...rest } = snapshot;
  return rest;
}

describe('idempotent mutations over HTTP', () => {
  const platform = usePlatformPerTest({ registrationDelayMs: 60_000 });

  it('has a replay case for every mutation in the contract', () => {
    const mutations = Object.entries(operations)
      .filter(([, spec]) => spec.mutation)
      .map(([id]) => id)
      .sort();
    expect(Object.keys(replayCases).sort()).toEqual(mutations);
  });

  for (const [operationId, replayCase] of Object.entries(replayCases)) {
    it(`${operationId}: the same key and body again gives the first answer and no second effect`, async () => {
      const { client } = platform;
      const send = await replayCase.prepare(client);
      const idempotencyKey = newKey(operationId);
      const first = await send({ idempotencyKey });
      expect(first.replayed).toBe(false);
      const afterFirst = await client.getSiteSnapshot(replayCase.siteId, siteOccupier(replayCase));

      const again = await send({ idempotencyKey });
      expect(again.replayed).toBe(true);
      expect(again.status).toBe(first.status);
      expect(again.data).toEqual(first.data);
      expect(again.etag).toBe(first.etag);
      const afterReplay = await client.getSiteSnapshot(replayCase.siteId, siteOccupier(replayCase));
      expect(withoutClock(afterReplay)).toEqual(withoutClock(afterFirst));

      // Without the key the same request is a new one: it either acts again or is refused.
      const fresh = await send({ idempotencyKey: newKey(operationId) }).then(
        (r) => r.replayed,
        () => false,
      );
      expect(fresh).toBe(false);
    });
  }

  it('the same key with a different body is refused with 422 and changes nothing', async () => {
    const { client } = platform;
    const idempotencyKey = newKey('reuse');
    await client.allocateNumbers(LONDON, 'occ-kestrel', { count: 1 }, { idempotencyKey });
    const before = await client.getSiteSnapshot(LONDON, 'occ-kestrel');
    await expect(
      client.allocateNumbers(LONDON, 'occ-kestrel', { count: 2 }, { idempotencyKey }),
    ).rejects.toMatchObject({ code: 'PLATFORM_IDEMPOTENCY_KEY_REUSED' });
    await expect(
      client.activateNumber(LONDON, '+442079460064', { idempotencyKey }),
    ).rejects.toMatchObject({ code: 'PLATFORM_IDEMPOTENCY_KEY_REUSED' });
    const after = await client.getSiteSnapshot(LONDON, 'occ-kestrel');
    expect(withoutClock(after)).toEqual(withoutClock(before));
  });

  it('twenty concurrent sends of one key take effect once and all get the same answer', async () => {
    const { client } = platform;
    const before = await client.getSiteSnapshot(LONDON, 'occ-brightwater');
    const idempotencyKey = newKey('race');
    const answers = await Promise.all(
      Array.from({ length: 20 }, () =>
        client.allocateNumbers(LONDON, 'occ-brightwater', { count: 3 }, { idempotencyKey }),
      ),
    );
    for (const answer of answers) expect(answer).toEqual(answers[0]);
    const after = await client.getSiteSnapshot(LONDON, 'occ-brightwater');
    expect(after.poolAvailable).toBe(before.poolAvailable - 3);
  });

  it('a failed mutation is not remembered: after fixing the cause, the same key succeeds', async () => {
    const { client } = platform;
    const idempotencyKey = newKey('retry-after-fix');
    await client.changeVoiceServiceQuantity('vs-orchard-1', 3, k());
    await expect(
      client.activateNumber(LONDON, '+442079460064', { idempotencyKey }),
    ).rejects.toMatchObject({ code: 'PLATFORM_NO_VOICE_SERVICE_LEFT' });
    await client.changeVoiceServiceQuantity('vs-orchard-1', 4, k());
    const activated = await client.activateNumber(LONDON, '+442079460064', { idempotencyKey });
    expect(activated.state).toBe('ACTIVE');
  });
});

function siteOccupier(replayCase: ReplayCase): string {
  return replayCase.siteId === LONDON ? 'occ-kestrel' : 'occ-liberty';
}

describe('the idempotency store', () => {
  it('forgets the oldest keys beyond its capacity', () => {
    const store = new IdempotencyStore([], 2);
    const result = { fingerprint: 'f', status: 200, body: {}, etag: null };
    store.remember('a', result);
    store.remember('b', result);
    store.remember('c', result);
    expect(store.entries().map(([key]) => key)).toEqual(['b', 'c']);
    expect(store.lookup('a', 'f')).toEqual({ kind: 'new' });
    expect(store.lookup('c', 'f')).toMatchObject({ kind: 'replay' });
  });
});
