import { z } from 'zod';
import {
  BUNDLE_FORMAT,
  BUNDLE_FORMAT_VERSION,
  BundleJob,
  BundleManifest,
  ManifestHead,
  MemberPath,
  type BundleMemberKind,
} from './manifest';

/**
 * Format version 1 (the first bundles): the OS as one string, members as a path → SHA-256
 * map without kinds or sizes, no span, no redaction list, never anonymised.
 */
export const BundleManifestV1 = z.object({
  format: z.literal(BUNDLE_FORMAT),
  formatVersion: z.literal(1),
  appVersion: z.string().min(1),
  createdAt: z.iso.datetime({ offset: true }),
  os: z.string(),
  job: BundleJob,
  members: z.record(MemberPath, z.string().regex(/^[0-9a-f]{64}$/)),
});
export type BundleManifestV1 = z.infer<typeof BundleManifestV1>;

/** The kind a member has by where it lives (how version 1 laid members out). */
export function kindOfPath(path: string): BundleMemberKind | null {
  if (path === 'journal.jsonl') return 'journal';
  if (path === 'findings.json') return 'findings';
  if (path === 'report.html') return 'report';
  if (path.startsWith('snapshots/')) return 'snapshot';
  if (path.startsWith('transcripts/')) return 'transcript';
  if (path.startsWith('switches/')) return 'switch';
  if (path.startsWith('logs/')) return 'log';
  return null;
}

export type ManifestReading =
  | { ok: true; manifest: BundleManifest; migratedFrom: number | null }
  | { ok: false; code: 'BUNDLE_TOO_NEW' | 'BUNDLE_MALFORMED'; message: string };

function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  return `${issue?.path.map(String).join('.') || '(manifest)'}: ${issue?.message ?? 'invalid'}`;
}

/**
 * Reads a manifest of any version this app knows, migrating older ones to the current
 * shape. `sizeOf` gives a member's size in the archive (version 1 did not record sizes).
 */
export function readManifest(
  data: unknown,
  sizeOf: (path: string) => number | null,
): ManifestReading {
  const head = ManifestHead.safeParse(data);
  if (!head.success)
    return {
      ok: false,
      code: 'BUNDLE_MALFORMED',
      message: `This is not a Dialtone support bundle (its manifest ${firstIssue(head.error)}).`,
    };
  const version = head.data.formatVersion;
  if (version > BUNDLE_FORMAT_VERSION)
    return {
      ok: false,
      code: 'BUNDLE_TOO_NEW',
      message: `This bundle is format version ${version}, made by a newer Dialtone; this app reads versions up to ${BUNDLE_FORMAT_VERSION}. Update Dialtone to open it.`,
    };
  if (version === 1) {
    const v1 = BundleManifestV1.safeParse(data);
    if (!v1.success)
      return {
        ok: false,
        code: 'BUNDLE_MALFORMED',
        message: `The bundle's manifest is damaged (${firstIssue(v1.error)}).`,
      };
    const migrated = migrateV1(v1.data, sizeOf);
    if (typeof migrated === 'string')
      return { ok: false, code: 'BUNDLE_MALFORMED', message: migrated };
    return { ok: true, manifest: migrated, migratedFrom: 1 };
  }
  const current = BundleManifest.safeParse(data);
  if (!current.success)
    return {
      ok: false,
      code: 'BUNDLE_MALFORMED',
      message: `The bundle's manifest is damaged (${firstIssue(current.error)}).`,
    };
  return { ok: true, manifest: current.data, migratedFrom: null };
}

/** Version 1 → 2; a string says why it cannot be migrated. */
export function migrateV1(
  v1: BundleManifestV1,
  sizeOf: (path: string) => number | null,
): BundleManifest | string {
  const members = [];
  for (const [path, sha256] of Object.entries(v1.members)) {
    const kind = kindOfPath(path);
    if (kind === null) return `The version 1 member ${path} is of no kind Dialtone knows.`;
    const bytes = sizeOf(path);
    if (bytes === null) return `The manifest lists ${path}, which is not in the bundle.`;
    members.push({ path, kind, sha256, bytes });
  }
  const manifest = {
    format: BUNDLE_FORMAT,
    formatVersion: BUNDLE_FORMAT_VERSION,
    appVersion: v1.appVersion,
    createdAt: v1.createdAt,
    host: { os: v1.os, release: '', arch: '' },
    job: v1.job,
    span: { from: v1.job.createdAt, to: v1.createdAt },
    redaction: { rules: [] },
    anonymised: false,
    notes: ['Migrated from bundle format version 1.'],
    members,
  };
  const parsed = BundleManifest.safeParse(manifest);
  return parsed.success
    ? parsed.data
    : `The version 1 manifest cannot be migrated (${firstIssue(parsed.error)}).`;
}
