/**
 * Budget check (DESIGN.md): a role apply + verify at 9600 baud within 1.15x the wire time
 * of the bytes it exchanges. Applies the Voice + PC role to 24 factory-default interfaces
 * over a real PTY to a simulated switch at 9600 baud, in one session, and saves.
 *
 *   npx tsx bench/serial-apply.ts [--vendor cisco_ios|aruba_aoss] [--baud 9600] [--interfaces 24]
 *
 * Wire time = max(bytes sent, bytes received) x 10 bits / baud (the line is full duplex).
 * Exits 1 when a run is over budget or does not verify.
 */
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import type { SwitchVendor } from '../shared/platform/schemas';
import { servePty, SimulatedSwitch } from '../main/sim/switch';
import { loadDemoWorld } from '../main/sim/world/load';
import { driverFor } from '../main/switch/drivers';
import { applyPortRole } from '../main/switch/operations';
import { openSession } from '../main/switch/session';
import { openSerialTransport } from '../main/switch/transports';

const BUDGET = 1.15;
const { values } = parseArgs({
  options: {
    vendor: { type: 'string', multiple: true },
    baud: { type: 'string', default: '9600' },
    interfaces: { type: 'string', default: '24' },
  },
});
const baud = Number(values.baud);
const count = Number(values.interfaces);
const vendors = (values.vendor ?? ['cisco_ios', 'aruba_aoss']) as SwitchVendor[];
const site = loadDemoWorld().sites[0]!;
const role = site.roleCatalogue.find((r) => r.id === 'voice-pc')!;
const login = { username: 'admin', password: 'bench-pass-1', enableSecret: 'bench-enable-1' };

async function benchmark(vendor: SwitchVendor) {
  const sw = new SimulatedSwitch({
    vendor,
    hostname: vendor === 'cisco_ios' ? 'sw-bench-a' : 'HC-BENCH-A',
    model: vendor === 'cisco_ios' ? 'WS-C2960X-24PS-L' : 'Aruba JL258A 2930F-8G-PoE+-2SFP+',
    interfaceCount: count,
    credentials: login,
    vlans: [
      { id: 1, name: 'DEFAULT_VLAN', voice: false },
      { id: 10, name: 'DATA', voice: false },
      { id: 20, name: 'VOICE', voice: true },
    ],
  });
  const pty = await servePty(sw, { path: join(tmpdir(), `dialtone-bench-${randomUUID()}`), baud });
  try {
    const started = performance.now();
    const transport = await openSerialTransport({ path: pty.path, baudRate: baud });
    const session = await openSession(transport, { vendor, login });
    const driver = driverFor(session);
    const names = sw.ports.map((port) => port.shortName);
    const results = [];
    for (const interfaceName of names)
      results.push(await applyPortRole(driver, { interfaceName, role }));
    await driver.save();
    const seconds = (performance.now() - started) / 1000;
    const { tx, rx } = transport.bytes;
    await session.close();
    const wire = (Math.max(tx, rx) * 10) / baud;
    return {
      vendor,
      interfaces: names.length,
      verified: results.every((r) => r.verified && r.changed),
      seconds,
      tx,
      rx,
      wire,
      ratio: seconds / wire,
    };
  } finally {
    await pty.close();
  }
}

let ok = true;
for (const vendor of vendors) {
  const r = await benchmark(vendor);
  const within = r.ratio <= BUDGET;
  ok &&= within && r.verified;
  console.log(
    `${r.vendor}: ${r.interfaces} interfaces at ${baud} baud, ${r.verified ? 'all changed and verified' : 'NOT all verified'}; ` +
      `${r.seconds.toFixed(2)} s, ${r.tx} bytes sent, ${r.rx} bytes received, wire time ${r.wire.toFixed(2)} s, ` +
      `ratio ${r.ratio.toFixed(3)} (budget ${BUDGET}: ${within ? 'within' : 'OVER'})`,
  );
}
process.exitCode = ok ? 0 : 1;
