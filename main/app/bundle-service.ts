import { createHash } from 'node:crypto';
import { bundleTimeline } from '../../shared/bundles';
import { CodedError } from '../../shared/errors';
import { foldJob, type JobState } from '../../shared/jobs';
import type { BundleView } from '../../shared/ipc';
import type { BundleHandlerDeps } from '../bridge/bundles-handlers';
import { buildBundle, openBundle, replayBundle, type OpenedBundle } from '../bundles';
import type { Logger } from '../logging/app-log';
import { bundleSourcesFor } from './bundle-sources';
import { replayEquipment } from './replay-equipment';

/** Bundles opened in this run, kept in memory only (an opened bundle writes nothing). */
const KEPT_OPEN = 20;

/** The bundled journal folded into its job; null when it does not fold (a journal with no start). */
function jobOf(bundle: OpenedBundle): JobState | null {
  try {
    return foldJob(bundle.journal);
  } catch {
    return null;
  }
}

function viewOf(bundleId: string, fileName: string, bundle: OpenedBundle): BundleView {
  return {
    bundleId,
    fileName,
    manifest: bundle.manifest,
    migratedFrom: bundle.migratedFrom,
    timeline: bundleTimeline(
      bundle.journal,
      bundle.switches.map((s) => s.record),
      bundle.transcripts.map((t) => t.transcript),
    ),
    transcripts: bundle.transcripts.map((t) => t.transcript),
    findings: bundle.findings,
    job: jobOf(bundle),
  };
}

/** Export, open and replay for the bundles:* channels, with the app's log and secrets. */
export function createBundleService(options: {
  dataDirectory: string;
  knownSecrets: () => readonly string[];
  logger: Logger;
}): BundleHandlerDeps {
  const sources = bundleSourcesFor(options.dataDirectory, options.knownSecrets);
  const opened = new Map<string, { fileName: string; bundle: OpenedBundle }>();
  const log = options.logger.child({ service: 'bundles' });
  const entry = (bundleId: string) => {
    const found = opened.get(bundleId);
    if (!found)
      throw new CodedError(
        'BUNDLE_NOT_OPEN',
        'This bundle is not open in this run of Dialtone; open the file again.',
      );
    return found;
  };
  return {
    async exportJob(jobId, anonymise) {
      const { archive, manifest } = await buildBundle(sources, jobId, { anonymise });
      log.info(
        { jobId, anonymise, bytes: archive.length, members: manifest.members.length },
        'bundle exported',
      );
      return { fileName: `dialtone-${jobId}${anonymise ? '-anonymised' : ''}.zip`, archive };
    },
    async open(fileName, archive) {
      try {
        const bundle = await openBundle(archive);
        const bundleId = createHash('sha256').update(archive).digest('hex').slice(0, 16);
        opened.delete(bundleId);
        opened.set(bundleId, { fileName, bundle });
        while (opened.size > KEPT_OPEN) opened.delete(opened.keys().next().value!);
        log.info({ bundleId, jobId: bundle.manifest.job.jobId, fileName }, 'bundle opened');
        return viewOf(bundleId, fileName, bundle);
      } catch (error) {
        log.warn({ fileName, code: (error as CodedError).code }, 'bundle refused');
        throw error;
      }
    },
    get(bundleId) {
      const { fileName, bundle } = entry(bundleId);
      return viewOf(bundleId, fileName, bundle);
    },
    async replay(bundleId) {
      const result = await replayBundle(entry(bundleId).bundle, replayEquipment());
      log.info(
        { bundleId, outcome: result.outcome, steps: result.stepsCompared, ms: result.durationMs },
        'bundle replayed',
      );
      return result;
    },
  };
}
