import type { ConnectionState } from '../../shared/ipc';
import type { PlatformClient } from '../platform/client';
import { createJobChannelHandlers, type JobBridgeDeps } from '../sync';
import { APP_NAME, APP_VERSION } from '../app/version';
import type { ChannelHandlers } from './router';
import { createSettingsChannelHandlers, type SettingsHandlerDeps } from './settings-handlers';

export interface HandlerDeps {
  host: 'electron' | 'browser';
  platform: PlatformClient;
  connection(): ConnectionState;
  /** Jobs, sync and connectivity for the jobs:* and sync:* channels. */
  jobBridge: JobBridgeDeps;
  /** Platform settings and the connection they drive, for the settings:* channels. */
  settings: SettingsHandlerDeps;
}

/** The handler of every channel in the contract; the type makes a missing one a compile error. */
export function createChannelHandlers(deps: HandlerDeps): ChannelHandlers {
  return {
    'app:info': async () => ({
      name: APP_NAME,
      version: APP_VERSION,
      host: deps.host,
      connection: deps.connection(),
    }),
    'sites:list': async () => ({ sites: await deps.platform.listSites() }),
    'sites:get': async ({ siteId }) => {
      const [site, occupiers, floorPorts] = await Promise.all([
        deps.platform.getSite(siteId),
        deps.platform.listOccupiers(siteId),
        deps.platform.listFloorPorts(siteId),
      ]);
      return { site, occupiers, floorPorts };
    },
    ...createJobChannelHandlers(deps.jobBridge),
    ...createSettingsChannelHandlers(deps.settings),
  };
}
