/**
 * Console speed found by listening (issue 12: under 3 s on a silent line). Over real PTYs
 * (socat) whose console answers garbage at any other speed: how long the serial transport
 * takes to find each common speed, how long the app's Connect (Speed "Auto (detect)", through
 * the bridge, to an identified switch) takes on the demo switch served at 38400, and how long
 * a silent line takes to be refused. Median of 3 each. `npx tsx bench/console-speed.ts`.
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { routerCall, startDemoApp } from '../main/app/test-support/demo-app';
import { demoSwitch, servePty } from '../main/sim/switch';
import { CONSOLE_SPEEDS } from '../main/switch/transports/probe-speed';
import { openSerialTransport } from '../main/switch/transports/serial-transport';

const RUNS = 3;
const SILENT_BUDGET_MS = 3000;
const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const ptyPath = () => join(tmpdir(), `dialtone-bench-speed-${randomUUID()}`);

console.log(`load average ${loadavg()[0]!.toFixed(1)} (other work on the machine disturbs these)`);

for (const speed of CONSOLE_SPEEDS) {
  const times: number[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    const pty = await servePty(demoSwitch('cisco_ios', { credentials: null }), {
      path: ptyPath(),
      baud: speed,
      strictSpeed: true,
    });
    const started = performance.now();
    const transport = await openSerialTransport({ path: pty.path, baudRate: 'auto' });
    times.push(performance.now() - started);
    if (transport.baudRate !== speed)
      throw new Error(`found ${transport.baudRate} on a line at ${speed}`);
    await transport.close();
    await pty.close();
  }
  console.log(`line at ${String(speed).padStart(6)} baud: found in ${median(times).toFixed(0)} ms`);
}

{
  const times: number[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    const path = ptyPath();
    const socat = spawn('socat', [`pty,raw,echo=0,link=${path}`, 'EXEC:sleep 60'], {
      stdio: 'ignore',
    });
    const exited = new Promise((resolve) => socat.once('exit', resolve));
    while (!existsSync(path)) await new Promise((resolve) => setTimeout(resolve, 20));
    const started = performance.now();
    const error = await openSerialTransport({ path, baudRate: 'auto' }).catch((e: unknown) => e);
    times.push(performance.now() - started);
    if (!(error instanceof Error) || !/said nothing/.test(error.message))
      throw new Error(`a silent line was not refused: ${String(error)}`);
    socat.kill();
    await exited;
  }
  const ms = median(times);
  console.log(
    `silent line refused in ${ms.toFixed(0)} ms (budget ${SILENT_BUDGET_MS} ms) ${ms < SILENT_BUDGET_MS ? 'OK' : 'OVER BUDGET'}`,
  );
}

{
  const times: number[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    const path = ptyPath();
    const services = await startDemoApp(mkdtempSync(join(tmpdir(), 'dialtone-bench-speed-')), {
      demoConsoles: [{ switch: 'sw-2f-a', path, baud: 38_400 }],
    });
    const call = routerCall(services);
    const job = await call<{ state: { jobId: string } }>('jobs:create', {
      siteId: 'lon-shoreditch',
      occupierId: 'occ-brightwater',
    });
    const started = performance.now();
    const item = await call<{ session: { serial: { baudRate: number } | null } | null }>(
      'switch:connect',
      {
        jobId: job.state.jobId,
        switchId: 'lon-sw-2f-a',
        route: { kind: 'serial', path, baudRate: 'auto' },
      },
    );
    times.push(performance.now() - started);
    if (item.session?.serial?.baudRate !== 38_400) throw new Error('the app did not find 38400');
    await services.close();
  }
  console.log(
    `app Connect (Auto) to the demo switch at 38400, identified: ${median(times).toFixed(0)} ms`,
  );
}
