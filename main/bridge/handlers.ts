import type { ConnectionState, appDomain, sitesDomain } from '../../shared/ipc';
import { APP_NAME, APP_VERSION } from '../app/version';
import type { PlatformClient } from '../platform/client';
import type { InstallationService, ReportPdfSaver } from '../installation';
import {
  createInstallationChannelHandlers,
  type DemoKeypad,
  type RegistrationCheck,
} from './installation-handlers';
import { createBundleChannelHandlers, type BundleHandlerDeps } from './bundles-handlers';
import { createJobChannelHandlers, type JobBridgeDeps } from './job-handlers';
import type { ChannelHandlers, DomainHandlers } from './router';
import { createSettingsChannelHandlers, type SettingsHandlerDeps } from './settings-handlers';
import {
  createConsoleChannelHandlers,
  createSwitchChannelHandlers,
  type SwitchHandlerDeps,
} from './switch-handlers';

export interface HandlerDeps {
  host: 'electron' | 'browser';
  platform: PlatformClient;
  connection(): ConnectionState;
  /** Jobs, sync and connectivity for the jobs:* and sync:* channels. */
  jobBridge: JobBridgeDeps;
  /** Platform settings and the connection they drive, for the settings:* channels. */
  settings: SettingsHandlerDeps;
  /** The switch service and the job's switch work, for the switch:* and console:* channels. */
  switches: SwitchHandlerDeps;
  /** The guided job's actions, for the installation:* channels. */
  installation: InstallationService;
  /** The report's PDF (a printer only in the Electron host). */
  reportPdf: ReportPdfSaver;
  /** The demo's handsets' keypads, while the demo platform is current. */
  demoKeypad: () => DemoKeypad | null;
  /** "Check now" of a login's registration, read from the platform this moment. */
  checkRegistration: RegistrationCheck;
  /** Export, open and replay of support bundles, for the bundles:* channels. */
  bundles: BundleHandlerDeps;
}

function createAppChannelHandlers(deps: HandlerDeps): DomainHandlers<typeof appDomain> {
  return {
    'app:info': async () => ({
      name: APP_NAME,
      version: APP_VERSION,
      host: deps.host,
      connection: deps.connection(),
    }),
  };
}

function createSitesChannelHandlers(platform: PlatformClient): DomainHandlers<typeof sitesDomain> {
  return {
    'sites:list': async () => ({ sites: await platform.listSites() }),
    'sites:get': async ({ siteId }) => {
      const [site, occupiers, floorPorts] = await Promise.all([
        platform.getSite(siteId),
        platform.listOccupiers(siteId),
        platform.listFloorPorts(siteId),
      ]);
      return { site, occupiers, floorPorts };
    },
  };
}

/**
 * The handler of every channel in the contract: one map per domain (shared/ipc/channels/),
 * spread here. The return type makes a domain left out, or a channel missing, a compile error.
 */
export function createChannelHandlers(deps: HandlerDeps): ChannelHandlers {
  return {
    ...createAppChannelHandlers(deps),
    ...createSitesChannelHandlers(deps.platform),
    ...createJobChannelHandlers(deps.jobBridge),
    ...createSettingsChannelHandlers(deps.settings),
    ...createSwitchChannelHandlers(deps.switches),
    ...createConsoleChannelHandlers(deps.switches),
    ...createInstallationChannelHandlers(
      deps.jobBridge,
      deps.installation,
      deps.reportPdf,
      deps.demoKeypad,
      deps.checkRegistration,
    ),
    ...createBundleChannelHandlers(deps.bundles),
  };
}
