/**
 * Sync benchmark (DESIGN.md budget): 10,000 queued outbox entries flushed to the platform
 * simulator on loopback in under 10 s, each applied exactly once — once on a clean line and
 * once with about 30% of requests failing (500s, 429s, connections dropped before and after
 * the change). The faulty run uses a short backoff and Retry-After of 0 s, so it measures
 * sync's own overhead rather than deliberate waiting.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { createPlatformClient } from '../main/platform/client';
import type { FaultSettingsInput } from '../main/sim/platform/faults';
import {
  createConfStore,
  createJobService,
  createSettingsStore,
  createSnapshotCache,
} from '../main/jobs';
import {
  createConnectivity,
  createPlatformGateway,
  createSyncService,
  seededRandom,
  systemClock,
} from '../main/sync';

const ENTRIES = 10_000;
const BUDGET_MS = 10_000;
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
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const lines = createInterface({ input: child.stdout! });
  for await (const line of lines) {
    const { url, token } = JSON.parse(line) as { url: string; token: string };
    return { url, token, process: child };
  }
  throw new Error('The simulator process ended before it printed its address.');
}

/** CPU seconds a process has used so far (Linux /proc), to tell Dialtone's share from the platform's. */
function cpuSecondsOf(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
}

async function setFaults(url: string, token: string, faults: FaultSettingsInput): Promise<void> {
  const response = await fetch(`${url}/_admin/faults`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(faults),
  });
  if (!response.ok) throw new Error(`Setting faults failed: ${response.status}`);
}

async function run(label: string, faults: FaultSettingsInput): Promise<boolean> {
  const directory = mkdtempSync(join(tmpdir(), 'dialtone-bench-sync-'));
  const simulator = await startSimulatorProcess();
  const client = createPlatformClient({ baseUrl: simulator.url, token: simulator.token });
  const gateway = createPlatformGateway(client);
  const store = createConfStore(directory);
  const connectivity = createConnectivity({
    health: () => client.health(),
    settings: createSettingsStore(store),
  });
  await connectivity.check();
  const jobs = await createJobService({
    jobsDirectory: join(directory, 'jobs'),
    store,
    snapshots: { pull: (siteId, occupierId) => gateway.snapshot(siteId, occupierId) },
    snapshotCache: createSnapshotCache(join(directory, 'snapshots')),
    isOnline: () => connectivity.canSync(),
  });
  const sync = createSyncService({
    jobs,
    gateway,
    connectivity,
    clock: systemClock,
    random: seededRandom(5),
    concurrency: 32,
    backoff: { baseMs: 2, maxMs: 20, attemptsBeforeHealthCheck: 8 },
  });

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
  connectivity.setWorkOffline(false);
  await connectivity.check();

  await setFaults(simulator.url, simulator.token, faults);
  const start = performance.now();
  const dialtoneCpuBefore = process.cpuUsage();
  const platformCpuBefore = cpuSecondsOf(simulator.process.pid!);
  let runs = 0;
  while ((await jobs.state(header.jobId)).outbox.some((i) => i.status === 'queued') && runs < 5) {
    runs++;
    if (!connectivity.canSync()) await connectivity.check();
    await sync.syncJob(header.jobId);
  }
  const elapsed = performance.now() - start;
  const dialtoneCpu = process.cpuUsage(dialtoneCpuBefore);
  const platformCpu = cpuSecondsOf(simulator.process.pid!) - platformCpuBefore;
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
  const ok = applied === ENTRIES && exactlyOnce && elapsed < BUDGET_MS;
  console.log(
    `${label}: ${ENTRIES} entries flushed in ${(elapsed / 1000).toFixed(2)} s ` +
      `(${Math.round(ENTRIES / (elapsed / 1000))} entries/s, ${runs} run(s)); ` +
      `applied ${applied}, exactly once: ${exactlyOnce ? 'yes' : 'NO'}; ` +
      `queueing took ${(queueMs / 1000).toFixed(2)} s; CPU: Dialtone ${((dialtoneCpu.user + dialtoneCpu.system) / 1e6).toFixed(1)} s, platform ${platformCpu.toFixed(1)} s; ` +
      `budget ${BUDGET_MS / 1000} s: ${ok ? 'met' : 'MISSED'}`,
  );
  await sync.close();
  await jobs.close();
  simulator.process.kill('SIGTERM');
  return ok;
}

const clean = await run('clean line', {});
if (process.env['BENCH_CLEAN_ONLY']) process.exit(clean ? 0 : 1);
const faulty = await run('30% failures', {
  serverErrorShare: 0.085,
  rateLimitShare: 0.085,
  retryAfterSeconds: 0,
  dropBeforeShare: 0.085,
  dropAfterShare: 0.085,
});
process.exitCode = clean && faulty ? 0 : 1;
