import type { BridgeClient } from '../bridge/client';
import { createJobListStore } from '../features/jobs/jobListStore';
import { createOpenJobStore } from '../features/jobs/openJobStore';
import { createSettingsStore } from '../features/settings/settingsStore';
import { createSiteDetailStore } from '../features/sites/siteDetailStore';
import { createSiteListStore } from '../features/sites/siteListStore';
import { createConnectivityStore } from '../features/sync/connectivityStore';
import { createSyncProgressStore } from '../features/sync/syncProgressStore';
import { createConsoleStore } from '../features/console/consoleStore';
import { createSwitchStore } from '../features/switch/switchStore';
import { createBundleStore } from '../features/bundles/bundleStore';
import { createAppInfoStore } from './appInfoStore';

/** Every renderer store, each made from the one bridge it is given (main.tsx's, or a test's fake). */
export function createRendererStores(bridge: BridgeClient) {
  return {
    appInfo: createAppInfoStore(bridge),
    siteList: createSiteListStore(bridge),
    siteDetail: createSiteDetailStore(bridge),
    jobList: createJobListStore(bridge),
    openJob: createOpenJobStore(bridge),
    connectivity: createConnectivityStore(bridge),
    syncProgress: createSyncProgressStore(),
    settings: createSettingsStore(bridge),
    switches: createSwitchStore(bridge),
    console: createConsoleStore(bridge),
    bundles: createBundleStore(bridge),
  };
}

export type RendererStores = ReturnType<typeof createRendererStores>;
