import { describe, expect, it } from 'vitest';
import type { SwitchVendor } from '../../../shared/platform/schemas';
import { SimulatedSwitch, type ConsoleQuirks, type SimConsoleEndpoint } from '../../sim/switch';
import { connectInProcess } from '../transports/in-process-transport';
import { TransportCore, exposeTransport, type Transport } from '../transports/transport';
import { openSession } from './open-session';

const login = { username: 'admin', password: 'joined-pass', enableSecret: 'joined-enable' };
const HOSTNAME = { cisco_ios: 'sw-joined-a', aruba_aoss: 'HC-JOINED-A' } as const;

/** An 8-port switch of `vendor` with the test's login and these console quirks. */
function simulated(vendor: SwitchVendor, quirks: ConsoleQuirks) {
  return new SimulatedSwitch({
    vendor,
    hostname: HOSTNAME[vendor],
    model: vendor === 'cisco_ios' ? 'WS-C2960X-24PS-L' : 'Aruba JL258A 2930F-8G-PoE+-2SFP+',
    interfaceCount: 8,
    credentials: login,
    quirks,
  });
}

/** A console someone left logged in: it prints its prompt as soon as it is up. */
async function leftLoggedIn(vendor: SwitchVendor) {
  const sw = simulated(vendor, { promptOnOpen: true });
  const endpoint = sw.openConsole({ baud: null, channel: 'console' });
  const said: Buffer[] = [];
  const stop = endpoint.onData((bytes) => said.push(bytes));
  // The prompt goes out on a microtask; a macrotask later it has all been said.
  await new Promise((resolve) => setImmediate(resolve));
  stop();
  return { endpoint, prompt: Buffer.concat(said) };
}

/**
 * A serial line opened while the console was talking, as serialport opens one: the open
 * throws away whatever the console had said (tcflush), and the cut falls anywhere, so the
 * session hears only the last bytes of the prompt. Those come before the session listens,
 * or only after it typed (they were still on the wire).
 */
function joinedMidLine(
  endpoint: SimConsoleEndpoint,
  tail: Buffer,
  arrives: 'before listening' | 'after the first key',
): Transport {
  const core = new TransportCore();
  endpoint.onData((bytes) => core.received(bytes));
  endpoint.onClose(() => core.ended({ by: 'remote', message: 'The console went away.' }));
  let held: Buffer | null = tail;
  if (arrives === 'before listening') {
    core.received(tail);
    held = null;
  }
  return exposeTransport(core, {
    kind: 'serial',
    label: '/dev/ttyTEST at 9600 baud',
    writeBytes: (bytes) => {
      if (held) core.received(held);
      held = null;
      endpoint.write(bytes);
    },
    release: () => endpoint.close(),
  });
}

describe.each(['cisco_ios', 'aruba_aoss'] as const)(
  'login on a serial line opened mid-prompt (%s)',
  (vendor) => {
    it.each(['before listening', 'after the first key'] as const)(
      'never takes the tail of a prompt for a whole one, wherever the cut falls (tail %s)',
      async (arrives) => {
        const whole = (await leftLoggedIn(vendor)).prompt.toString('latin1');
        expect(whole).toContain(`${HOSTNAME[vendor]}#`);
        // Every cut that leaves something that still looks like a prompt (`w-joined-a#`,
        // `joined-a#`, …), and none (the whole prompt, with nothing before it on the line).
        for (let cut = 0; cut < whole.indexOf('#'); cut += 1) {
          const { endpoint, prompt } = await leftLoggedIn(vendor);
          const transport = joinedMidLine(endpoint, prompt.subarray(cut), arrives);
          const session = await openSession(transport, {
            vendor,
            login,
            timeouts: { idleMs: 2000 },
            // A line that showed only part of a line (`-joined-a#`) gets Enter soon.
            wakeAfterMs: 250,
          }).catch((error: Error) => error);
          const context = `cut ${cut}: heard ${JSON.stringify(prompt.subarray(cut).toString('latin1'))}`;
          if (session instanceof Error) throw new Error(`${context}: ${session.message}`);
          expect(session.hostname, context).toBe(HOSTNAME[vendor]);
          expect(session.level, context).toBe('privileged');
          // One Enter, at once, for a whole prompt; nothing heard is missing.
          const typed = session.transcript.entries.filter((entry) => entry.direction === 'tx');
          expect(typed[0]?.text, context).toBe('\r');
          expect(Buffer.byteLength(session.heardText(), 'latin1'), context).toBe(
            transport.bytes.rx,
          );
          await session.close();
        }
      },
    );
  },
);

describe.each(['cisco_ios', 'aruba_aoss'] as const)(
  'login checked by a slow server (%s)',
  (vendor) => {
    it('gives the password the usual patience once the switch has spoken: no Enter while it is checked', async () => {
      // Silent until woken, so login starts on the short wake timer; the server answers the
      // password ten times later than that.
      const sw = simulated(vendor, { authDelayMs: 500 });
      const transport = connectInProcess(sw.openConsole({ baud: null, channel: 'console' }));
      const session = await openSession(transport, { vendor, login, wakeAfterMs: 50 });
      expect(session.level).toBe('privileged');
      const typed = session.transcript.entries
        .filter((entry) => entry.direction === 'tx')
        .map((entry) => entry.text);
      const password = typed.indexOf('<secret>\r');
      expect(password).toBeGreaterThan(0);
      // Enter typed ahead during the check would be answered with a second prompt afterwards.
      expect(typed[password + 1]).toBe('enable\r');
      await session.close();
    });
  },
);
