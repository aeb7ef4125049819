import { describe, expect, it } from 'vitest';
import type { CodedError } from '../../../shared/errors';
import type { RegistrationAttempt } from './registration';
import { createManualSchedule } from '../../../shared/test-support/manual-schedule';
import { newKey, usePlatformPerTest, type TestPlatform } from './test-support/test-platform';

const LONDON = 'lon-shoreditch';
const key = () => ({ idempotencyKey: newKey('handsets') });

function nextAttempt(platform: TestPlatform, handsetId: string): Promise<RegistrationAttempt> {
  return new Promise((resolve) => {
    const stop = platform.simulator.registration.onAttempt((attempt) => {
      if (attempt.handsetId !== handsetId) return;
      stop();
      resolve(attempt);
    });
  });
}

describe('handsets: remote login and simulated registration over HTTP', () => {
  // Registration countdowns run when the test says, not on a real timer.
  const clock = createManualSchedule();
  const platform = usePlatformPerTest({
    registrationDelayMs: 20,
    registrationSchedule: clock.schedule,
    admin: true,
  });

  it('remote login on a manual-login model is refused with the keypad steps', async () => {
    const { client } = platform;
    const error = (await client
      .remoteLogin('hs-nw-3', '+442079460073', key())
      .catch((e: unknown) => e)) as CodedError;
    expect(error.code).toBe('PLATFORM_REMOTE_LOGIN_UNSUPPORTED');
    expect(error.message).toContain('IP Phone 7841');
    expect(error.message).toContain('keypad');
    expect(
      (error.detail as { problem: { keypadSteps: string[] } }).problem.keypadSteps,
    ).toHaveLength(4);
    await expect(client.remoteLogout('hs-nw-3', key())).rejects.toMatchObject({
      code: 'PLATFORM_REMOTE_LOGIN_UNSUPPORTED',
    });
  });

  it('a logged-in handset with link registers after the configured delay', async () => {
    const { client } = platform;
    const loggedOut = await client.remoteLogout('hs-nw-1', key());
    expect(loggedOut).toMatchObject({ loggedInNumber: null, registration: 'unregistered' });
    expect((await client.getNumber(LONDON, '+442079460071')).handsetId).toBeNull();

    const attempt = nextAttempt(platform, 'hs-nw-1');
    const login = await client.call(
      'remoteLogin',
      { params: { handsetId: 'hs-nw-1' }, body: { e164: '+442079460071' } },
      key(),
    );
    expect(login.status).toBe(202);
    expect(login.data).toMatchObject({
      registration: 'registering',
      loggedInNumber: '+442079460071',
    });
    expect(await client.getHandsetRegistration('hs-nw-1')).toMatchObject({
      registration: 'registering',
    });
    expect(clock.pending()).toEqual([20]);
    clock.runAll();
    expect(await attempt).toMatchObject({ outcome: 'registered' });
    const state = await client.getHandsetRegistration('hs-nw-1');
    expect(state).toMatchObject({
      registration: 'registered',
      loggedInNumber: '+442079460071',
      linkUp: true,
    });
    expect((await client.getNumber(LONDON, '+442079460071')).handsetId).toBe('hs-nw-1');
  });

  it('a handset whose floor port has no link does not register until link comes up', async () => {
    const { client, simulator, checker } = platform;
    const added = await client.addVoiceService(LONDON, 'occ-brightwater', 3, key());
    const number = added.automation.activated[0]!;
    const handset = await client.registerHandset(
      LONDON,
      {
        mac: '80-5E-C0-2F-0A-0A',
        modelId: 'yealink-t54w',
        occupierId: 'occ-brightwater',
        floorPortId: 'lon-shoreditch-2F-002',
      },
      key(),
    );
    expect(handset.mac).toBe('80:5e:c0:2f:0a:0a');

    const attempt = nextAttempt(platform, handset.id);
    await client.remoteLogin(handset.id, number, key());
    clock.runAll();
    expect(await attempt).toMatchObject({ outcome: 'noLink' });
    expect(await client.getHandsetRegistration(handset.id)).toMatchObject({
      registration: 'registering',
      linkUp: false,
    });

    const linked = await checker.fetch(`${simulator.url}/_admin/links/lon-shoreditch-2F-002`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${simulator.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ up: true }),
    });
    expect(linked.status).toBe(200);
    // Link came up: the countdown starts again, and registers when it runs out.
    expect(clock.pending()).toEqual([20]);
    expect((await client.getHandsetRegistration(handset.id)).registration).toBe('registering');
    const registered = nextAttempt(platform, handset.id);
    clock.runAll();
    expect(await registered).toMatchObject({ outcome: 'registered' });
    expect((await client.getHandsetRegistration(handset.id)).registration).toBe('registered');

    simulator.links.set('lon-shoreditch-2F-002', false);
    expect((await client.getHandsetRegistration(handset.id)).registration).toBe('registering');
  });

  it("the admin link endpoint takes the far end's MAC: a handset the platform has on no floor port has link where it is plugged in", async () => {
    const { simulator } = platform;
    const answer = await fetch(`${simulator.url}/_admin/links/lon-shoreditch-2F-001`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${simulator.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ up: true, mac: '80:5E:C0:2F:01:01' }),
    });
    expect(await answer.json()).toEqual({
      floorPortId: 'lon-shoreditch-2F-001',
      up: true,
      mac: '80:5e:c0:2f:01:01',
    });
    const handset = simulator.state.handsets.get('hs-bw-1')!;
    expect(handset.floorPortId).toBeNull();
    expect(simulator.links.floorPortOf(handset)).toBe('lon-shoreditch-2F-001');
  });

  it('refuses to log in the main number, a number of another occupier, or a RESERVED one', async () => {
    const { client } = platform;
    await client.remoteLogout('hs-nw-1', key());
    await expect(client.remoteLogin('hs-nw-1', '+442079460070', key())).rejects.toMatchObject({
      code: 'PLATFORM_MAIN_NUMBER_NOT_LOGGABLE',
    });
    await expect(client.remoteLogin('hs-nw-1', '+442079460061', key())).rejects.toMatchObject({
      code: 'PLATFORM_NUMBER_WRONG_OCCUPIER',
    });
    await expect(client.remoteLogin('hs-nw-1', '+442079460072', key())).rejects.toMatchObject({
      code: 'PLATFORM_NUMBER_LOGGED_IN',
    });
  });

  it('a manual-login handset registers after a keypad login with extension and PIN', async () => {
    const { client, simulator, checker } = platform;
    await expect(simulator.keypadLogin('hs-nw-3', '2073', '0000')).rejects.toMatchObject({
      problem: { code: 'KEYPAD_LOGIN_REFUSED' },
    });
    const number = await client.getNumber(LONDON, '+442079460073');
    // The number is logged in to hs-nw-3 already; move it to the other Cisco on its keypad.
    await expect(
      simulator.keypadLogin('hs-nw-4', number.extension, number.defaultPin),
    ).rejects.toMatchObject({ problem: { code: 'NUMBER_LOGGED_IN' } });

    const added = await client.addVoiceService('nyc-hudson', 'occ-hudson-ventures', 2, key());
    const target = await client.getNumber('nyc-hudson', added.automation.activated[0]!);
    simulator.links.set('nyc-hudson-4F-001', true);
    await client.registerHandset(
      'nyc-hudson',
      {
        mac: '00:1b:54:4f:0c:0c',
        modelId: 'cisco-cp-7841',
        occupierId: 'occ-hudson-ventures',
        floorPortId: 'nyc-hudson-4F-001',
      },
      key(),
    );
    const attempt = nextAttempt(platform, 'hs-001b544f0c0c');
    const login = await checker.fetch(
      `${simulator.url}/_admin/handsets/hs-001b544f0c0c/keypad-login`,
      {
        method: 'POST',
        headers: {
          authorization: `Bearer ${simulator.token}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify({ extension: target.extension, pin: target.defaultPin }),
      },
    );
    expect(login.status).toBe(200);
    clock.runAll();
    expect(await attempt).toMatchObject({ outcome: 'registered' });
    expect(await client.getHandsetRegistration('hs-001b544f0c0c')).toMatchObject({
      registration: 'registered',
      loggedInNumber: target.e164,
    });
  });

  it('registering a MAC twice is refused, and an unknown model is named', async () => {
    const { client } = platform;
    await expect(
      client.registerHandset(
        LONDON,
        { mac: '80:5e:c0:3f:07:01', modelId: 'yealink-t54w', occupierId: null, floorPortId: null },
        key(),
      ),
    ).rejects.toMatchObject({ code: 'PLATFORM_HANDSET_EXISTS' });
    await expect(
      client.registerHandset(
        LONDON,
        { mac: '80:5e:c0:00:00:01', modelId: 'nokia-3310', occupierId: null, floorPortId: null },
        key(),
      ),
    ).rejects.toMatchObject({ code: 'PLATFORM_HANDSET_MODEL_UNKNOWN', message: /nokia-3310/ });
  });
});
