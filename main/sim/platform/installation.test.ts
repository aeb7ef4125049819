import { describe, expect, it } from 'vitest';
import type { InstallationRecordBody } from '../../../shared/platform/installation';
import { loadDemoWorld } from '../world/load';
import { newKey, usePlatformPerTest, waitFor } from './test-support/test-platform';

const LONDON = 'lon-shoreditch';
const key = () => ({ idempotencyKey: newKey('installation') });

const record = (signerName: string | null): InstallationRecordBody => ({
  steps: [
    {
      stepId: 'numbers',
      title: 'Numbers',
      state: 'done',
      summary: 'All numbers as the rules expect.',
      by: 'engineer',
      at: '2026-12-01T10:00:00.000Z',
    },
  ],
  exceptions: [],
  ringTests: [
    {
      e164: '+442079460071',
      expectedFloorPortId: 'lon-shoreditch-3F-007',
      rangFloorPortId: 'lon-shoreditch-3F-007',
      result: 'passed',
      cause: null,
      by: 'engineer',
      at: '2026-12-01T10:05:00.000Z',
    },
  ],
  signOff:
    signerName === null
      ? null
      : {
          signerName,
          signerRole: 'Office manager',
          by: 'engineer',
          at: '2026-12-01T10:10:00.000Z',
        },
});

describe('test calls (the ring test)', () => {
  const platform = usePlatformPerTest({ registrationDelayMs: 20 });

  it('rings the handset the number is logged in to, on the floor port it is plugged in to', async () => {
    const call = await platform.client.placeTestCall(LONDON, '+442079460071', 'ring-a', key());
    expect(call).toMatchObject({
      e164: '+442079460071',
      reference: 'ring-a',
      outcome: 'rang',
      rang: [
        {
          handsetId: 'hs-nw-1',
          mac: '80:5e:c0:3f:07:01',
          floorPortId: 'lon-shoreditch-3F-007',
          floorPortLabel: '3F-007',
        },
      ],
    });
    expect(await platform.client.getTestCall(call.id)).toEqual(call);
    expect(
      await platform.client.listTestCalls(LONDON, '+442079460071', { reference: 'ring-a' }),
    ).toEqual([call]);
  });

  it('a retried request (same Idempotency-Key) places no second call', async () => {
    const idempotency = key();
    const first = await platform.client.placeTestCall(LONDON, '+442079460072', 'r', idempotency);
    const again = await platform.client.placeTestCall(LONDON, '+442079460072', 'r', idempotency);
    expect(again).toEqual(first);
    expect(await platform.client.listTestCalls(LONDON, '+442079460072')).toHaveLength(1);
  });

  it('a stray keypad login takes the call: the other desk rings', async () => {
    const world = loadDemoWorld();
    world.strayLogins = [{ e164: '+442079460071', handsetId: 'hs-nw-4' }];
    await platform.restart({ world });
    const call = await platform.client.placeTestCall(LONDON, '+442079460071', 'ring-b', key());
    expect(call.outcome).toBe('rang');
    expect(call.rang.map((h) => h.floorPortLabel)).toEqual(['3F-010']);
  });

  it("the demo world's stray login: calling +442079460073 rings 3F-011, not its handset at 3F-009", async () => {
    const call = await platform.client.placeTestCall(LONDON, '+442079460073', 'demo', key());
    expect(call.rang.map((h) => [h.handsetId, h.floorPortLabel])).toEqual([['hs-nw-5', '3F-011']]);
  });

  it('says why nothing rang: not registered (no link), or logged in to no handset', async () => {
    const { simulator, client } = platform;
    simulator.links.set('lon-shoreditch-3F-007', false);
    await waitFor('the handset to lose its registration', async () => {
      const registration = await client.getHandsetRegistration('hs-nw-1');
      return registration.registration !== 'registered';
    });
    const unregistered = await client.placeTestCall(LONDON, '+442079460071', 'r1', key());
    expect(unregistered).toMatchObject({ outcome: 'notRegistered', rang: [] });
    expect(unregistered.detail).toContain('no link');

    await client.remoteLogout('hs-nw-2', key());
    const loggedOut = await client.placeTestCall(LONDON, '+442079460072', 'r2', key());
    expect(loggedOut).toMatchObject({ outcome: 'notLoggedIn', rang: [] });
  });

  it('refuses a number that is not active, and an unknown test call', async () => {
    await expect(
      platform.client.placeTestCall(LONDON, '+442079460064', 'r', key()),
    ).rejects.toMatchObject({ code: 'PLATFORM_NUMBER_NOT_ACTIVE' });
    await expect(platform.client.getTestCall('tc-999')).rejects.toMatchObject({
      code: 'PLATFORM_TEST_CALL_NOT_FOUND',
    });
  });
});

describe('installation records', () => {
  const platform = usePlatformPerTest();
  const where = { siteId: LONDON, occupierId: 'occ-northwind', jobId: 'job-42' };

  it('is created by the first write, read back, and moves its version only when it changes', async () => {
    const { client } = platform;
    await expect(
      client.getInstallationRecord(LONDON, 'occ-northwind', 'job-42'),
    ).rejects.toMatchObject({ code: 'PLATFORM_INSTALLATION_RECORD_NOT_FOUND' });
    const first = await client.putInstallationRecord(where, record(null), key());
    expect(first).toMatchObject({ ...where, version: 1, signOff: null });
    const same = await client.putInstallationRecord(where, record(null), key());
    expect(same.version).toBe(1);
    const signed = await client.putInstallationRecord(where, record('Helen Marsh'), key());
    expect(signed.version).toBe(2);
    expect(await client.getInstallationRecord(LONDON, 'occ-northwind', 'job-42')).toEqual(signed);
  });

  it('refuses a stale If-Match with 412, and an unknown occupier with 404', async () => {
    const { client } = platform;
    await client.putInstallationRecord(where, record(null), key());
    await client.putInstallationRecord(where, record('Helen Marsh'), key());
    await expect(
      client.putInstallationRecord(where, record('Someone else'), { ...key(), ifMatch: 1 }),
    ).rejects.toMatchObject({ code: 'PLATFORM_VERSION_MISMATCH' });
    await expect(
      client.putInstallationRecord({ ...where, occupierId: 'occ-nobody' }, record(null), key()),
    ).rejects.toMatchObject({ code: 'PLATFORM_OCCUPIER_NOT_FOUND' });
  });
});
