import type { ConnectionState } from '../../shared/ipc';
import { createChannelHandlers } from '../bridge/handlers';
import { createRouter, type Router } from '../bridge/router';
import { createPlatformClient, type PlatformClient } from '../platform/client';
import { startPlatformSimulator, type PlatformSimulator } from '../sim/platform/server';
import { loadDemoWorld, loadWorldFile } from '../sim/world/load';
import type { KeyValueStore } from '../jobs';
import { createJobServices, type JobServices } from '../sync';

export interface PlatformTarget {
  /** `demo` runs the built-in simulator in-process; otherwise a real platform URL and token. */
  kind: 'demo' | 'platform';
  baseUrl?: string;
  token?: string;
  worldFile?: string;
}

export interface AppServices {
  router: Router;
  platform: PlatformClient;
  jobs: JobServices;
  connection(): ConnectionState;
  close(): Promise<void>;
}

export interface AppServicesOptions {
  host: 'electron' | 'browser';
  target: PlatformTarget;
  log?: (line: string) => void;
  /** Jobs' journals and snapshots (default: DIALTONE_DATA_DIR, else ~/.dialtone). */
  dataDirectory?: string;
  /** The job index and settings; Electron passes electron-store, others get conf. */
  store?: KeyValueStore;
}

/**
 * The composition root both hosts share: the platform (demo simulator or real), the
 * services, and the one router. Hosts differ only in the transport they put in front.
 */
export async function createAppServices(options: AppServicesOptions): Promise<AppServices> {
  let simulator: PlatformSimulator | null = null;
  let platform: PlatformClient;
  let connection: ConnectionState;

  if (options.target.kind === 'demo') {
    const world = options.target.worldFile
      ? await loadWorldFile(options.target.worldFile)
      : loadDemoWorld();
    simulator = await startPlatformSimulator({ world });
    platform = createPlatformClient({ baseUrl: simulator.url, token: simulator.token });
    connection = { kind: 'demo', platformUrl: simulator.url };
  } else {
    if (!options.target.baseUrl || !options.target.token)
      throw new Error('A platform target needs a base URL and an API token.');
    platform = createPlatformClient({
      baseUrl: options.target.baseUrl,
      token: options.target.token,
    });
    connection = { kind: 'platform', platformUrl: platform.baseUrl };
  }

  const jobs = await createJobServices({
    platform,
    ...(options.dataDirectory ? { dataDirectory: options.dataDirectory } : {}),
    ...(options.store ? { store: options.store } : {}),
  });
  const router = createRouter(
    createChannelHandlers({
      host: options.host,
      platform,
      connection: () => connection,
      jobBridge: jobs.bridge,
    }),
    {
      onInternalError: (channel, error) =>
        options.log?.(`internal error on ${channel}: ${String(error)}`),
    },
  );

  jobs.announceThrough(router);

  return {
    router,
    platform,
    jobs,
    connection: () => connection,
    async close() {
      await jobs.close();
      await simulator?.close();
    },
  };
}
