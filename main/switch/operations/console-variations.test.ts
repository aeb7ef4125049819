import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { SwitchVendor } from '../../../shared/platform/schemas';
import {
  SimulatedSwitch,
  servePty,
  serveSsh,
  type ConsoleQuirks,
  type SwitchCredentials,
} from '../../sim/switch';
import { loadDemoWorld } from '../../sim/world/load';
import { driverFor, type SwitchDriver } from '../drivers';
import { openSession, Transcript, type SwitchLogin, type SwitchSession } from '../session';
import { openSerialTransport, openSshTransport, type Transport } from '../transports';
import { applyPortRole } from './apply-port-role';
import { TEST_LOGIN } from './test-support/console-scenario';

const catalogue = loadDemoWorld().sites[0]!.roleCatalogue;
const voicePc = catalogue.find((role) => role.id === 'voice-pc')!;
const data = catalogue.find((role) => role.id === 'data')!;
const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function simSwitch(
  vendor: SwitchVendor,
  quirks: ConsoleQuirks,
  options: { credentials?: SwitchCredentials; model?: string } = {},
): SimulatedSwitch {
  return new SimulatedSwitch({
    vendor,
    hostname: vendor === 'cisco_ios' ? 'sw-quirk-a' : 'HC-QUIRK-A',
    model:
      options.model ??
      (vendor === 'cisco_ios' ? 'WS-C2960X-24PS-L' : 'Aruba JL258A 2930F-8G-PoE+-2SFP+'),
    interfaceCount: 8,
    credentials: options.credentials ?? TEST_LOGIN,
    vlans: [
      { id: 1, name: 'DEFAULT_VLAN', voice: false },
      { id: 10, name: 'DATA', voice: false },
      { id: 20, name: 'VOICE', voice: true },
    ],
    quirks,
  });
}

type Line = 'pty' | 'ssh';

/** Opens the line to the switch (a real socat PTY, or ssh2 on loopback) with its transport. */
async function connect(line: Line, sw: SimulatedSwitch): Promise<Transport> {
  if (line === 'pty') {
    const pty = await servePty(sw, {
      path: join(tmpdir(), `dialtone-var-${randomUUID()}`),
      baud: 115_200,
    });
    cleanups.push(() => pty.close());
    const transport = await openSerialTransport({ path: pty.path, baudRate: 115_200 });
    cleanups.push(() => transport.close());
    return transport;
  }
  const server = await serveSsh(sw, { port: 0 });
  cleanups.push(() => server.close());
  const transport = await openSshTransport({ host: server.host, port: server.port, ...TEST_LOGIN });
  cleanups.push(() => transport.close());
  return transport;
}

async function session(
  line: Line,
  sw: SimulatedSwitch,
  options: {
    login?: SwitchLogin;
    vendor?: SwitchVendor;
    idleMs?: number;
    wakeAfterMs?: number;
  } = {},
): Promise<{ session: SwitchSession; driver: SwitchDriver; transport: Transport }> {
  const transport = await connect(line, sw);
  const opened = await openSession(transport, {
    vendor: options.vendor ?? sw.vendor,
    login: options.login ?? TEST_LOGIN,
    transcript: new Transcript(),
    ...(options.idleMs ? { timeouts: { idleMs: options.idleMs } } : {}),
    ...(options.wakeAfterMs ? { wakeAfterMs: options.wakeAfterMs } : {}),
  });
  return { session: opened, driver: driverFor(opened), transport };
}

const rxText = (s: SwitchSession) => s.heardText();
const portOf = (vendor: SwitchVendor, n: number) =>
  vendor === 'cisco_ios' ? `Gi1/0/${n}` : `${n}`;

describe.each(['pty', 'ssh'] as const)(
  'sessions held against console variations over %s',
  (line) => {
    it.each(['cisco_ios', 'aruba_aoss'] as const)(
      'keeps every byte said before the session listened, and never waits to press Enter (%s)',
      async (vendor) => {
        // On SSH the prompt comes as the shell opens; on the PTY the console was left at a prompt.
        const sw = simSwitch(vendor, { promptOnOpen: true });
        const { session: s, transport } = await session(line, sw);
        expect(s.level).toBe('privileged');
        // Nothing received is missing from what the session read.
        expect(Buffer.byteLength(rxText(s), 'latin1')).toBe(transport.bytes.rx);
        // Enter pressed at most once, at once, to wake a console, before the switch spoke;
        // over SSH the prompt (or banner) came as the shell opened, so the switch spoke first.
        const entries = s.transcript.entries;
        const firstHeard = entries.findIndex((entry) => entry.direction === 'rx');
        const pressed = entries.slice(0, firstHeard).map((entry) => entry.text);
        expect(pressed).toEqual(line === 'ssh' || pressed.length === 0 ? [] : ['\r']);
      },
    );

    // Over SSH the password is checked before the shell opens; a console asks for it.
    it.runIf(line === 'pty')(
      'waits out a password checked by a slow RADIUS server without pressing Enter again',
      async () => {
        // The console is silent until woken, so login starts with the short wake timer; the
        // server answers ten times that after the password. Enter during the wait would be
        // typed ahead, and answered with a second prompt once the login is through.
        const sw = simSwitch('cisco_ios', { authDelayMs: 500 });
        const { session: s } = await session(line, sw, { wakeAfterMs: 50 });
        expect(s.level).toBe('privileged');
        const typed = s.transcript.entries
          .filter((entry) => entry.direction === 'tx')
          .map((entry) => entry.text);
        const password = typed.indexOf('<secret>\r');
        expect(typed.slice(password - 1, password + 2)).toEqual([
          `${TEST_LOGIN.username}\r`,
          '<secret>\r',
          'enable\r',
        ]);
      },
    );

    it('steps out with "exit" when "end" is refused, confirmed by the prompt', async () => {
      const sw = simSwitch('cisco_ios', {
        noEnd: true,
        unknownCommand: 'No such command : {command}',
      });
      const { session: s, driver } = await session(line, sw);
      const result = await applyPortRole(driver, { interfaceName: 'Gi1/0/3', role: voicePc });
      expect(result).toMatchObject({
        changed: true,
        verified: true,
        failure: null,
        rejected: null,
      });
      expect(s.level).toBe('privileged');
      const text = s.transcript.toText();
      expect(text).toContain('No such command : end');
      expect(text).toContain('stepping out with \\"exit\\"');
      // The read-back was typed at the privileged prompt, not inside configuration mode.
      expect(rxText(s)).toMatch(/sw-quirk-a#show running-config interface Gi1\/0\/3/);
    });

    it('names a command answered "No such command" as refused, with what was taken before it', async () => {
      const sw = simSwitch(
        'cisco_ios',
        { unknownCommand: 'No such command : {command}' },
        { model: 'WS-C2960X-24TS-L' },
      );
      const { driver } = await session(line, sw);
      const result = await applyPortRole(driver, { interfaceName: 'Gi1/0/4', role: data });
      expect(result.rejected).toMatchObject({
        command: 'power inline never',
        switchSaid: 'No such command : power inline never',
      });
      expect(result.changed).toBe(true);
      expect(result.accepted).toContain('switchport access vlan 10');
      expect(result.actualConfig).toContain('switchport access vlan 10');
      expect(result.readBack).toBe('read');
    });

    it('names an answer that is neither an error nor a known message as suspect', async () => {
      const sw = simSwitch(
        'cisco_ios',
        { unknownCommand: 'Huh? {command}' },
        { model: 'WS-C2960X-24TS-L' },
      );
      const { driver } = await session(line, sw);
      const result = await applyPortRole(driver, { interfaceName: 'Gi1/0/5', role: data });
      expect(result.suspect).toContainEqual({
        command: 'power inline never',
        switchSaid: 'Huh? power inline never',
      });
      // The read-back shows the switch ignored it: not verified, and the diff says why.
      expect(result.verified).toBe(false);
      expect(result.diff).toContainEqual({
        line: 'power inline never',
        expected: 'present',
        actual: 'absent',
      });
    });

    it.each(['cisco_ios', 'aruba_aoss'] as const)(
      'confirms a save by its answer, or by reading the startup configuration back (%s)',
      async (vendor) => {
        const quirky = simSwitch(vendor, { saveWithoutOk: true });
        const { driver } = await session(line, quirky);
        const result = await applyPortRole(driver, {
          interfaceName: portOf(vendor, 2),
          role: voicePc,
        });
        expect(result.verified).toBe(true);
        const after = (await driver.interfaceConfig(portOf(vendor, 2), voicePc)).config;
        const saved = await driver.save({ interfaces: [after] });
        expect(saved.confirmedBy).toBe(vendor === 'cisco_ios' ? 'startup-config' : 'answer');
        if (vendor === 'cisco_ios') expect(saved.switchSaid).toBe('Building configuration...');
        // A line the startup configuration does not have: the save is not confirmed.
        const wrong = {
          ...after,
          effectiveLines: [...after.effectiveLines, 'description never saved'],
        };
        const refused = await driver.save({ interfaces: [wrong] }).catch((e) => e);
        if (vendor === 'cisco_ios') {
          expect(refused).toMatchObject({ code: 'SWITCH_SAVE_FAILED' });
          expect(refused.message).toContain('description never saved');
        } else expect(refused).toMatchObject({ confirmedBy: 'answer' });
      },
    );

    it.each(['cisco_ios', 'aruba_aoss'] as const)(
      'presses Enter for an empty enable secret (%s)',
      async (vendor) => {
        const credentials = { ...TEST_LOGIN, enableSecret: '' };
        const { session: s } = await session(line, simSwitch(vendor, {}, { credentials }), {
          login: credentials,
        });
        expect(s.level).toBe('privileged');
        const refused = await session(line, simSwitch(vendor, {}, { credentials }), {
          login: { username: TEST_LOGIN.username, password: TEST_LOGIN.password },
        }).catch((e) => e);
        expect(refused).toMatchObject({ code: 'SWITCH_ENABLE_REJECTED' });
      },
    );

    it.each([
      ['cisco_ios', 'aruba_aoss', 'This looks like Cisco IOS, not Aruba AOS-S'],
      ['aruba_aoss', 'cisco_ios', 'This looks like Aruba AOS-S, not Cisco IOS'],
    ] as const)('identifies a %s switch talked to as %s', async (actual, chosen, words) => {
      const error = await session(line, simSwitch(actual, {}), { vendor: chosen }).catch((e) => e);
      expect(error).toMatchObject({ code: 'SWITCH_WRONG_VENDOR' });
      expect(error.message).toContain(words);
    });

    it('reports what a switch that went quiet mid-change took, and reads it back when it can', async () => {
      const sw = simSwitch('cisco_ios', { freezeOn: 'switchport voice vlan' });
      const { session: s, driver } = await session(line, sw, { idleMs: 1500 });
      const result = await applyPortRole(driver, { interfaceName: 'Gi1/0/6', role: voicePc });
      expect(result.failure).toMatchObject({
        code: 'SWITCH_TIMEOUT',
        unconfirmed: 'switchport voice vlan 20',
      });
      expect(result.failure!.message).toContain('"switchport voice vlan 20"');
      if (line === 'ssh') expect(result.failure!.message).not.toMatch(/cable|baud/);
      else expect(result.failure!.message).toContain('baud rate');
      expect(result.changed).toBe(true);
      expect(result.accepted).toEqual(
        expect.arrayContaining(['interface Gi1/0/6', 'switchport access vlan 10']),
      );
      expect(result.commands.at(-1)).toBe('switchport voice vlan 20');
      expect(result.failure!.notSent.length).toBeGreaterThan(0);
      // The frozen line cannot be read back: said so, not guessed.
      expect(result.readBack).toBe('unavailable');
      expect(s.isClosed).toBe(false);
    });
  },
);
