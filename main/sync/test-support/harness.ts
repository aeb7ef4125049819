import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FaultSettingsInput } from '../../sim/platform/faults';
import { createPlatformClient, type PlatformClient } from '../../platform/client';
import type { HttpTransport } from '../../platform/http-transport';
import { startPlatformSimulator, type PlatformSimulator } from '../../sim/platform/server';
import { loadDemoWorld } from '../../sim/world/load';
import { createJobServices, type JobServices } from '../../app/job-services';
import type { JobService } from '../../jobs';
import { seededRandom, type SyncClock } from '../clock';
import type { Connectivity } from '../connectivity';
import type { SyncService } from '../sync-service';

export const SITE = 'lon-shoreditch';
export const OCCUPIER = 'occ-brightwater';

/** A clock whose sleeps return at once and are remembered, so backoff costs no real time. */
export function instantClock(): SyncClock & { slept: number[] } {
  let now = 0;
  const slept: number[] = [];
  return {
    slept,
    now: () => now,
    sleep: async (ms) => {
      slept.push(ms);
      now += ms;
    },
  };
}

/** The real simulator on 127.0.0.1 (state kept in a file so it can stop and come back). */
export class SimulatorUnderTest {
  simulator: PlatformSimulator | null = null;
  readonly statePath: string;
  readonly token = 'test-token-0123456789abcdef';
  port = 0;

  /** `persist` keeps the platform's state in a file so it survives a stop and start. */
  constructor(
    directory: string,
    private readonly persist = true,
  ) {
    this.statePath = join(directory, 'platform-state.json');
  }

  async start(
    /** `random` (else `seed`) rolls the simulator's fault dice. */
    options: { faults?: FaultSettingsInput; seed?: number; random?: () => number } = {},
  ): Promise<PlatformSimulator> {
    this.simulator = await startPlatformSimulator({
      world: loadDemoWorld(),
      ...(this.persist ? { statePath: this.statePath } : {}),
      token: this.token,
      port: this.port,
      registrationDelayMs: 0,
      ...(options.faults ? { faults: options.faults } : {}),
      ...(options.random
        ? { random: options.random }
        : options.seed === undefined
          ? {}
          : { random: seededRandom(options.seed) }),
    });
    this.port = Number(new URL(this.simulator.url).port);
    return this.simulator;
  }

  async stop(): Promise<void> {
    await this.simulator?.close();
    this.simulator = null;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }
}

export interface SyncHarness {
  directory: string;
  platform: SimulatorUnderTest;
  /** Dialtone's own client (what sync uses). */
  client: PlatformClient;
  /** The services exactly as the app builds them (autoSync on, the app's sync settings). */
  services: JobServices;
  jobs: JobService;
  connectivity: Connectivity;
  sync: SyncService;
  clock: ReturnType<typeof instantClock>;
  close(): Promise<void>;
}

export interface SyncHarnessOptions {
  /** The simulator's fault dice (so a test can script which request fails). */
  platformRandom?: () => number;
  /** Dialtone's HTTP transport (a test wraps the real one to watch the requests). */
  transport?: HttpTransport;
}

/** The main services as the app wires them, against the simulator, with an instant clock. */
export async function startSyncHarness(
  seed = 1,
  options: SyncHarnessOptions = {},
): Promise<SyncHarness> {
  const directory = mkdtempSync(join(tmpdir(), 'dialtone-sync-'));
  const platform = new SimulatorUnderTest(directory);
  await platform.start(options.platformRandom ? { random: options.platformRandom } : {});
  const services = await createServicesOn(directory, platform, seed, options.transport);
  return {
    ...services,
    async close() {
      await services.close();
      await platform.stop();
    },
  };
}

/**
 * The services on an existing data folder (e.g. after the crash test's last restart), built
 * by the app's composition root: only the clock (instant) and the jitter (seeded) differ.
 */
export async function createServicesOn(
  directory: string,
  platform: SimulatorUnderTest,
  seed: number,
  transport?: HttpTransport,
): Promise<SyncHarness> {
  const client = createPlatformClient({
    baseUrl: platform.url,
    token: platform.token,
    timeoutMs: 5_000,
    ...(transport ? { transport } : {}),
  });
  const clock = instantClock();
  const services = await createJobServices({
    dataDirectory: directory,
    platform: client,
    clock,
    random: seededRandom(seed),
  });
  await services.connectivity.check();
  return {
    directory,
    platform,
    client,
    services,
    jobs: services.jobs,
    connectivity: services.connectivity,
    sync: services.sync,
    clock,
    close: () => services.close(),
  };
}
