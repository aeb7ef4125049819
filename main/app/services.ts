import { join } from 'node:path';
import { CodedError } from '../../shared/errors';
import type { ConnectionState } from '../../shared/ipc';
import { countUnsyncedChanges } from '../../shared/jobs';
import { createChannelHandlers } from '../bridge/handlers';
import { createRouter, type Router } from '../bridge/router';
import { createConfStore, type KeyValueStore } from '../jobs';
import type { PlatformClient } from '../platform/client';
import {
  createPlatformSettings,
  type PlatformSettings,
  type TokenCipher,
} from '../platform/settings';
import { ProblemError } from '../sim/platform/problem';
import { loadDemoWorld, loadWorldFile } from '../sim/world/load';
import {
  createInstallationService,
  createPlatformWatch,
  createReportPdfSaver,
  type ReportPdfPrinter,
} from '../installation';
import {
  createJobServices,
  defaultDataDirectory,
  type JobServices,
  type JobServicesOptions,
} from './job-services';
import { logDirectoryOf } from './bundle-sources';
import { createBundleService } from './bundle-service';
import { createAppLog } from '../logging/app-log';
import {
  createDemoEquipment,
  type DemoConsole,
  type DemoConsoleRequest,
  type DemoEquipment,
} from './demo-equipment';
import { createPlatformConnection, type PlatformConnection } from './platform-connection';
import { createSwitchComposition, type SwitchComposition } from './switch-composition';

/** Forces the built-in demo platform, optionally on another world file, whatever Settings say. */
export interface DemoTarget {
  kind: 'demo';
  worldFile?: string;
}

export interface AppServices {
  router: Router;
  /** The current platform's client; follows a switch made in Settings. */
  platform: PlatformClient;
  platformConnection: PlatformConnection;
  settings: PlatformSettings;
  jobs: JobServices;
  /** The demo's simulated switches and handsets, from the same world as the demo platform. */
  demoEquipment: DemoEquipment;
  /** Switch sessions, the job's switch work and its transcripts. */
  switches: SwitchComposition;
  /** Demo switch consoles served on PTYs (`demoConsoles`), where to open them. */
  demoConsoles: DemoConsole[];
  connection(): ConnectionState;
  close(): Promise<void>;
}

export interface AppServicesOptions {
  host: 'electron' | 'browser';
  /** Omitted: Settings decide (the demo until the engineer picks a platform). */
  target?: DemoTarget;
  /**
   * Demo switches whose console is also served on a real PTY (socat), to connect to over
   * "Console cable" as on site; the same switches the demo's cabling drives.
   */
  demoConsoles?: readonly DemoConsoleRequest[];
  log?: (line: string) => void;
  /** Secrets the host holds (the browser host's session token), kept out of every bundle. */
  knownSecrets?: () => readonly string[];
  /** Jobs' journals and snapshots (default: DIALTONE_DATA_DIR, else ~/.dialtone). */
  dataDirectory?: string;
  /** The job index and settings; Electron passes electron-store, others get conf. */
  store?: KeyValueStore;
  /** Prints the report on screen to PDF (Electron's printToPDF); the browser host has none. */
  reportPdfPrinter?: ReportPdfPrinter;
  /** Encrypts the platform token at rest (Electron safeStorage); without one it stays in memory. */
  cipher?: TokenCipher;
  /** How long a login may take to register before the job says what to check (default 45 s). */
  registrationTimeoutMs?: number;
  /** Sync's clock, randomness and settings; the app's own (APP_SYNC_SETTINGS) unless a test says. */
  sync?: Pick<
    JobServicesOptions,
    'clock' | 'random' | 'backoff' | 'concurrency' | 'healthIntervalMs'
  >;
}

/**
 * The composition root both hosts share: settings, the platform (demo simulator or real),
 * the services, and the one router. Hosts differ only in the transport they put in front.
 */
export async function createAppServices(options: AppServicesOptions): Promise<AppServices> {
  const dataDirectory = options.dataDirectory ?? defaultDataDirectory();
  const store = options.store ?? createConfStore(dataDirectory);
  const settings = createPlatformSettings({
    store,
    ...(options.cipher ? { cipher: options.cipher } : {}),
  });
  const worldFile = options.target?.worldFile;
  const demoWorld = worldFile ? await loadWorldFile(worldFile) : loadDemoWorld();
  const platformConnection = await createPlatformConnection({
    settings,
    demoWorld: () => structuredClone(demoWorld),
    forceDemo: options.target?.kind === 'demo',
  });
  const platform = platformConnection.client;
  const demoEquipment = createDemoEquipment(structuredClone(demoWorld));
  demoEquipment.attach(platformConnection.simulator());

  // The app's own log, rotating in the data folder; services get it injected.
  const appLog = await createAppLog({ directory: logDirectoryOf(dataDirectory) });
  appLog.logger.info({ host: options.host }, 'Dialtone started');
  const bundles = createBundleService({
    dataDirectory,
    logger: appLog.logger,
    knownSecrets: () => {
      const target = settings.target();
      return [
        ...(target.kind === 'platform' && target.token ? [target.token] : []),
        ...(platformConnection.simulator() ? [platformConnection.simulator()!.token] : []),
        ...(options.knownSecrets?.() ?? []),
      ];
    },
  });

  const jobs = await createJobServices({ ...options.sync, platform, dataDirectory, store });
  const installation = createInstallationService({
    jobs: jobs.jobs,
    canReach: () => jobs.connectivity.canSync(),
  });
  const platformWatch = createPlatformWatch({
    jobs: jobs.jobs,
    platform,
    canReach: () => jobs.connectivity.canSync(),
    ...(options.registrationTimeoutMs === undefined
      ? {}
      : { registrationTimeoutMs: options.registrationTimeoutMs }),
  });
  // The router is made below with these handlers; what the switches push goes through it.
  let announce: Router | null = null;
  const switches = createSwitchComposition({
    dataDirectory,
    store,
    ...(options.cipher ? { cipher: options.cipher } : {}),
    demo: demoEquipment,
    jobs,
    onChanged: (jobId) => announce?.emit('switch:changed', { jobId }),
    onUpdates: (key, updates) => {
      // Streams: only to the window that subscribed to this switch of this job.
      const text = updates.map((u) => (u.kind === 'console' ? u.text : '')).join('');
      if (text) announce?.emitScoped('console:output', key, { text });
      const links = updates.flatMap((u) => (u.kind === 'link' ? [u.event] : []));
      const ports = updates.flatMap((u) => (u.kind === 'port' ? [u.port] : []));
      if (links.length > 0 || ports.length > 0)
        announce?.emitScoped('switch:live', key, { links, ports });
      if (updates.some((u) => u.kind === 'closed'))
        announce?.emit('switch:changed', { jobId: key.jobId });
    },
    ...(options.log ? { log: options.log } : {}),
  });
  const router = createRouter(
    createChannelHandlers({
      host: options.host,
      platform,
      connection: platformConnection.state,
      jobBridge: jobs.bridge,
      settings: {
        settings,
        connection: platformConnection,
        unsyncedChanges: async () =>
          countUnsyncedChanges((await jobs.jobs.list()).map((listing) => listing.state)),
      },
      switches: {
        service: switches.service,
        jobSwitch: switches.jobSwitch,
        jobs: jobs.jobs,
        transcripts: switches.transcripts,
        demo: demoEquipment.live,
      },
      installation,
      reportPdf: createReportPdfSaver({
        jobsDirectory: join(dataDirectory, 'jobs'),
        printer: options.reportPdfPrinter ?? null,
        installation,
      }),
      demoKeypad: () => {
        const simulator = platformConnection.simulator();
        if (!simulator) return null;
        return async (handsetId, extension, pin) => {
          try {
            await simulator.keypadLogin(handsetId, extension, pin);
          } catch (error) {
            if (error instanceof ProblemError)
              throw new CodedError(error.problem.code, error.problem.detail);
            throw error;
          }
        };
      },
      checkRegistration: (jobId, e164, actionId) => platformWatch.checkNow(jobId, e164, actionId),
      bundles,
    }),
    {
      onInternalError: (channel, error) => {
        appLog.logger.error({ channel, error: String(error) }, 'internal error');
        options.log?.(`internal error on ${channel}: ${String(error)}`);
      },
    },
  );
  announce = router;

  jobs.announceThrough(router);
  platformConnection.onChange((state) => {
    demoEquipment.attach(platformConnection.simulator());
    router.emit('app:connectionChanged', state);
    void jobs.connectivity.check();
  });

  const services: AppServices = {
    router,
    platform,
    platformConnection,
    settings,
    jobs,
    demoEquipment,
    switches,
    demoConsoles: [],
    connection: platformConnection.state,
    async close() {
      platformWatch.close();
      await switches.close();
      await jobs.close();
      await demoEquipment.close();
      await platformConnection.close();
      await appLog.close();
    },
  };
  try {
    for (const request of options.demoConsoles ?? [])
      services.demoConsoles.push(await demoEquipment.serveConsole(request));
  } catch (error) {
    await services.close();
    throw error;
  }
  return services;
}
