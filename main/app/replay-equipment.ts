import { randomBytes } from 'node:crypto';
import type { ReplayEquipment } from '../bundles';
import { createPlatformClient } from '../platform/client';
import { startPlatformSimulator } from '../sim/platform/server';
import { SimulatedSwitch } from '../sim/switch';
import { parseWorld } from '../sim/world/load';
import { driverFor } from '../switch/drivers';
import { openSession } from '../switch/session';
import { connectInProcess } from '../switch/transports';

/**
 * The simulators a support replay runs against, built from the bundle alone: the platform
 * simulator seeded with the bundle's site, and per recorded switch a simulator of the same
 * vendor, model and size whose interfaces are configured with the recorded lines through
 * its own command line (so the simulator, not a converter, decides what they mean).
 */
export function replayEquipment(): ReplayEquipment {
  return {
    async startPlatform(seed) {
      const simulator = await startPlatformSimulator({
        world: parseWorld(
          { ...seed.world, description: 'replay of a support bundle' },
          'the bundle',
        ),
        registrationDelayMs: 0,
      });
      const client = createPlatformClient({
        baseUrl: simulator.url,
        token: simulator.token,
        timeoutMs: 10_000,
      });
      return { client, close: () => simulator.close() };
    },

    async openSwitch(record, catalogue) {
      const { identity } = record;
      const aruba = identity.vendor === 'aruba_aoss';
      const fromRoles = new Map<number, { id: number; name: string; voice: boolean }>();
      for (const role of catalogue) {
        if (!fromRoles.has(role.dataVlan))
          fromRoles.set(role.dataVlan, {
            id: role.dataVlan,
            name: `VLAN${role.dataVlan}`,
            voice: false,
          });
        if (role.voiceVlan !== null)
          fromRoles.set(role.voiceVlan, { id: role.voiceVlan, name: 'VOICE', voice: aruba });
      }
      const vlans = record.vlans ?? [...fromRoles.values()];
      const credentials = {
        username: 'replay',
        password: randomBytes(9).toString('base64url'),
        enableSecret: randomBytes(9).toString('base64url'),
      };
      const sw = new SimulatedSwitch({
        vendor: identity.vendor,
        hostname: identity.hostname,
        model: identity.model,
        interfaceCount: identity.interfaceCount,
        credentials,
        vlans,
        ...(identity.softwareVersion ? { softwareVersion: identity.softwareVersion } : {}),
        ...(identity.serialNumber ? { serialNumber: identity.serialNumber } : {}),
      });
      const open = () =>
        openSession(connectInProcess(sw.openConsole({ baud: null, channel: 'console' })), {
          vendor: identity.vendor,
          login: credentials,
        });
      // The recorded configuration goes in over its own console, then the replay gets a fresh one.
      const setup = await open();
      try {
        for (const { interfaceName, lines } of record.interfaces)
          if (lines.length > 0)
            await setup.configure([`interface ${interfaceName}`, ...lines, 'exit']);
      } finally {
        await setup.close();
      }
      const session = await open();
      return { driver: driverFor(session), close: () => session.close() };
    },
  };
}
