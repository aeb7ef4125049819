import { z } from 'zod';
import { BundleManifest } from '../../bundles/manifest';
import { FindingsMember, TranscriptMember } from '../../bundles/members';
import { ReplayResult } from '../../bundles/replay';
import { TimelineEntry } from '../../bundles/timeline';
import { JobState } from '../../jobs/state';
import { defineDomain } from '../domain';
import { JobId } from './jobs';

export const BundleId = z
  .string()
  .regex(
    /^[0-9a-f]{16}$/,
    'that is not the id of a bundle opened in Dialtone (open the bundle file again from Bundles)',
  );

/** An opened bundle as the read-only job view shows it. */
export const BundleView = z.object({
  bundleId: BundleId,
  fileName: z.string(),
  manifest: BundleManifest,
  migratedFrom: z.number().int().nullable(),
  timeline: z.array(TimelineEntry),
  transcripts: z.array(TranscriptMember),
  findings: FindingsMember.nullable(),
  /**
   * The job as its bundled journal folds (what the engineer's report was made from), so the
   * viewer shows the same report; null when the journal does not fold into a job.
   */
  job: JobState.nullable(),
});
export type BundleView = z.infer<typeof BundleView>;

/** A bundle's bytes as base64 (an upload, a file picked or dropped, or an export to save). */
const Base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64');

export const bundlesDomain = defineDomain('bundles', {
  channels: {
    /** Packs a job into a bundle; the renderer saves the bytes as a file. */
    'bundles:export': {
      request: z.object({ jobId: JobId, anonymise: z.boolean() }).strict(),
      response: z.object({ fileName: z.string(), data: Base64, bytes: z.number().int() }),
    },
    /** Checks and opens a bundle; refused with a BUNDLE_* error, nothing kept. */
    'bundles:open': {
      request: z.object({ fileName: z.string().min(1).max(300), data: Base64 }).strict(),
      response: BundleView,
    },
    'bundles:get': { request: z.object({ bundleId: BundleId }).strict(), response: BundleView },
    'bundles:replay': {
      request: z.object({ bundleId: BundleId }).strict(),
      response: ReplayResult,
    },
  },
  events: {},
});
