import { describe, expect, it } from 'vitest';
import type { PortRole, SwitchVendor } from '../../../shared/platform/schemas';
import { demoSwitch, SimulatedSwitch } from '../../sim/switch';
import { loadDemoWorld } from '../../sim/world/load';
import { driverFor } from '../drivers';
import { openSession } from '../session';
import { connectInProcess } from '../transports';
import { applyPortRole } from './apply-port-role';

const login = { username: 'admin', password: 'console-pass', enableSecret: 'enable-secret' };
const roles = loadDemoWorld().sites[0]!.roleCatalogue;
const role = (id: string) => roles.find((r) => r.id === id)!;

async function driverOn(sw: SimulatedSwitch) {
  const session = await openSession(
    connectInProcess(sw.openConsole({ baud: null, channel: 'console' })),
    {
      vendor: sw.vendor,
      login,
    },
  );
  return driverFor(session);
}

describe.each(['cisco_ios', 'aruba_aoss'] as const)(
  'applyPortRole on %s',
  (vendor: SwitchVendor) => {
    const name = vendor === 'cisco_ios' ? 'Gi1/0/2' : '2';

    it('changes, reads back and verifies; a second run changes nothing', async () => {
      const driver = await driverOn(demoSwitch(vendor, { credentials: login }));
      const first = await applyPortRole(driver, { interfaceName: name, role: role('voice-pc') });
      expect(first).toMatchObject({
        interfaceName: name,
        changed: true,
        verified: true,
        diff: [],
        rejected: null,
      });
      expect(first.commands[0]).toMatch(/^(vlan 20|interface )/);
      expect(first.bytes.tx).toBeGreaterThan(0);
      expect(first.transcript.some((entry) => entry.direction === 'tx')).toBe(true);
      const second = await applyPortRole(driver, { interfaceName: name, role: role('voice-pc') });
      expect(second).toMatchObject({ changed: false, verified: true, commands: [] });
      expect(
        second.transcript
          .filter((entry) => entry.direction === 'tx')
          .map((e) => e.text)
          .join(''),
      ).not.toMatch(/configure/);
    });

    it('names the refused command and reports the interface as read back', async () => {
      const sw =
        vendor === 'cisco_ios'
          ? new SimulatedSwitch({
              vendor,
              hostname: 'sw-2f-b',
              model: 'WS-C2960X-24TS-L',
              interfaceCount: 24,
              credentials: login,
            })
          : demoSwitch(vendor, { credentials: login });
      const driver = await driverOn(sw);
      // A PoE-less IOS switch has no `power inline`; AOS-S refuses a VLAN it does not have.
      const refused: PortRole =
        vendor === 'cisco_ios' ? role('data') : { ...role('data'), dataVlan: 77 };
      const result = await applyPortRole(driver, { interfaceName: name, role: refused });
      expect(result.verified).toBe(false);
      expect(result.rejected?.command).toBe(
        vendor === 'cisco_ios' ? 'power inline never' : 'untagged vlan 77',
      );
      expect(result.rejected?.switchSaid).toMatch(
        vendor === 'cisco_ios' ? /Invalid input/ : /VLAN 77 not found/,
      );
      expect(result.diff.length).toBeGreaterThan(0);
      // What the switch took before the refusal is really there: read back, not assumed.
      const port = sw.port(name)!;
      expect(result.changed).toBe(true);
      expect(result.actualConfig).toContain(
        vendor === 'cisco_ios' ? `description ${port.description}` : `name "${port.description}"`,
      );
    });
  },
);

describe('applyPortRole on AOS-S when the voice VLAN is not yet a voice VLAN', () => {
  it('marks the VLAN as voice before adding the port, and verifies it', async () => {
    const sw = new SimulatedSwitch({
      vendor: 'aruba_aoss',
      hostname: 'HC-NEW',
      model: 'Aruba JL258A 2930F-8G-PoE+-2SFP+',
      interfaceCount: 8,
      credentials: login,
      vlans: [
        { id: 10, name: 'DATA', voice: false },
        { id: 20, name: 'PHONES', voice: false },
      ],
    });
    const result = await applyPortRole(await driverOn(sw), {
      interfaceName: '6',
      role: role('voice-pc'),
    });
    expect(result.commands.slice(0, 3)).toEqual(['vlan 20', 'voice', 'exit']);
    expect(result).toMatchObject({ changed: true, verified: true });
    expect(sw.vlans.get(20)?.voice).toBe(true);
  });
});
