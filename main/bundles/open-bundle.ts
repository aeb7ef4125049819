import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import {
  BUNDLE_ERRORS,
  FindingsMember,
  MANIFEST_PATH,
  MemberPath,
  SwitchMember,
  TranscriptMember,
  readManifest,
  type BundleManifest,
  type BundleMemberKind,
  LogLine,
} from '../../shared/bundles';
import { CodedError } from '../../shared/errors';
import type { JobEvent, JobSnapshot } from '../../shared/jobs';
import { JobSnapshot as JobSnapshotSchema } from '../../shared/jobs';
import { scanJournal } from '../jobs';
import { DEFAULT_UNPACK_LIMITS, unpackArchive, type UnpackLimits } from './archive';

/** A bundle that passed every check on open: its members parsed and typed. */
export interface OpenedBundle {
  manifest: BundleManifest;
  /** The format version the file had when it was older than this app's (it was migrated). */
  migratedFrom: number | null;
  journal: JobEvent[];
  snapshots: { path: string; snapshot: JobSnapshot }[];
  transcripts: { path: string; transcript: TranscriptMember }[];
  switches: { path: string; record: SwitchMember }[];
  findings: FindingsMember | null;
  report: string | null;
  logs: LogLine[];
}

function fail(code: string, message: string, detail?: unknown): never {
  throw new CodedError(code, message, detail);
}

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function parseJson(path: string, bytes: Buffer): unknown {
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    return fail(
      BUNDLE_ERRORS.malformed,
      `The bundle's ${path} is not valid JSON (${(error as Error).message}).`,
    );
  }
}

function parseMember<T>(
  path: string,
  bytes: Buffer,
  schema: {
    safeParse(data: unknown):
      | { success: true; data: T }
      | {
          success: false;
          error: { issues: readonly { message: string; path: readonly PropertyKey[] }[] };
        };
  },
): T {
  const parsed = schema.safeParse(parseJson(path, bytes));
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  return fail(
    BUNDLE_ERRORS.malformed,
    `The bundle's ${path} is not what Dialtone writes there (${issue?.path.map(String).join('.') || '(root)'}: ${issue?.message ?? 'invalid'}).`,
  );
}

/**
 * Opens a bundle held in memory. Every check runs before anything is returned, and nothing
 * is written anywhere: the archive's paths and sizes, the manifest (an older format is
 * migrated, a newer one refused), each member's SHA-256, and each member's content.
 */
export async function openBundle(
  archive: Buffer,
  limits: UnpackLimits = DEFAULT_UNPACK_LIMITS,
): Promise<OpenedBundle> {
  const files = await unpackArchive(archive, limits);
  const byPath = new Map<string, Buffer>();
  for (const file of files) {
    if (!MemberPath.safeParse(file.path).success)
      fail(
        BUNDLE_ERRORS.pathEscape,
        `The bundle holds a file whose path is not inside it (${JSON.stringify(file.path)}); it was refused and nothing was unpacked.`,
      );
    if (byPath.has(file.path))
      fail(
        BUNDLE_ERRORS.malformed,
        `The bundle holds ${file.path} twice, so it is not one Dialtone wrote.`,
      );
    byPath.set(file.path, file.bytes);
  }
  const manifestBytes = byPath.get(MANIFEST_PATH);
  if (!manifestBytes)
    fail(
      BUNDLE_ERRORS.malformed,
      'This file has no manifest.json, so it is not a Dialtone support bundle.',
    );
  const reading = readManifest(
    parseJson(MANIFEST_PATH, manifestBytes),
    (path) => byPath.get(path)?.length ?? null,
  );
  if (!reading.ok) fail(reading.code, reading.message);
  const { manifest, migratedFrom } = reading;

  const listed = new Set(manifest.members.map((m) => m.path));
  for (const path of byPath.keys())
    if (path !== MANIFEST_PATH && !listed.has(path))
      fail(
        BUNDLE_ERRORS.memberUnlisted,
        `The bundle holds ${path}, which its manifest does not list: it was changed after export.`,
      );
  for (const member of manifest.members) {
    const bytes = byPath.get(member.path);
    if (!bytes)
      fail(
        BUNDLE_ERRORS.memberMissing,
        `The bundle's manifest lists ${member.path}, but the file is not in it.`,
      );
    if (bytes.length !== member.bytes || sha256(bytes) !== member.sha256)
      fail(
        BUNDLE_ERRORS.checksumMismatch,
        `The bundle's ${member.path} does not match the checksum in its manifest: it was changed or damaged after export.`,
        { path: member.path },
      );
  }

  const ofKind = (kind: BundleMemberKind) =>
    manifest.members
      .filter((m) => m.kind === kind)
      .map((m) => ({ path: m.path, bytes: byPath.get(m.path)! }));
  const journalMember = ofKind('journal')[0];
  if (!journalMember) fail(BUNDLE_ERRORS.malformed, 'The bundle has no journal.');
  const scan = scanJournal(journalMember.bytes);
  if (scan.corruption || scan.tornBytes > 0 || scan.records.length === 0)
    fail(
      BUNDLE_ERRORS.malformed,
      `The bundle's journal does not read back (${scan.corruption ? `line ${scan.corruption.lineNumber}: ${scan.corruption.reason}` : scan.tornBytes > 0 ? 'its last record is cut short' : 'it is empty'}).`,
    );
  const findings = ofKind('findings')[0];
  const report = ofKind('report')[0];
  return {
    manifest,
    migratedFrom,
    journal: scan.records,
    snapshots: ofKind('snapshot').map(({ path, bytes }) => ({
      path,
      snapshot: parseMember(path, bytes, JobSnapshotSchema),
    })),
    transcripts: ofKind('transcript').map(({ path, bytes }) => ({
      path,
      transcript: parseMember(path, bytes, TranscriptMember),
    })),
    switches: ofKind('switch').map(({ path, bytes }) => ({
      path,
      record: parseMember(path, bytes, SwitchMember),
    })),
    findings: findings ? parseMember(findings.path, findings.bytes, FindingsMember) : null,
    report: report ? report.bytes.toString('utf8') : null,
    logs: ofKind('log').flatMap(({ path, bytes }) =>
      bytes
        .toString('utf8')
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line) => parseMember(path, Buffer.from(line), LogLine)),
    ),
  };
}

/** Reads a bundle file (refusing one too large before reading it) and opens it. */
export async function openBundleFile(
  path: string,
  limits: UnpackLimits = DEFAULT_UNPACK_LIMITS,
): Promise<OpenedBundle> {
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch (error) {
    return fail(
      BUNDLE_ERRORS.unreadable,
      `Cannot read the bundle ${path}: ${(error as Error).message}`,
    );
  }
  if (size > limits.maxArchiveBytes)
    fail(
      BUNDLE_ERRORS.tooLarge,
      `The bundle is too large to open (${size} bytes, over ${limits.maxArchiveBytes}); it was refused.`,
    );
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    return fail(
      BUNDLE_ERRORS.unreadable,
      `Cannot read the bundle ${path}: ${(error as Error).message}`,
    );
  }
  return openBundle(bytes, limits);
}
