import { describe, expect, it } from 'vitest';
import type { SwitchVendor } from '../../../shared/platform/schemas';
import { demoSwitch } from '../../sim/switch';
import { loadDemoWorld } from '../../sim/world/load';
import { openSession } from '../session';
import { connectInProcess } from '../transports';
import { driverFor } from '.';

const login = { username: 'admin', password: 'console-pass', enableSecret: 'enable-secret' };
const catalogue = loadDemoWorld().sites[0]!.roleCatalogue;
const port = { cisco_ios: 'Gi1/0/3', aruba_aoss: '3' } as const;

async function connect(vendor: SwitchVendor) {
  const sw = demoSwitch(vendor, { credentials: login });
  const session = await openSession(
    connectInProcess(sw.openConsole({ baud: null, channel: 'console' })),
    {
      vendor,
      login,
    },
  );
  return { sw, driver: driverFor(session) };
}

describe.each(['cisco_ios', 'aruba_aoss'] as const)('%s driver', (vendor) => {
  it('identifies the switch', async () => {
    const { sw, driver } = await connect(vendor);
    expect(await driver.identify()).toEqual({
      vendor,
      hostname: sw.identity.hostname,
      model: vendor === 'cisco_ios' ? 'WS-C2960X-24PS-L' : '2930F-8G-PoE+-2SFP+ JL258A',
      softwareVersion: sw.identity.softwareVersion,
      serialNumber: sw.identity.serialNumber,
    });
  });

  it('lists interface status, and sees a handset once it is plugged in', async () => {
    const { sw, driver } = await connect(vendor);
    const before = await driver.interfaceStatuses();
    expect(before).toHaveLength(24);
    expect(before.every((row) => !row.linkUp)).toBe(true);
    sw.plugIn(port[vendor], { mac: '80:5e:c0:12:34:56', model: 'T54W', manufacturer: 'Yealink' });
    const after = await driver.interfaceStatuses();
    expect(after.filter((row) => row.linkUp).map((row) => row.interfaceName)).toEqual([
      port[vendor],
    ]);
    const [neighbour] = await driver.neighbours(port[vendor]);
    expect(neighbour).toMatchObject({ protocol: 'lldp', mac: '80:5e:c0:12:34:56', isPhone: true });
    const everyone = await driver.neighbours();
    expect(everyone.map((n) => n.mac)).toEqual(['80:5e:c0:12:34:56']);
    expect(await driver.poe(port[vendor])).toEqual([
      expect.objectContaining({ enabled: true, delivering: true }),
    ]);
    expect(await driver.macTable(port[vendor])).toEqual([
      expect.objectContaining({ mac: '80:5e:c0:12:34:56', interfaceName: port[vendor] }),
    ]);
  });

  it.each(catalogue.map((role) => [role.name, role] as const))(
    'applies and verifies the %s role; re-applying sends nothing',
    async (_name, role) => {
      const { driver } = await connect(vendor);
      const applied = await driver.applyRole(port[vendor], role);
      expect(applied.commands.length).toBeGreaterThan(0);
      const checked = await driver.verifyRole(port[vendor], role);
      expect(checked).toMatchObject({ verified: true, diff: [] });
      const again = await driver.applyRole(port[vendor], role);
      expect(again.commands).toEqual([]);
    },
  );

  it('reports link changes as they happen', async () => {
    const { sw, driver } = await connect(vendor);
    const changes: string[] = [];
    let sawDown!: () => void;
    const seen = new Promise<void>((resolve) => (sawDown = resolve));
    await driver.watchLinks((change) => {
      changes.push(`${change.interfaceName} ${change.state}`);
      if (change.state === 'down') sawDown();
    });
    sw.plugIn(port[vendor], { mac: '80:5e:c0:12:34:56', model: 'T54W' });
    sw.unplug(port[vendor]);
    await seen;
    const name = vendor === 'cisco_ios' ? 'GigabitEthernet1/0/3' : '3';
    expect(changes).toEqual([`${name} up`, `${name} down`]);
  });

  it('saves the configuration', async () => {
    const { sw, driver } = await connect(vendor);
    await driver.applyRole(port[vendor], catalogue[0]!);
    expect(sw.unsavedChanges).toBe(true);
    await driver.save();
    expect(sw.unsavedChanges).toBe(false);
  });
});
