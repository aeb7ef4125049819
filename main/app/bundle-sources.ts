import { join } from 'node:path';
import type { BundleExportSources } from '../bundles';
import { readLogLines } from '../logging/app-log';
import { APP_VERSION } from './version';

/** Where the app keeps its log in a data folder. */
export function logDirectoryOf(dataDirectory: string): string {
  return join(dataDirectory, 'logs');
}

/**
 * What a bundle export reads in a data folder: the jobs' journals and transcripts, the
 * app's log files, and the secrets the caller holds right now (to take out wherever they are).
 */
export function bundleSourcesFor(
  dataDirectory: string,
  knownSecrets: () => readonly string[],
): BundleExportSources {
  return {
    jobsDirectory: join(dataDirectory, 'jobs'),
    logLines: (from, to) => readLogLines(logDirectoryOf(dataDirectory), from, to),
    knownSecrets,
    appVersion: APP_VERSION,
  };
}
