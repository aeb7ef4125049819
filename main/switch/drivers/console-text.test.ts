import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SwitchVendor } from '../../../shared/platform/schemas';
import { demoSwitch } from '../../sim/switch';
import { loadDemoWorld } from '../../sim/world/load';
import { applyPortRole } from '../operations';
import { openSession } from '../session';
import { connectInProcess } from '../transports';
import { checkDescription, checkInterfaceName, checkVlanName } from './console-text';
import { driverFor } from './index';

const login = { username: 'admin', password: 'text-pass', enableSecret: 'text-enable' };
const voicePc = loadDemoWorld().sites[0]!.roleCatalogue.find((role) => role.id === 'voice-pc')!;

describe('text that goes into console commands', () => {
  it.each([
    ['cisco_ios', 'Gi1/0/5'],
    ['cisco_ios', 'GigabitEthernet1/0/48'],
    ['cisco_ios', 'Te1/1/1'],
    ['aruba_aoss', '5'],
    ['aruba_aoss', 'A1'],
    ['aruba_aoss', '1/5'],
    ['aruba_aoss', 'Trk1'],
  ] as const)('takes %s interface %s', (vendor, name) => {
    expect(checkInterfaceName(vendor, name)).toBe(name);
  });

  it.each([
    ['cisco_ios', 'Gi1/0/9\rshow version', 'control character'],
    ['cisco_ios', 'Gi1/0/9 ; reload', 'IOS names an interface'],
    ['cisco_ios', 'Gi1/0/9?', 'IOS names an interface'],
    ['aruba_aoss', '5\nno vlan 10', 'control character'],
    ['aruba_aoss', '5,6', 'AOS-S names a port'],
  ] as const)('refuses %s interface %j, saying why', (vendor, name, why) => {
    expect(() => checkInterfaceName(vendor, name)).toThrow(why);
  });

  it('checks descriptions and VLAN names per vendor: quoting, length, characters', () => {
    expect(checkDescription('cisco_ios', 'Desk 3.12 "phone"')).toBe('Desk 3.12 "phone"');
    expect(() => checkDescription('aruba_aoss', 'Desk "3"')).toThrow('double quotes');
    expect(() => checkDescription('aruba_aoss', 'x'.repeat(65))).toThrow('64 characters');
    expect(() => checkDescription('cisco_ios', 'why?')).toThrow('help');
    expect(() => checkDescription('cisco_ios', 'Café')).toThrow('plain ASCII');
    expect(() => checkDescription('cisco_ios', 'a\x1ab')).toThrow('control character');
    expect(checkVlanName('cisco_ios', 'VOICE')).toBe('VOICE');
    expect(() => checkVlanName('cisco_ios', 'VOICE VLAN')).toThrow('one word');
    expect(checkVlanName('aruba_aoss', 'VOICE VLAN')).toBe('VOICE VLAN');
  });

  it.each(['cisco_ios', 'aruba_aoss'] as const)(
    'no interface name or description makes the session type more than the planned commands (%s)',
    async (vendor: SwitchVendor) => {
      const session = await openSession(
        connectInProcess(
          demoSwitch(vendor, { credentials: login }).openConsole({
            baud: null,
            channel: 'console',
          }),
        ),
        { vendor, login },
      );
      const driver = driverFor(session);
      const good = vendor === 'cisco_ios' ? 'Gi1/0/7' : '7';
      const names = fc.oneof(
        fc.constant(good),
        fc.string({ unit: 'binary', maxLength: 30 }),
        fc.string({ maxLength: 12 }).map((tail) => `${good}${tail}`),
        fc
          .constantFrom('\r', '\n', '\x1a', '\x03', '\t', '?', ' ; ')
          .map((cut) => `${good}${cut}show version`),
      );
      const descriptions = fc.oneof(
        fc.string({ unit: 'binary', maxLength: 300 }),
        fc
          .constantFrom('\r', '\n', '\x1a', '?', '"', '\\')
          .map((cut) => `Desk${cut}exit${cut}reload`),
      );
      await fc.assert(
        fc.asyncProperty(names, descriptions, async (interfaceName, description) => {
          const sentBefore = session.bytes.tx;
          const firstEntry = session.transcript.length;
          const result = await applyPortRole(driver, {
            interfaceName,
            role: { ...voicePc, description },
          });
          const typed = session.transcript
            .since(firstEntry)
            .filter((entry) => entry.direction === 'tx')
            .map((entry) => entry.text)
            .join('');
          if (result.failure?.code === 'SWITCH_INPUT_INVALID') {
            expect(session.bytes.tx).toBe(sentBefore);
            return;
          }
          const allowed = new Set([
            ...result.commands,
            session.dialect.enterConfig,
            session.dialect.leaveConfig,
            `show running-config interface ${interfaceName}`,
            `show running-config vlan ${voicePc.voiceVlan}`,
          ]);
          const lines = typed.split('\r');
          expect(lines.pop()).toBe('');
          for (const line of lines) expect(allowed, JSON.stringify(line)).toContain(line);
          expect(session.level).toBe('privileged');
        }),
        { numRuns: 120 },
      );
      await session.close();
    },
    120_000,
  );
});
