import { afterEach, describe, expect, it } from 'vitest';
import { driverFor } from '../../switch/drivers';
import { applyPortRole } from '../../switch/operations';
import { openSession } from '../../switch/session';
import { connectInProcess } from '../../switch/transports';
import { startTestPlatform, type TestPlatform } from '../platform/test-support/test-platform';
import type { RegistrationAttempt, RegistrationChange } from '../platform/registration';
import { loadDemoWorld } from './load';
import { LiveWorld } from './live-world';
import { World } from './schema';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** The platform simulator on loopback and the switches, both from one demo world. */
async function oneWorld(): Promise<{ platform: TestPlatform; live: LiveWorld }> {
  const world = loadDemoWorld();
  const platform = await startTestPlatform({ world: structuredClone(world) });
  cleanups.push(() => platform.close());
  const live = new LiveWorld(world, { credentials: null });
  cleanups.push(() => live.close());
  cleanups.push(live.feedLinks(platform.simulator.links));
  return { platform, live };
}

async function driverOn(live: LiveWorld, switchId: string) {
  const sw = live.switchOf(switchId);
  const transport = connectInProcess(sw.openConsole({ baud: null, channel: 'console' }));
  const session = await openSession(transport, {
    vendor: sw.vendor,
    login: { username: '', password: '' },
  });
  cleanups.push(() => session.close());
  return driverFor(session);
}

function next<T>(
  subscribe: (listener: (value: T) => void) => () => void,
  match: (value: T) => boolean,
) {
  return new Promise<T>((resolve) => {
    const stop = subscribe((value) => {
      if (!match(value)) return;
      stop();
      resolve(value);
    });
  });
}

describe('one world: the switch simulators and the platform simulator share the cabling', () => {
  it('plugging a handset into a floor port raises link, PoE and LLDP-MED on its Cisco interface and the platform sees its link', async () => {
    const { platform, live } = await oneWorld();
    const driver = await driverOn(live, 'lon-sw-2f-a');
    expect((await platform.client.getHandsetRegistration('hs-bw-1')).linkUp).toBe(false);

    live.plug('hs-bw-1', 'lon-shoreditch-2F-001');

    const status = (await driver.interfaceStatuses()).find((s) => s.interfaceName === 'Gi1/0/1');
    expect(status?.linkUp).toBe(true);
    const [poe] = await driver.poe('Gi1/0/1');
    expect(poe?.delivering).toBe(true);
    const neighbours = await driver.neighbours('Gi1/0/1');
    expect(neighbours).toContainEqual(
      expect.objectContaining({ mac: '80:5e:c0:2f:01:01', model: expect.stringContaining('T54W') }),
    );
    expect((await platform.client.getHandsetRegistration('hs-bw-1')).linkUp).toBe(true);
    expect(live.whereIs('hs-bw-1')).toBe('lon-shoreditch-2F-001');

    live.unplug('hs-bw-1');
    const after = (await driver.interfaceStatuses()).find((s) => s.interfaceName === 'Gi1/0/1');
    expect(after?.linkUp).toBe(false);
    expect(await driver.neighbours('Gi1/0/1')).toEqual([]);
    expect((await platform.client.getHandsetRegistration('hs-bw-1')).linkUp).toBe(false);
  });

  it('does the same on the Aruba switch', async () => {
    const { platform, live } = await oneWorld();
    const driver = await driverOn(live, 'nyc-sw-4f-a');
    live.plug('hs-hv-1', 'nyc-hudson-4F-002');
    const status = (await driver.interfaceStatuses()).find((s) => s.interfaceName === '2');
    expect(status?.linkUp).toBe(true);
    expect((await driver.neighbours('2')).map((n) => n.mac)).toContain('64:16:7f:4f:01:01');
    expect((await platform.client.getHandsetRegistration('hs-hv-1')).linkUp).toBe(true);
    live.unplug('hs-hv-1');
    expect((await platform.client.getHandsetRegistration('hs-hv-1')).linkUp).toBe(false);
  });

  it('registration follows the real cabling: unplugged drops to registering, plugged in elsewhere registers again', async () => {
    const { platform, live } = await oneWorld();
    const registration = platform.simulator.registration;
    expect((await platform.client.getHandsetRegistration('hs-nw-1')).registration).toBe(
      'registered',
    );

    const dropped = next<RegistrationChange>(
      (l) => registration.onChange(l),
      (c) => c.handsetId === 'hs-nw-1',
    );
    live.unplug('hs-nw-1');
    expect((await dropped).registration).toBe('registering');

    // Into a floor port the platform does not have it on: it is the cable that counts.
    const registered = next<RegistrationAttempt>(
      (l) => registration.onAttempt(l),
      (a) => a.handsetId === 'hs-nw-1',
    );
    live.plug('hs-nw-1', 'lon-shoreditch-3F-011');
    expect((await registered).outcome).toBe('registered');
    const now = await platform.client.getHandsetRegistration('hs-nw-1');
    expect(now).toMatchObject({ registration: 'registered', linkUp: true });
  });

  it('a handset plugged where another one was unplugs the other', async () => {
    const { platform, live } = await oneWorld();
    live.plug('hs-bw-1', 'lon-shoreditch-3F-007');
    expect(live.whereIs('hs-nw-1')).toBeNull();
    expect((await platform.client.getHandsetRegistration('hs-nw-1')).linkUp).toBe(false);
    expect((await platform.client.getHandsetRegistration('hs-bw-1')).linkUp).toBe(true);
  });

  it('refuses an unknown handset or floor port with a clear error', () => {
    const live = new LiveWorld(loadDemoWorld(), { credentials: null });
    cleanups.push(() => live.close());
    expect(() => live.plug('nope', 'lon-shoreditch-2F-001')).toThrow(/no handset nope/);
    expect(() => live.plug('hs-bw-1', 'nope')).toThrow(/no floor port nope/);
    expect(() => live.plug('hs-bw-1', 'nyc-hudson-4F-001')).toThrow(/another site/);
  });

  it.each([
    ['cisco_ios', 'lon-sw-2f-a', 'Gi1/0/2', 'switchport voice vlan', /^Command rejected: /],
    ['aruba_aoss', 'nyc-sw-4f-a', '2', 'tagged vlan', /^Cannot configure port 2: /],
  ] as const)(
    'a %s switch refuses the change the world says it refuses, and keeps what it took',
    async (_vendor, switchId, interfaceName, command, said) => {
      const world = loadDemoWorld();
      world.refusedCommands = [{ switchId, interfaceName, command }];
      const live = new LiveWorld(world, { credentials: null });
      cleanups.push(() => live.close());
      const driver = await driverOn(live, switchId);
      const site = world.sites.find((s) => s.switches.some((sw) => sw.id === switchId))!;
      const role = site.roleCatalogue.find((r) => r.id === 'voice-pc')!;
      const result = await applyPortRole(driver, { interfaceName, role });
      expect(result.rejected?.command).toMatch(new RegExp(`^${command}`));
      expect(result.rejected?.switchSaid).toMatch(said);
      expect(result.verified).toBe(false);
      // The data VLAN went in before the refusal: the read-back says so.
      expect(result.actualConfig.join('\n')).toMatch(/vlan 10/);
      // Another interface of the same switch takes the role.
      const other = await applyPortRole(driver, {
        interfaceName: switchId === 'lon-sw-2f-a' ? 'Gi1/0/3' : '3',
        role,
      });
      expect(other.verified).toBe(true);
    },
  );

  it('refuses a world whose refused command names a switch it lacks', () => {
    const parsed = World.safeParse({
      ...loadDemoWorld(),
      refusedCommands: [{ switchId: 'sw-none', interfaceName: '1', command: 'tagged vlan' }],
    });
    expect(parsed.error?.issues.map((issue) => issue.message)).toEqual([
      'refused command "tagged vlan" names unknown switch sw-none',
    ]);
  });
});
