import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { SwitchVendor } from '../../../shared/platform/schemas';
import { demoSwitch, servePty, SimulatedSwitch, type PtyServer } from '../../sim/switch';
import { loadDemoWorld } from '../../sim/world/load';
import { driverFor } from '../drivers';
import { openSession, type SwitchSession } from '../session';
import { openSerialTransport } from '../transports';
import { applyPortRole } from './apply-port-role';
import { TEST_LOGIN } from './test-support/console-scenario';

const catalogue = loadDemoWorld().sites[0]!.roleCatalogue;
const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function overPty(
  sw: SimulatedSwitch,
  baud: number,
  login = TEST_LOGIN,
): Promise<{ pty: PtyServer; session: SwitchSession }> {
  const pty = await servePty(sw, { path: join(tmpdir(), `dialtone-fault-${randomUUID()}`), baud });
  cleanups.push(() => pty.close());
  const transport = await openSerialTransport({ path: pty.path, baudRate: baud });
  cleanups.push(() => transport.close());
  const session = await openSession(transport, { vendor: sw.vendor, login });
  return { pty, session };
}

const ESC = String.fromCharCode(27);

describe('console faults over a real PTY', () => {
  it('reports the line closing mid-command as a disconnect, naming the command', async () => {
    const { pty, session } = await overPty(
      demoSwitch('cisco_ios', { credentials: TEST_LOGIN }),
      9600,
    );
    let pulled = false;
    session.transport.onData(() => {
      if (pulled) return;
      pulled = true;
      void pty.close();
    });
    const error = await session.run('show running-config').catch((e) => e);
    expect(error).toMatchObject({ code: 'SWITCH_DISCONNECTED' });
    expect(error.message).toContain('"show running-config"');
    expect(error.message).toContain('read it back');
  });

  it('keeps command output clean when garbage bytes and escape codes hit the line mid-output', async () => {
    const sw = demoSwitch('cisco_ios', { credentials: TEST_LOGIN });
    const { session } = await overPty(sw, 38_400);
    const clean = await session.run('show interfaces status');
    // Four bursts at fixed byte offsets of the switch's output, far enough apart that one
    // never lands inside another: placed by bytes, not by timers or chunks.
    const burst = `\xff\xfe\x00\x07${ESC}[31m${ESC}[2J${ESC}[H\x80\x9b${ESC}[0m`;
    const before = session.transcript.length;
    sw.noiseEvery(Math.floor(clean.output.length / 5), burst, 4);
    const noisy = await session.run('show interfaces status');
    const heard = session.transcript
      .since(before)
      .filter((entry) => entry.direction === 'rx')
      .map((entry) => entry.text)
      .join('');
    expect(heard.split(`${ESC}[2J`).length - 1).toBe(4);
    expect(noisy.output).toBe(clean.output);
  });

  it.each(['cisco_ios', 'aruba_aoss'] as const)(
    'answers a pager that was turned back on (%s) and returns the whole output',
    async (vendor: SwitchVendor) => {
      const { session } = await overPty(demoSwitch(vendor, { credentials: TEST_LOGIN }), 57_600);
      const command = vendor === 'cisco_ios' ? 'show interfaces status' : 'show interfaces brief';
      const unpaged = await session.run(command);
      await session.run(vendor === 'cisco_ios' ? 'terminal length 8' : 'terminal length 8');
      const paged = await session.run(command);
      expect(paged.output).toBe(unpaged.output);
      expect(session.transcript.toText()).toMatch(
        vendor === 'cisco_ios' ? / --More-- / : /-- MORE --/,
      );
    },
  );

  it.each(['cisco_ios', 'aruba_aoss'] as const)(
    'says the enable secret was wrong (%s)',
    async (vendor) => {
      const sw = demoSwitch(vendor, { credentials: TEST_LOGIN });
      const error = await overPty(sw, 9600, {
        ...TEST_LOGIN,
        enableSecret: 'not-the-secret',
      }).catch((e) => e);
      expect(error).toMatchObject({ code: 'SWITCH_ENABLE_REJECTED' });
    },
  );

  it('names a command the switch rejects and reports the interface as read back', async () => {
    const sw = new SimulatedSwitch({
      vendor: 'cisco_ios',
      hostname: 'sw-nopoe',
      model: 'WS-C2960X-24TS-L',
      interfaceCount: 24,
      credentials: TEST_LOGIN,
    });
    const { session } = await overPty(sw, 9600);
    const data = catalogue.find((role) => role.id === 'data')!;
    const result = await applyPortRole(driverFor(session), {
      interfaceName: 'Gi1/0/9',
      role: data,
    });
    expect(result.rejected).toMatchObject({
      command: 'power inline never',
      notSent: expect.any(Array),
    });
    expect(result.verified).toBe(false);
    expect(result.diff).toContainEqual({
      line: 'power inline never',
      expected: 'present',
      actual: 'absent',
    });
    // The lines sent before the refusal took effect on the switch, and the result says so.
    expect(result.actualConfig).toContain('switchport access vlan 10');
    expect(sw.port('Gi1/0/9')!.accessVlan).toBe(10);
    expect(session.level).toBe('privileged');
  });
});
