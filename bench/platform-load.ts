/**
 * Platform simulator load check: 2,000 mutations with idempotency keys from 20 concurrent
 * clients over loopback HTTP, every one applied exactly once; prints throughput.
 *
 * Each mutation allocates one given pool number to an occupier (so "applied once" is
 * checkable number by number). Three runs:
 * - clean: no faults;
 * - faults: 5% 500s before the effect and 5% connections dropped after it; clients retry
 *   with the same key until they get an answer, so the dropped-after ones come back replayed;
 * - state file: clean, with `--state` (every answer waits for an atomic write; writes coalesce).
 * Client and simulator share one process (and its event loop), so the figures are a floor.
 * Run: `npx tsx bench/platform-load.ts`.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CodedError } from '../shared/errors';
import type { PhoneNumber } from '../shared/platform/schemas';
import { createPlatformClient, type PlatformClient } from '../main/platform/client';
import type { PlatformErrorDetail } from '../main/platform/platform-errors';
import type { FaultSettingsInput } from '../main/sim/platform/faults';
import { startPlatformSimulator } from '../main/sim/platform/server';
import { loadDemoWorld } from '../main/sim/world/load';
import type { World } from '../main/sim/world/schema';

const MUTATIONS = 2_000;
const CLIENTS = 20;
const SITE = 'lon-shoreditch';
const OCCUPIERS = ['occ-brightwater', 'occ-kestrel', 'occ-orchard', 'occ-northwind'];

function benchNumber(serial: number): string {
  return `+44113496${String(serial).padStart(4, '0')}`;
}

function benchWorld(): World {
  const world = loadDemoWorld();
  for (let serial = 0; serial < MUTATIONS; serial += 1)
    world.numbers.push({
      e164: benchNumber(serial),
      siteId: SITE,
      occupierId: null,
      state: 'AVAILABLE',
      source: 'pool',
      extension: `9${String(serial).padStart(4, '0')}`,
      defaultPin: '0000',
      isMain: false,
      handsetId: null,
      version: 1,
    });
  return world;
}

interface RunResult {
  seconds: number;
  sends: number;
  replayed: number;
  latenciesMs: number[];
}

async function allocateOnce(
  client: PlatformClient,
  serial: number,
  stats: RunResult,
): Promise<PhoneNumber> {
  const idempotencyKey = `bench-${serial}`;
  for (let attempt = 1; ; attempt += 1) {
    const started = performance.now();
    stats.sends += 1;
    try {
      const result = await client.call(
        'allocateNumbers',
        {
          params: { siteId: SITE, occupierId: OCCUPIERS[serial % OCCUPIERS.length]! },
          body: { numbers: [benchNumber(serial)] },
        },
        { idempotencyKey },
      );
      stats.latenciesMs.push(performance.now() - started);
      if (result.replayed) stats.replayed += 1;
      return result.data.numbers[0]!;
    } catch (error) {
      const retryable =
        error instanceof CodedError && (error.detail as PlatformErrorDetail | undefined)?.retryable;
      if (!retryable || attempt >= 20) throw error;
    }
  }
}

async function run(
  label: string,
  faults: FaultSettingsInput,
  withStateFile: boolean,
  quiet = false,
) {
  const directory = await mkdtemp(join(tmpdir(), 'dialtone-bench-'));
  const simulator = await startPlatformSimulator({
    world: benchWorld(),
    faults,
    ...(withStateFile ? { statePath: join(directory, 'state.json') } : {}),
  });
  const clients = Array.from({ length: CLIENTS }, () =>
    createPlatformClient({ baseUrl: simulator.url, token: simulator.token }),
  );
  const stats: RunResult = { seconds: 0, sends: 0, replayed: 0, latenciesMs: [] };
  const answers: PhoneNumber[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    clients.map(async (client) => {
      while (next < MUTATIONS) {
        const serial = next;
        next += 1;
        answers.push(await allocateOnce(client, serial, stats));
      }
    }),
  );
  stats.seconds = (performance.now() - started) / 1000;

  simulator.faults.set({});
  const verifier = clients[0]!;
  const allocated = (await verifier.listNumbers(SITE)).filter((n) =>
    n.e164.startsWith('+44113496'),
  );
  const exactlyOnce =
    answers.length === MUTATIONS &&
    new Set(answers.map((n) => n.e164)).size === MUTATIONS &&
    allocated.length === MUTATIONS &&
    allocated.every(
      (n) =>
        n.state === 'RESERVED' &&
        n.version === 2 &&
        n.occupierId === OCCUPIERS[Number(n.e164.slice(-4)) % OCCUPIERS.length],
    );
  await simulator.close();
  await rm(directory, { recursive: true, force: true });

  if (quiet) return exactlyOnce;
  const sorted = [...stats.latenciesMs].sort((a, b) => a - b);
  const percentile = (p: number) =>
    sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
  console.log(
    `${label.padEnd(11)} ${MUTATIONS} mutations from ${CLIENTS} clients in ${stats.seconds.toFixed(2)} s: ` +
      `${(MUTATIONS / stats.seconds).toFixed(0)} mutations/s; ${stats.sends} sends, ` +
      `${stats.replayed} answered by replay; p50 ${percentile(0.5)?.toFixed(1)} ms, ` +
      `p99 ${percentile(0.99)?.toFixed(1)} ms; applied exactly once: ${exactlyOnce ? 'yes' : 'NO'}`,
  );
  return exactlyOnce;
}

// Warm-up (JIT, sockets) on a throwaway simulator; not reported.
await run('warm-up', {}, false, true);
const results = [
  await run('clean', {}, false),
  await run('faults', { serverErrorShare: 0.05, dropAfterShare: 0.05 }, false),
  await run('state file', {}, true),
];
if (results.some((ok) => !ok)) {
  console.error('bench/platform-load: some mutation was not applied exactly once.');
  process.exitCode = 1;
}
