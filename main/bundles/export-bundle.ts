import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { arch, platform, release } from 'node:os';
import { join } from 'node:path';
import {
  BUNDLE_FORMAT,
  BUNDLE_FORMAT_VERSION,
  MANIFEST_PATH,
  type BundleManifest,
  type BundleMember,
  type BundleMemberKind,
  type FindingsMember,
  type SwitchMember,
  type TranscriptMember,
} from '../../shared/bundles';
import { CodedError } from '../../shared/errors';
import type { JobEvent, JobSnapshot } from '../../shared/jobs';
import { checkNumbers } from '../../shared/numbers';
import { encodeRecord, scanJournal } from '../jobs';
import { writeFileDurably } from '../jobs/durable-files';
import { createAnonymiser } from './anonymise';
import { packArchive } from './archive';
import { switchMembersOf, transcriptEnds, transcriptsOf } from './switch-members';
import { REDACTION_RULES, createRedactor } from './redact';

/** What export reads besides the journal; each part is injected by the composition root. */
export interface BundleExportSources {
  /** Where each job's folder (journal, evidence, report) lives. */
  jobsDirectory: string;
  /** The app's log lines between two times (JSON objects, pino's shape). */
  logLines(from: Date, to: Date): Promise<readonly object[]>;
  /** Every secret the app holds now (platform token, session token, switch credentials). */
  knownSecrets(): readonly string[];
  /** The job's sign-off report as HTML, when it has one (default: report.html in the job folder). */
  report?(jobId: string): Promise<string | null>;
  appVersion: string;
  now?: () => Date;
}

export interface ExportOptions {
  anonymise: boolean;
}

export interface ExportedBundle {
  manifest: BundleManifest;
  archive: Buffer;
}

export const BUNDLE_JOB_NOT_FOUND = 'BUNDLE_JOB_NOT_FOUND';
export const BUNDLE_REDACTION_FAILED = 'BUNDLE_REDACTION_FAILED';

const JOB_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/;

interface PendingMember {
  path: string;
  kind: BundleMemberKind;
  text: string;
}

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function pad(seq: number): string {
  return String(seq).padStart(4, '0');
}

function snapshotsOf(
  records: readonly JobEvent[],
): { seq: number; type: string; snapshot: JobSnapshot }[] {
  return records.flatMap((record) =>
    record.type === 'JobCreated' || record.type === 'SnapshotRefreshed'
      ? [{ seq: record.seq, type: record.type, snapshot: record.payload.snapshot }]
      : [],
  );
}

/** The people a journal names: who did the job and who signed it off. */
function peopleOf(records: readonly JobEvent[]): string[] {
  return records.flatMap((record) =>
    record.type === 'JobCreated' && record.payload.engineerName
      ? [record.payload.engineerName]
      : record.type === 'JobSignedOff'
        ? [record.payload.signerName]
        : [],
  );
}

/** Reads the job's journal without touching it: every intact record, and what stopped the read. */
function readJournal(path: string): { records: JobEvent[]; problem: string | null } {
  const scan = scanJournal(readFileSync(path));
  const problem = scan.corruption
    ? `The journal is damaged at line ${scan.corruption.lineNumber} (${scan.corruption.reason}); the ${scan.records.length} records before it are in this bundle.`
    : scan.tornBytes > 0
      ? `The journal's last record was unfinished (${scan.tornBytes} bytes); the ${scan.records.length} saved records are in this bundle.`
      : null;
  return { records: scan.records, problem };
}

/**
 * Packs one job, in whatever state it is, into a support bundle: secrets out first,
 * optionally names and numbers replaced, then every member hashed into the manifest.
 */
export async function buildBundle(
  sources: BundleExportSources,
  jobId: string,
  options: ExportOptions,
): Promise<ExportedBundle> {
  const now = sources.now?.() ?? new Date();
  const journalPath = join(sources.jobsDirectory, jobId, 'journal.jsonl');
  if (!JOB_ID.test(jobId) || !existsSync(journalPath))
    throw new CodedError(
      BUNDLE_JOB_NOT_FOUND,
      `There is no job ${jobId} on this laptop to export.`,
    );
  const { records, problem } = readJournal(journalPath);
  const first = records[0];
  if (!first || first.type !== 'JobCreated')
    throw new CodedError(
      BUNDLE_JOB_NOT_FOUND,
      `Job ${jobId} has no readable first record, so there is nothing to put in a bundle.`,
    );
  const from = new Date(first.time);
  const jobDirectory = join(sources.jobsDirectory, jobId);
  const saved = transcriptsOf(records, jobDirectory);
  const transcripts = saved.transcripts;
  const latestSnapshot = snapshotsOf(records).at(-1)!.snapshot;
  const derived = switchMembersOf(records, latestSnapshot, transcripts, transcriptEnds(records));
  const switches = derived.switches;
  const notes = [...(problem === null ? [] : [problem]), ...saved.notes, ...derived.notes];
  const logs = await sources.logLines(from, now);
  const reportPath = join(sources.jobsDirectory, jobId, 'report.html');
  const report = sources.report
    ? await sources.report(jobId)
    : existsSync(reportPath)
      ? readFileSync(reportPath, 'utf8')
      : null;

  const knownSecrets = sources.knownSecrets();
  const redactor = createRedactor(knownSecrets);
  const clean = {
    records: records.map((record) => redactor.json(record)),
    switches: switches.map((s) => redactor.json(s)),
    transcripts: transcripts.map((t) => redactor.json(t)),
    logs: logs.map((line) => redactor.json(line)),
    report: report === null ? null : redactor.text(report),
  };
  if (options.anonymise) {
    const texts = [
      JSON.stringify(clean.switches),
      JSON.stringify(clean.transcripts),
      JSON.stringify(clean.logs),
      clean.report ?? '',
    ];
    const anonymiser = createAnonymiser(
      snapshotsOf(clean.records).map((s) => s.snapshot),
      [JSON.stringify(clean.records), ...texts],
      peopleOf(clean.records),
    );
    clean.records = clean.records.map((r) => anonymiser.json(r));
    clean.switches = clean.switches.map((s) => anonymiser.json(s));
    clean.transcripts = clean.transcripts.map((t) => anonymiser.json(t));
    clean.logs = clean.logs.map((l) => anonymiser.json(l));
    clean.report = clean.report === null ? null : anonymiser.text(clean.report);
  }

  const pending: PendingMember[] = [
    { path: 'journal.jsonl', kind: 'journal', text: clean.records.map(encodeRecord).join('') },
  ];
  const snapshots = snapshotsOf(clean.records);
  for (const { seq, type, snapshot } of snapshots)
    pending.push({
      path: `snapshots/${pad(seq)}-${type}.json`,
      kind: 'snapshot',
      text: JSON.stringify(snapshot, null, 2),
    });
  const usedNames = new Set<string>();
  const uniqueName = (base: string) => {
    let name = base.replace(/[^A-Za-z0-9_.-]+/g, '_').slice(0, 100) || 'unnamed';
    for (let n = 2; usedNames.has(name); n++) name = `${base.slice(0, 96)}_${n}`;
    usedNames.add(name);
    return name;
  };
  for (const transcript of clean.transcripts as TranscriptMember[])
    pending.push({
      path: `transcripts/${uniqueName(transcript.name)}.json`,
      kind: 'transcript',
      text: JSON.stringify(transcript, null, 2),
    });
  for (const record of clean.switches as SwitchMember[])
    pending.push({
      path: `switches/${uniqueName(record.identity.switchId)}.json`,
      kind: 'switch',
      text: JSON.stringify(record, null, 2),
    });
  const latest = snapshots.at(-1)?.snapshot ?? first.payload.snapshot;
  pending.push({
    path: 'findings.json',
    kind: 'findings',
    text: JSON.stringify(findingsOf(latest, first.payload.occupierId, now), null, 2),
  });
  if (clean.report !== null)
    pending.push({ path: 'report.html', kind: 'report', text: clean.report });
  pending.push({
    path: 'logs/app.jsonl',
    kind: 'log',
    text: clean.logs.map((line) => `${JSON.stringify(line)}\n`).join(''),
  });

  // The last fence: a secret the app holds must not be in any byte written.
  for (const member of pending)
    for (const secret of knownSecrets)
      if (secret.length >= 4 && member.text.includes(secret))
        throw new CodedError(
          BUNDLE_REDACTION_FAILED,
          `A secret was still in ${member.path} after redaction, so no bundle was written. Report this to the Dialtone team.`,
        );

  const files = pending.map((member) => ({ ...member, bytes: Buffer.from(member.text, 'utf8') }));
  const members: BundleMember[] = files.map(({ path, kind, bytes }) => ({
    path,
    kind,
    bytes: bytes.length,
    sha256: sha256(bytes),
  }));
  const created = snapshots[0]!.snapshot;
  const occupierName =
    created.occupiers.find((o) => o.id === first.payload.occupierId)?.name ??
    first.payload.occupierId;
  const manifest: BundleManifest = {
    format: BUNDLE_FORMAT,
    formatVersion: BUNDLE_FORMAT_VERSION,
    appVersion: sources.appVersion,
    createdAt: now.toISOString(),
    host: { os: platform(), release: release(), arch: arch() },
    job: {
      jobId,
      siteId: first.payload.siteId,
      siteName: created.site.name,
      occupierId: first.payload.occupierId,
      occupierName,
      createdAt: first.time,
      archived: records.some((r) => r.type === 'JobArchived'),
      eventCount: records.length,
    },
    span: { from: from.toISOString(), to: now.toISOString() },
    redaction: { rules: [...REDACTION_RULES] },
    anonymised: options.anonymise,
    notes,
    members,
  };
  const archive = await packArchive(
    [
      { path: MANIFEST_PATH, bytes: Buffer.from(JSON.stringify(manifest, null, 2), 'utf8') },
      ...files.map(({ path, bytes }) => ({ path, bytes })),
    ],
    now,
  );
  return { manifest, archive };
}

function findingsOf(snapshot: JobSnapshot, occupierId: string, now: Date): FindingsMember {
  try {
    return {
      computedAt: now.toISOString(),
      occupierId,
      findings: checkNumbers(snapshot, occupierId),
      problem: null,
    };
  } catch (error) {
    return {
      computedAt: now.toISOString(),
      occupierId,
      findings: null,
      problem: (error as Error).message,
    };
  }
}

/** Builds the bundle and writes it to `outPath` whole (temporary file, then rename). */
export async function exportBundle(
  sources: BundleExportSources,
  jobId: string,
  outPath: string,
  options: ExportOptions,
): Promise<ExportedBundle> {
  const bundle = await buildBundle(sources, jobId, options);
  await writeFileDurably(outPath, bundle.archive);
  return bundle;
}
