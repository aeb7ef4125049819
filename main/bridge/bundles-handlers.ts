import type { BundleView, bundlesDomain } from '../../shared/ipc';
import type { ReplayResult } from '../../shared/bundles';
import type { DomainHandlers } from './router';

/** What the bundles:* channels need: the bundle service composed in main/app. */
export interface BundleHandlerDeps {
  exportJob(jobId: string, anonymise: boolean): Promise<{ fileName: string; archive: Buffer }>;
  open(fileName: string, archive: Buffer): Promise<BundleView>;
  get(bundleId: string): BundleView;
  replay(bundleId: string): Promise<ReplayResult>;
}

export function createBundleChannelHandlers(
  deps: BundleHandlerDeps,
): DomainHandlers<typeof bundlesDomain> {
  return {
    'bundles:export': async ({ jobId, anonymise }) => {
      const { fileName, archive } = await deps.exportJob(jobId, anonymise);
      return { fileName, data: archive.toString('base64'), bytes: archive.length };
    },
    'bundles:open': ({ fileName, data }) => deps.open(fileName, Buffer.from(data, 'base64')),
    'bundles:get': async ({ bundleId }) => deps.get(bundleId),
    'bundles:replay': ({ bundleId }) => deps.replay(bundleId),
  };
}
