/**
 * Sync benchmark (DESIGN.md budget): 10,000 queued outbox entries flushed to the platform
 * simulator (its own process, on loopback), each applied exactly once, with the app's own
 * services and sync settings (built by main/app's createJobServices: autoSync on,
 * concurrency 16, backoff 250 ms–30 s). Under 5 s on a clean line; under 30 s with about
 * 30% of requests failing (500s, 429s, connections dropped before and after the change;
 * the 429s carry Retry-After: 0, the rest wait the app's real backoff). Dialtone's CPU
 * must be no more than the simulator's (each measured per process). Also printed: the
 * backoff waits, whose share per lane bounds the faulty run from below whatever the CPU.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { APP_SYNC_SETTINGS, createJobServices } from '../main/app/job-services';
import { createPlatformClient } from '../main/platform/client';
import type { FaultSettingsInput } from '../main/sim/platform/faults';
import { hasSendable } from '../shared/jobs';
import { seededRandom, systemClock, type SyncClock } from '../main/sync';

const ENTRIES = 10_000;
const CLEAN_BUDGET_MS = 5_000;
const FAULTY_BUDGET_MS = 30_000;
const SITE = 'lon-shoreditch';
const OCCUPIER = 'occ-brightwater';
const ROLES = ['voice-pc', 'voice-only', 'data', 'wireless-ap'];

/** The simulator in its own process (`dialtone platform serve`), as a real platform would be. */
async function startSimulatorProcess(): Promise<{
  url: string;
  token: string;
  process: ChildProcess;
}> {
  const child = spawn(
    process.execPath,
    [join(import.meta.dirname, '../bin/dialtone.mjs'), 'platform', 'serve', '--admin'],
    // The built CLI or nothing: a stale build would run the simulator through tsx, slower,
    // and flatter Dialtone's CPU beside it. (`npm run build:cli` builds it.)
    {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, DIALTONE_CLI_BUILT: 'required' },
    },
  );
  const lines = createInterface({ input: child.stdout! });
  for await (const line of lines) {
    const { url, token } = JSON.parse(line) as { url: string; token: string };
    return { url, token, process: child };
  }
  throw new Error('The simulator process ended before it printed its address.');
}

/**
 * BENCH_PROFILE=<file prefix>: a V8 CPU profile of Dialtone over each measured flush only
 * (not the queueing before it), written as <prefix>-<run>.cpuprofile for DevTools.
 */
async function startProfile(): Promise<((label: string) => Promise<void>) | null> {
  const prefix = process.env['BENCH_PROFILE'];
  if (!prefix) return null;
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  return async (label) => {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(`${prefix}-${label.replace(/\W+/g, '-')}.cpuprofile`, JSON.stringify(profile));
    session.disconnect();
  };
}

interface CpuSeconds {
  user: number;
  system: number;
}

/** CPU seconds a process has used so far (Linux /proc), to tell Dialtone's share from the platform's. */
function cpuSecondsOf(pid: number): CpuSeconds {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return { user: Number(fields[11]) / 100, system: Number(fields[12]) / 100 };
  } catch {
    return { user: Number.NaN, system: Number.NaN };
  }
}

/** Per thread of this process (Linux /proc): name → CPU seconds so far. */
function threadCpuSeconds(): Map<string, number> {
  const threads = new Map<string, number>();
  try {
    for (const tid of readdirSync('/proc/self/task')) {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      // Node leaves its threads' names as "node": the main thread is the one whose id is the process's.
      const name = Number(tid) === process.pid ? 'main' : 'others';
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const seconds = (Number(fields[11]) + Number(fields[12])) / 100;
      threads.set(name, (threads.get(name) ?? 0) + seconds);
    }
  } catch {
    // Not Linux: no breakdown.
  }
  return threads;
}

/** Where Dialtone's CPU went between two thread readings, busiest first. */
function describeThreads(before: Map<string, number>, after: Map<string, number>): string {
  return [...after]
    .map(([name, seconds]) => [name, seconds - (before.get(name) ?? 0)] as const)
    .filter(([, seconds]) => seconds >= 0.05)
    .sort((a, b) => b[1] - a[1])
    .map(([name, seconds]) => `${name} ${seconds.toFixed(1)}`)
    .join(', ');
}

/** `total s (user + system)`: system time is mostly the loopback TCP the two processes share. */
function describeCpu({ user, system }: CpuSeconds): string {
  return `${(user + system).toFixed(1)} s (user ${user.toFixed(1)} + system ${system.toFixed(1)})`;
}

async function setFaults(url: string, token: string, faults: FaultSettingsInput): Promise<void> {
  const response = await fetch(`${url}/_admin/faults`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(faults),
  });
  if (!response.ok) throw new Error(`Setting faults failed: ${response.status}`);
}

async function run(label: string, faults: FaultSettingsInput, budgetMs: number): Promise<boolean> {
  const directory = mkdtempSync(join(tmpdir(), 'dialtone-bench-sync-'));
  const simulator = await startSimulatorProcess();
  const client = createPlatformClient({ baseUrl: simulator.url, token: simulator.token });
  // The app's own wiring and settings; only the jitter is seeded, so runs repeat. The clock
  // is the system's, only counted: each lane's entries go in order, so no run can be shorter
  // than its slowest lane's backoff waits, whatever the CPU does.
  const waits = { count: 0, ms: 0 };
  const clock: SyncClock = {
    now: systemClock.now,
    sleep: (ms) => {
      waits.count++;
      waits.ms += ms;
      return systemClock.sleep(ms);
    },
  };
  const services = await createJobServices({
    dataDirectory: directory,
    platform: client,
    clock,
    random: seededRandom(5),
  });
  const { jobs, sync, connectivity } = services;
  await connectivity.check();

  const { header, state } = await jobs.create({ siteId: SITE, occupierId: OCCUPIER });
  const ports = state.snapshot.floorPorts;
  const before = new Map(ports.map((p) => [p.id, p.version]));
  // Queue offline (as in the basement), each port cycling through roles so every change counts.
  connectivity.setWorkOffline(true);
  const queueStart = performance.now();
  await Promise.all(
    Array.from({ length: ENTRIES }, (_, i) =>
      jobs.setFloorPortRole(header.jobId, {
        actionId: `bench-${i}`,
        floorPortId: ports[i % ports.length]!.id,
        roleId: ROLES[Math.floor(i / ports.length) % ROLES.length]!,
      }),
    ),
  );
  const queueMs = performance.now() - queueStart;
  await setFaults(simulator.url, simulator.token, faults);
  const stopProfile = await startProfile();
  const start = performance.now();
  const dialtoneCpuBefore = process.cpuUsage();
  const threadsBefore = threadCpuSeconds();
  const platformCpuBefore = cpuSecondsOf(simulator.process.pid!);
  let runs = 0;
  sync.onRun((event) => {
    if (event.phase === 'started') runs++;
  });
  // Back online: autoSync sends the outbox, as in the app.
  connectivity.setWorkOffline(false);
  await sync.settled();
  // If faults made sync take the platform for gone, it waits for the next health check;
  // the bench checks at once instead of waiting the app's 15 s.
  while (hasSendable(await jobs.state(header.jobId)) && runs < 20) {
    if (!connectivity.canSync()) await connectivity.check();
    else await sync.syncJob(header.jobId);
    await sync.settled();
  }
  const elapsed = performance.now() - start;
  const dialtoneCpu = process.cpuUsage(dialtoneCpuBefore);
  const threads = describeThreads(threadsBefore, threadCpuSeconds());
  const platformCpuAfter = cpuSecondsOf(simulator.process.pid!);
  const platformCpu = {
    user: platformCpuAfter.user - platformCpuBefore.user,
    system: platformCpuAfter.system - platformCpuBefore.system,
  };
  await stopProfile?.(label);
  await setFaults(simulator.url, simulator.token, {});

  const final = await jobs.state(header.jobId);
  const applied = final.outbox.filter((i) => i.status === 'applied').length;
  // Exactly once: each port's version moved once per queued change that changed its role.
  const expectedBumps = new Map(ports.map((p) => [p.id, 0]));
  const roleNow = new Map(ports.map((p) => [p.id, p.roleId]));
  for (const item of final.outbox) {
    const m = item.entry.mutation;
    if (m.kind !== 'setFloorPortRole' || roleNow.get(m.floorPortId) === m.roleId) continue;
    roleNow.set(m.floorPortId, m.roleId);
    expectedBumps.set(m.floorPortId, expectedBumps.get(m.floorPortId)! + 1);
  }
  const platformPorts = await client.listFloorPorts(SITE);
  const exactlyOnce = ports.every((p) => {
    const onPlatform = platformPorts.find((q) => q.id === p.id)!;
    return (
      onPlatform.version === before.get(p.id)! + expectedBumps.get(p.id)! &&
      onPlatform.roleId === roleNow.get(p.id)
    );
  });
  const dialtoneCpuSeconds = { user: dialtoneCpu.user / 1e6, system: dialtoneCpu.system / 1e6 };
  const cpuOk =
    dialtoneCpuSeconds.user + dialtoneCpuSeconds.system <= platformCpu.user + platformCpu.system;
  const timeOk = elapsed < budgetMs;
  const ok = applied === ENTRIES && exactlyOnce && timeOk && cpuOk;
  console.log(
    `${label}: ${ENTRIES} entries flushed in ${(elapsed / 1000).toFixed(2)} s ` +
      `(${Math.round(ENTRIES / (elapsed / 1000))} entries/s, ${runs} run(s)); ` +
      `applied ${applied}, exactly once: ${exactlyOnce ? 'yes' : 'NO'}; ` +
      `backoff waits ${waits.count} totalling ${(waits.ms / 1000).toFixed(1)} s over ${ports.length} lanes (${(waits.ms / 1000 / ports.length).toFixed(1)} s a lane on average, in order within each); ` +
      `queueing took ${(queueMs / 1000).toFixed(2)} s; CPU: Dialtone ${describeCpu(dialtoneCpuSeconds)}, platform ${describeCpu(platformCpu)}; ` +
      `Dialtone by thread: ${threads}; ` +
      `budget ${budgetMs / 1000} s: ${timeOk ? 'met' : 'MISSED'}, ` +
      `Dialtone CPU ≤ platform's: ${cpuOk ? 'met' : 'MISSED'}`,
  );
  await services.close();
  simulator.process.kill('SIGTERM');
  return ok;
}

console.log(
  `app sync settings: concurrency ${APP_SYNC_SETTINGS.concurrency}, backoff ${APP_SYNC_SETTINGS.backoff.baseMs}–${APP_SYNC_SETTINGS.backoff.maxMs} ms`,
);
// BENCH_ONLY=clean or BENCH_ONLY=faulty runs one of the two (BENCH_CLEAN_ONLY=1 is `clean`).
const only = process.env['BENCH_ONLY'] ?? (process.env['BENCH_CLEAN_ONLY'] ? 'clean' : '');
const clean = only === 'faulty' ? true : await run('clean line', {}, CLEAN_BUDGET_MS);
if (only === 'clean') process.exit(clean ? 0 : 1);
const faulty = await run(
  '30% failures',
  {
    serverErrorShare: 0.085,
    rateLimitShare: 0.085,
    retryAfterSeconds: 0,
    dropBeforeShare: 0.085,
    dropAfterShare: 0.085,
  },
  FAULTY_BUDGET_MS,
);
process.exitCode = clean && faulty ? 0 : 1;
