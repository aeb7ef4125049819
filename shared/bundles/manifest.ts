import { z } from 'zod';
import { JobSummary } from '../jobs/views';

/**
 * A support bundle is one zip file: `manifest.json` plus the members it lists. The
 * manifest says what made the bundle and holds a SHA-256 of every member, so a bundle
 * that was changed or cut short is refused when opened (see README "Support bundles").
 */

export const BUNDLE_FORMAT = 'dialtone-support-bundle';
/** The format version this app writes; older versions are migrated on open (migrate.ts). */
export const BUNDLE_FORMAT_VERSION = 2;
export const MANIFEST_PATH = 'manifest.json';

/** What a member holds. New kinds are added here and in README; readers skip kinds they do not use. */
export const BundleMemberKind = z.enum([
  /** The job's journal, one record per line, each with its checksum (journal.jsonl). */
  'journal',
  /** A site snapshot the job worked from or refreshed to (snapshots/NNNN-<event>.json). */
  'snapshot',
  /** One console session with a switch (transcripts/<name>.json). */
  'transcript',
  /** A switch as read during the job: identity, interface configuration, operations (switches/<id>.json). */
  'switch',
  /** The number checks' findings at export time (findings.json). */
  'findings',
  /** The sign-off report, when the job has one (report.html). */
  'report',
  /** The app's own log lines for the job's time span (logs/app.jsonl). */
  'log',
]);
export type BundleMemberKind = z.infer<typeof BundleMemberKind>;

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 as 64 lower-case hex digits');

/** A member path: relative, forward slashes, no `..`, no drive letter, no leading slash. */
export const MemberPath = z
  .string()
  .min(1)
  .max(200)
  .regex(
    /^[A-Za-z0-9_][A-Za-z0-9_.-]*(\/[A-Za-z0-9_][A-Za-z0-9_.-]*)*$/,
    'a relative path inside the bundle',
  )
  .refine((path) => !path.split('/').some((part) => part === '..' || part === '.'), {
    message: 'a path inside the bundle (no . or .. parts)',
  });

export const BundleMember = z.object({
  path: MemberPath,
  kind: BundleMemberKind,
  /** Size in bytes as stored (uncompressed). */
  bytes: z.number().int().nonnegative(),
  sha256: Sha256,
});
export type BundleMember = z.infer<typeof BundleMember>;

/** The job the bundle was made from: its header as the job list shows it, and its size. */
export const BundleJob = JobSummary.pick({
  jobId: true,
  siteId: true,
  siteName: true,
  occupierId: true,
  occupierName: true,
  createdAt: true,
  archived: true,
}).extend({ eventCount: z.number().int().nonnegative() });
export type BundleJob = z.infer<typeof BundleJob>;

export const BundleManifest = z.object({
  format: z.literal(BUNDLE_FORMAT),
  formatVersion: z.literal(BUNDLE_FORMAT_VERSION),
  appVersion: z.string().min(1),
  createdAt: z.iso.datetime({ offset: true }),
  host: z.object({ os: z.string(), release: z.string(), arch: z.string() }),
  job: BundleJob,
  /** The time span the log lines were taken from: the job's first event to the export. */
  span: z.object({ from: z.string(), to: z.string() }),
  /** Secrets are always taken out before writing; the rules applied are listed for the reader. */
  redaction: z.object({ rules: z.array(z.string()) }),
  /** Occupier names, contact names and phone numbers replaced by stand-ins. */
  anonymised: z.boolean(),
  /** What the reader should know, e.g. that the journal was damaged and where it stops. */
  notes: z.array(z.string()).default([]),
  members: z.array(BundleMember).min(1),
});
export type BundleManifest = z.infer<typeof BundleManifest>;

/** Just enough of any manifest to know which version it claims, before reading the rest. */
export const ManifestHead = z.object({
  format: z.literal(BUNDLE_FORMAT),
  formatVersion: z.number().int().positive(),
});
