/**
 * Budget check (DESIGN.md): a role apply + verify at 9600 baud within 1.10x the wire time of
 * the bytes it exchanges, and under 0.45x the time Netmiko's defaults take for the same job
 * on the same line. Applies the Voice + PC role to factory-default interfaces over a real PTY
 * to a simulated Cisco IOS switch, in one session, and saves; then Netmiko (Debian
 * python3-netmiko under /usr/bin/python3) does the same job against a fresh copy of the same
 * simulator on its own PTY. Everything is printed from one run.
 *
 *   npx tsx bench/serial-apply.ts [--vendor cisco_ios|aruba_aoss] [--baud 9600] [--interfaces 8] [--skip-netmiko]
 *
 * Netmiko has a serial class for IOS only (cisco_ios_serial), so AOS-S runs without it.
 *
 * Wire time = max(bytes sent, bytes received) x 10 bits / baud (the line is full duplex).
 * Minimal session = the bytes of login, paging off, one read per interface, the change, one
 * read-back and the save, taken from Dialtone's own transcript: what any tool must exchange.
 * Exits 1 when a run does not verify or is over budget.
 */
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { parseArgs } from 'node:util';
import { SwitchVendor } from '../shared/platform/schemas';
import { servePty, SimulatedSwitch } from '../main/sim/switch';
import { loadDemoWorld } from '../main/sim/world/load';
import { driverFor } from '../main/switch/drivers';
import { applyPortRole } from '../main/switch/operations';
import { openSession, type TranscriptEntry } from '../main/switch/session';
import { openSerialTransport } from '../main/switch/transports';

const WIRE_BUDGET = 1.1;
const NETMIKO_BUDGET = 0.45;
const { values } = parseArgs({
  options: {
    vendor: { type: 'string', default: 'cisco_ios' },
    baud: { type: 'string', default: '9600' },
    interfaces: { type: 'string', default: '8' },
    'skip-netmiko': { type: 'boolean', default: false },
  },
});
const vendor = SwitchVendor.parse(values.vendor);
const baud = Number(values.baud);
const count = Number(values.interfaces);
const role = loadDemoWorld().sites[0]!.roleCatalogue.find((r) => r.id === 'voice-pc')!;
const login = { username: 'admin', password: 'bench-pass-1', enableSecret: 'bench-enable-1' };

function benchSwitch(): SimulatedSwitch {
  return new SimulatedSwitch({
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
}

const wireSeconds = (tx: number, rx: number) => (Math.max(tx, rx) * 10) / baud;

/**
 * The bytes a minimal session exchanges: each typed line with what came back until the
 * next, kept when it is part of the job (not `terminal width`, not a second Enter).
 */
function minimalBytes(entries: TranscriptEntry[]): { tx: number; rx: number } {
  const optional = /^(terminal width \d+)\r$/;
  let tx = 0;
  let rx = 0;
  let keep = true;
  for (const entry of entries) {
    const size = Buffer.byteLength(entry.text, 'latin1');
    if (entry.direction === 'tx') {
      keep = !optional.test(entry.text);
      if (keep) tx += size;
    } else if (entry.direction === 'rx' && keep) rx += size;
  }
  return { tx, rx };
}

async function dialtone() {
  const sw = benchSwitch();
  const pty = await servePty(sw, { path: join(tmpdir(), `dialtone-bench-${randomUUID()}`), baud });
  try {
    const started = performance.now();
    const transport = await openSerialTransport({ path: pty.path, baudRate: baud });
    const session = await openSession(transport, { vendor, login });
    const driver = driverFor(session);
    const results = [];
    for (const port of sw.ports)
      results.push(await applyPortRole(driver, { interfaceName: port.shortName, role }));
    const saved = await driver.save({
      interfaces: results.flatMap((r) => (r.afterConfig ? [r.afterConfig] : [])),
    });
    const seconds = (performance.now() - started) / 1000;
    const { tx, rx } = transport.bytes;
    const minimal = minimalBytes(session.transcript.entries);
    await session.close();
    return {
      verified: results.every((r) => r.verified && r.changed) && saved.confirmedBy === 'answer',
      seconds,
      tx,
      rx,
      minimal,
      plans: results.map((r) => ({
        name: r.interfaceName,
        commands: r.commands.filter((c) => c !== 'end' && c !== 'exit'),
      })),
    };
  } finally {
    await pty.close();
  }
}

async function netmiko(plans: { name: string; commands: string[] }[]) {
  const sw = benchSwitch();
  const pty = await servePty(sw, { path: join(tmpdir(), `netmiko-bench-${randomUUID()}`), baud });
  try {
    const job = {
      path: pty.path,
      baud,
      username: login.username,
      password: login.password,
      secret: login.enableSecret,
      interfaces: plans,
    };
    let stdout: string;
    try {
      ({ stdout } = await promisify(execFile)(
        '/usr/bin/python3',
        [join(import.meta.dirname, 'serial-apply-netmiko.py'), JSON.stringify(job)],
        { timeout: 600_000 },
      ));
    } catch (error) {
      // Netmiko reads by delays; on a busy machine it can miss a prompt. Say so, not crash.
      const stderr = String((error as { stderr?: string }).stderr ?? error).trim();
      return { seconds: NaN, verified: false, failed: stderr.split('\n').at(-1) ?? stderr };
    }
    const result = JSON.parse(stdout.trim().split('\n').at(-1)!) as {
      seconds: number;
      verified: boolean;
      saved: boolean;
    };
    const applied = sw.ports.every((port) => port.voiceVlan === 20 && port.accessVlan === 10);
    return {
      ...result,
      verified: result.verified && result.saved && applied && !sw.unsavedChanges,
    };
  } finally {
    await pty.close();
  }
}

const d = await dialtone();
const wire = wireSeconds(d.tx, d.rx);
const minimalWire = wireSeconds(d.minimal.tx, d.minimal.rx);
const wireRatio = d.seconds / wire;
let ok = d.verified && wireRatio <= WIRE_BUDGET;
console.log(
  `${vendor}, ${count} interfaces, Voice + PC, ${baud} baud over a real PTY\n` +
    `Dialtone: ${d.seconds.toFixed(2)} s, ${d.verified ? 'all changed, verified and saved' : 'NOT all verified'}; ` +
    `${d.tx} bytes sent, ${d.rx} received; wire time ${wire.toFixed(2)} s; ratio ${wireRatio.toFixed(3)} (budget ${WIRE_BUDGET}: ${wireRatio <= WIRE_BUDGET ? 'within' : 'OVER'})\n` +
    `minimal session: ${d.minimal.tx} bytes sent, ${d.minimal.rx} received; wire time ${minimalWire.toFixed(2)} s; ` +
    `Dialtone takes ${(d.seconds / minimalWire).toFixed(3)}x that`,
);
if (!values['skip-netmiko'] && vendor === 'cisco_ios') {
  // Netmiko reads by delays and can miss a prompt on a busy machine: one more try, said so.
  let n = await netmiko(d.plans);
  if (n.failed) {
    console.log(`Netmiko attempt 1 failed (${n.failed}); trying once more on a fresh switch`);
    n = await netmiko(d.plans);
  }
  const ratio = d.seconds / n.seconds;
  ok &&= n.verified && ratio <= NETMIKO_BUDGET;
  if (n.failed) console.log(`Netmiko 2.4.2 defaults (cisco_ios_serial) failed: ${n.failed}`);
  else
    console.log(
      `Netmiko ${'2.4.2'} defaults (cisco_ios_serial): ${n.seconds.toFixed(2)} s, ${n.verified ? 'all changed, verified and saved' : 'NOT all verified'}; ` +
        `${(n.seconds / wire).toFixed(3)}x Dialtone's wire time\n` +
        `Dialtone / Netmiko: ${ratio.toFixed(3)} (budget ${NETMIKO_BUDGET}: ${ratio <= NETMIKO_BUDGET ? 'within' : 'OVER'})`,
    );
}
process.exitCode = ok ? 0 : 1;
