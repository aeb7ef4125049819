import { join } from 'node:path';
import type { SyncProgress } from '../../shared/jobs';
import { jobSummaryOf, type JobBridgeDeps } from '../bridge/job-handlers';
import type { Router } from '../bridge/router';
import { defaultDataDirectory } from './data-directory';
import {
  createConfStore,
  createJobService,
  createPreferencesStore,
  createSnapshotCache,
  type JobService,
  type KeyValueStore,
} from '../jobs';
import type { PlatformClient } from '../platform/client';
import {
  APP_SYNC_SETTINGS,
  createConnectivity,
  createPlatformGateway,
  createSyncService,
  systemClock,
  type BackoffPolicy,
  type Connectivity,
  type RandomSource,
  type SyncClock,
  type SyncService,
} from '../sync';

export { defaultDataDirectory } from './data-directory';

export { APP_SYNC_SETTINGS } from '../sync';

export interface JobServicesOptions {
  /** Where journals and snapshots live; DIALTONE_DATA_DIR or ~/.dialtone when omitted. */
  dataDirectory?: string;
  /** electron-store under Electron; conf in the data folder otherwise. */
  store?: KeyValueStore;
  platform: PlatformClient;
  /** How often to ask the platform's health. */
  healthIntervalMs?: number;
  /** Sync's time (tests pass one whose sleeps return at once); the system clock otherwise. */
  clock?: SyncClock;
  /** Backoff jitter; Math.random otherwise. */
  random?: RandomSource;
  /** APP_SYNC_SETTINGS.backoff otherwise. */
  backoff?: BackoffPolicy;
  /** APP_SYNC_SETTINGS.concurrency otherwise. */
  concurrency?: number;
}

export interface JobServices {
  jobs: JobService;
  sync: SyncService;
  connectivity: Connectivity;
  bridge: JobBridgeDeps;
  /** Pushes jobs:changed, sync:progress and sync:connectivityChanged through the router. */
  announceThrough(router: Router): void;
  close(): Promise<void>;
}

/** How often, at most, the renderer is told about a job that keeps changing. */
const PUSH_INTERVAL_MS = 100;

/** Jobs, the outbox's sync and connectivity, wired the same way for every host. */
export async function createJobServices(options: JobServicesOptions): Promise<JobServices> {
  const directory = options.dataDirectory ?? defaultDataDirectory();
  const store = options.store ?? createConfStore(directory);
  const gateway = createPlatformGateway(options.platform);
  const preferences = createPreferencesStore(store);
  const connectivity = createConnectivity({
    health: async () => (await options.platform.healthProblem()) ?? true,
    preferences,
  });
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
    clock: options.clock ?? systemClock,
    random: options.random ?? Math.random,
    backoff: options.backoff ?? APP_SYNC_SETTINGS.backoff,
    concurrency: options.concurrency ?? APP_SYNC_SETTINGS.concurrency,
    autoSync: true,
  });
  const bridge: JobBridgeDeps = { jobs, sync, connectivity, preferences };
  connectivity.start(options.healthIntervalMs ?? 15_000);
  const unsubscribers: (() => void)[] = [];

  return {
    jobs,
    sync,
    connectivity,
    bridge,
    announceThrough(router) {
      // Coalesced and paced for the screen: a sync of thousands of entries pushes a summary
      // every PUSH_INTERVAL_MS, not one per entry. (The state itself is in the journal.)
      const changed = new Set<string>();
      const progress = new Map<string, SyncProgress | null>();
      let scheduled = false;
      const flush = () => {
        scheduled = false;
        for (const [jobId, value] of progress)
          router.emit('sync:progress', { jobId, progress: value });
        progress.clear();
        const jobIds = [...changed];
        changed.clear();
        for (const jobId of jobIds)
          void jobSummaryOf(bridge, jobId)
            .then((summary) => router.emit('jobs:changed', summary))
            .catch(() => undefined);
      };
      const schedule = () => {
        if (scheduled) return;
        scheduled = true;
        setTimeout(flush, PUSH_INTERVAL_MS);
      };
      unsubscribers.push(
        jobs.onChanged((jobId) => {
          changed.add(jobId);
          schedule();
        }),
        sync.onProgress((jobId, value) => {
          progress.set(jobId, value);
          changed.add(jobId);
          schedule();
        }),
        connectivity.onChange((state) => {
          router.emit('sync:connectivityChanged', { ...state });
          void jobs.list().then((listings) => {
            for (const listing of listings) changed.add(listing.header.jobId);
            schedule();
          });
        }),
      );
    },
    async close() {
      for (const unsubscribe of unsubscribers) unsubscribe();
      connectivity.stop();
      await sync.close();
      await jobs.close();
    },
  };
}
