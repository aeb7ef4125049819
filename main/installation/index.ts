export { createInstallationService } from './installation-service';
export type { InstallationService, InstallationServiceOptions } from './installation-service';
export { createPlatformWatch, WATCH_ACTOR } from './platform-watch';
export type { PlatformWatch, PlatformWatchOptions } from './platform-watch';
