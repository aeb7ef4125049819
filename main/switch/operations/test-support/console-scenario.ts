import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SwitchVendor } from '../../../../shared/platform/schemas';
import { demoSwitch, servePty, type SimulatedSwitch } from '../../../sim/switch';
import { loadDemoWorld } from '../../../sim/world/load';
import { driverFor, type SwitchDriver } from '../../drivers';
import { openSession } from '../../session';
import { openSerialTransport } from '../../transports';
import { applyPortRole } from '../apply-port-role';

export const TEST_LOGIN = {
  username: 'admin',
  password: 'scenario-pass',
  enableSecret: 'scenario-enable',
};

export interface OpenedDriver {
  driver: SwitchDriver;
  close(): Promise<void>;
}

/** The switch on a real socat PTY at 9600 baud, and a logged-in driver on the other end. */
export async function openOverPty(sw: SimulatedSwitch): Promise<OpenedDriver> {
  const pty = await servePty(sw, {
    path: join(tmpdir(), `dialtone-it-${randomUUID()}`),
    baud: 9600,
  });
  const session = await openSession(await openSerialTransport({ path: pty.path, baudRate: 9600 }), {
    vendor: sw.vendor,
    login: TEST_LOGIN,
  });
  return {
    driver: driverFor(session),
    close: async () => {
      await session.close();
      await pty.close();
    },
  };
}

const catalogue = loadDemoWorld().sites[0]!.roleCatalogue;

/**
 * The acceptance scenario for one vendor over one kind of line: identify, every catalogue
 * role applied, verified and re-applied with nothing sent, a link event on plug-in, and
 * the handset read back as an LLDP neighbour.
 */
export function describeConsoleScenario(
  title: string,
  vendor: SwitchVendor,
  open: (sw: SimulatedSwitch) => Promise<OpenedDriver>,
): void {
  describe(title, () => {
    const sw = demoSwitch(vendor, { credentials: TEST_LOGIN });
    const interfaceName = vendor === 'cisco_ios' ? 'Gi1/0/4' : '4';
    let opened: OpenedDriver;

    beforeAll(async () => {
      opened = await open(sw);
    });
    afterAll(async () => {
      await opened?.close();
    });

    it('identifies the switch', async () => {
      expect(await opened.driver.identify()).toMatchObject({
        vendor,
        hostname: sw.identity.hostname,
        softwareVersion: sw.identity.softwareVersion,
        serialNumber: sw.identity.serialNumber,
      });
    });

    it('applies and verifies each catalogue role; re-applying sends nothing', async () => {
      for (const role of catalogue) {
        const applied = await applyPortRole(opened.driver, { interfaceName, role });
        expect(applied, role.name).toMatchObject({
          changed: true,
          verified: true,
          diff: [],
          rejected: null,
        });
        const again = await applyPortRole(opened.driver, { interfaceName, role });
        expect(again, role.name).toMatchObject({ changed: false, verified: true, commands: [] });
        const typed = again.transcript
          .filter((entry) => entry.direction === 'tx')
          .map((entry) => entry.text);
        expect(typed.join(''), role.name).not.toMatch(/configure/);
      }
    });

    it('hears the link come up when a handset is plugged in, and reads it as an LLDP neighbour', async () => {
      const voice = catalogue.find((role) => role.voiceVlan !== null)!;
      await applyPortRole(opened.driver, { interfaceName, role: voice });
      let linkUp!: (name: string) => void;
      const heard = new Promise<string>((resolve) => (linkUp = resolve));
      const stop = await opened.driver.watchLinks((change) => {
        if (change.state === 'up') linkUp(change.interfaceName);
      });
      sw.plugIn(interfaceName, {
        mac: '80:5e:c0:3f:04:01',
        model: 'T54W',
        manufacturer: 'Yealink',
      });
      // The console speaks first on a serial line; an SSH session hears it at its next read.
      const neighbours = await opened.driver.neighbours(interfaceName);
      expect(await heard).toBe(vendor === 'cisco_ios' ? 'GigabitEthernet1/0/4' : '4');
      stop();
      expect(neighbours).toEqual([
        expect.objectContaining({
          protocol: 'lldp',
          mac: '80:5e:c0:3f:04:01',
          isPhone: true,
          voiceVlan: voice.voiceVlan,
        }),
      ]);
    });
  });
}
