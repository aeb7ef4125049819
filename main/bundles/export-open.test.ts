import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import yazl from 'yazl';
import { BUNDLE_FORMAT, MANIFEST_PATH } from '../../shared/bundles';
import type { CodedError } from '../../shared/errors';
import { packArchive, unpackArchive } from './archive';
import { buildBundle } from './export-bundle';
import { openBundle } from './open-bundle';
import {
  OCCUPIER,
  PLANTED,
  PLANTED_ENGINEER,
  SWITCH_ID,
  makePlantedJob,
  type PlantedJob,
} from './test-support/planted-job';

let job: PlantedJob;
let archive: Buffer;

beforeAll(async () => {
  job = await makePlantedJob();
  archive = (await buildBundle(job.sources, job.jobId, { anonymise: false })).archive;
}, 30_000);
afterAll(() => job.close());

async function refusal(bytes: Buffer): Promise<CodedError> {
  try {
    await openBundle(bytes);
  } catch (error) {
    return error as CodedError;
  }
  throw new Error('the bundle was opened');
}

/** Repacks a bundle's files after `change` (manifest untouched unless the change does it). */
async function repack(change: (files: { path: string; bytes: Buffer }[]) => void): Promise<Buffer> {
  const files = await unpackArchive(archive);
  change(files);
  return packArchive(files, new Date());
}

describe('a bundle exported from a job made through the real services', () => {
  it('opens with every member checked, the journal complete and the switch side recorded', async () => {
    const bundle = await openBundle(archive);
    const state = await job.services.jobs.state(job.jobId);
    expect(bundle.manifest).toMatchObject({
      format: BUNDLE_FORMAT,
      formatVersion: 2,
      job: { jobId: job.jobId, occupierId: OCCUPIER, eventCount: state.eventCount },
      anonymised: false,
    });
    expect(bundle.journal.map((e) => e.type)).toEqual(
      expect.arrayContaining([
        'JobCreated',
        'MutationQueued',
        'MutationApplied',
        'SnapshotRefreshed',
        'ChecklistStepMarked',
      ]),
    );
    expect(bundle.journal).toHaveLength(state.eventCount);
    expect(bundle.snapshots.map((s) => s.path)).toEqual([
      'snapshots/0001-JobCreated.json',
      expect.stringMatching(/^snapshots\/\d{4}-SnapshotRefreshed\.json$/),
    ]);
    expect(bundle.switches[0]!.record.identity).toMatchObject({
      switchId: SWITCH_ID,
      vendor: 'cisco_ios',
    });
    expect(bundle.switches[0]!.record.operations[0]!.result.verified).toBe(true);
    expect(bundle.transcripts[0]!.transcript.entries.length).toBeGreaterThan(3);
    expect(bundle.findings?.findings?.length).toBeGreaterThan(0);
    expect(bundle.logs.map((l) => l['msg'])).toContain('role applied');
    expect(bundle.manifest.members.map((m) => m.kind)).toEqual(
      expect.arrayContaining(['journal', 'snapshot', 'transcript', 'switch', 'findings', 'log']),
    );
  });

  it('carries none of the planted secrets in any member or in the file', async () => {
    const files = await unpackArchive(archive);
    expect(files.length).toBeGreaterThan(6);
    for (const secret of Object.values(PLANTED))
      for (const file of [...files, { path: '(archive)', bytes: archive }])
        expect(file.bytes.includes(Buffer.from(secret)), `${secret} in ${file.path}`).toBe(false);
    // The planted secrets were really there to be found before export.
    const folder = join(job.directory, 'jobs', job.jobId, 'transcripts');
    const transcript = readdirSync(folder)
      .map((name) => readFileSync(join(folder, name), 'utf8'))
      .join('');
    expect(transcript).toContain(PLANTED.snmpCommunity);
    expect(transcript).toContain(PLANTED.enableSecret);
  });

  it('an anonymised bundle has none of the names or numbers and the same stand-in everywhere', async () => {
    const { archive: anonymised, manifest } = await buildBundle(job.sources, job.jobId, {
      anonymise: true,
    });
    expect(manifest.anonymised).toBe(true);
    const state = await job.services.jobs.state(job.jobId);
    const originals = [
      ...state.snapshot.occupiers.flatMap((o) => [o.name, o.contact]),
      ...state.snapshot.numbers.map((n) => n.e164),
      PLANTED_ENGINEER,
    ].filter((value) => value.length > 0);
    const files = await unpackArchive(anonymised);
    for (const value of originals)
      for (const file of files)
        expect(file.bytes.includes(Buffer.from(value)), `${value} in ${file.path}`).toBe(false);
    const bundle = await openBundle(anonymised);
    const first = bundle.snapshots[0]!.snapshot;
    const last = bundle.snapshots.at(-1)!.snapshot;
    expect(first.occupiers.map((o) => o.name)).toEqual(last.occupiers.map((o) => o.name));
    const allocated = last.numbers.filter((n) => n.occupierId === OCCUPIER).map((n) => n.e164);
    const journalText = bundle.journal.map((e) => JSON.stringify(e)).join('\n');
    for (const e164 of allocated) expect(journalText).toContain(e164);
  });
});

describe('opening a bad bundle refuses it with a clear, typed error', () => {
  it('a member changed after export: checksum mismatch naming the member', async () => {
    const tampered = await repack((files) => {
      const findings = files.find((f) => f.path === 'findings.json')!;
      findings.bytes = Buffer.from(findings.bytes.toString('utf8').replace('"info"', '"error"'));
    });
    const error = await refusal(tampered);
    expect(error.code).toBe('BUNDLE_CHECKSUM_MISMATCH');
    expect(error.message).toContain('findings.json');
  });

  it('a file cut short: malformed', async () => {
    for (const length of [archive.length - 1, Math.floor(archive.length / 2), 10, 0]) {
      const error = await refusal(archive.subarray(0, length));
      expect(error.code).toBe('BUNDLE_MALFORMED');
      expect(error.message).toMatch(/cut short|not a zip|not a readable bundle/);
    }
  });

  it('a member whose path leaves the bundle: path escape', async () => {
    for (const path of ['../evil.json', '/etc/evil', 'snapshots/../../evil']) {
      const zip = new yazl.ZipFile();
      zip.addBuffer(Buffer.from('{}'), MANIFEST_PATH);
      // yazl refuses such names itself, so write the raw name the way a hostile tool would.
      zip.addBuffer(Buffer.from('x'), 'placeholder-name-0000000');
      zip.end();
      const chunks: Buffer[] = [];
      for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
      const bytes = Buffer.concat(chunks);
      const target = Buffer.from(path.padEnd('placeholder-name-0000000'.length, 'x').slice(0, 24));
      let at = bytes.indexOf('placeholder-name-0000000');
      while (at !== -1) {
        target.copy(bytes, at);
        at = bytes.indexOf('placeholder-name-0000000', at + 1);
      }
      const error = await refusal(bytes);
      expect(error.code, path).toBe('BUNDLE_PATH_ESCAPE');
    }
  });

  it('a member that unpacks past the limit: too large, before it is unpacked', async () => {
    const bomb = await packArchive(
      [
        { path: MANIFEST_PATH, bytes: Buffer.from('{}') },
        { path: 'logs/app.jsonl', bytes: Buffer.alloc(3 * 1024 * 1024, 0x20) },
      ],
      new Date(),
    );
    expect(bomb.length).toBeLessThan(20_000);
    try {
      await openBundle(bomb, {
        maxArchiveBytes: 1024 * 1024,
        maxEntries: 10,
        maxEntryBytes: 1024 * 1024,
        maxTotalBytes: 2 * 1024 * 1024,
      });
      throw new Error('opened');
    } catch (error) {
      expect((error as CodedError).code).toBe('BUNDLE_TOO_LARGE');
    }
  });

  it('a newer format version: too new, saying to update', async () => {
    const newer = await repack((files) => {
      const manifest = files.find((f) => f.path === MANIFEST_PATH)!;
      manifest.bytes = Buffer.from(
        manifest.bytes.toString('utf8').replace('"formatVersion": 2', '"formatVersion": 3'),
      );
    });
    const error = await refusal(newer);
    expect(error.code).toBe('BUNDLE_TOO_NEW');
    expect(error.message).toMatch(/version 3.*Update Dialtone/);
  });

  it('a file not listed in the manifest, and a listed file missing', async () => {
    const extra = await repack((files) =>
      files.push({ path: 'extra.txt', bytes: Buffer.from('hi') }),
    );
    expect((await refusal(extra)).code).toBe('BUNDLE_MEMBER_UNLISTED');
    const missing = await repack((files) =>
      files.splice(
        files.findIndex((f) => f.path === 'findings.json'),
        1,
      ),
    );
    expect((await refusal(missing)).code).toBe('BUNDLE_MEMBER_MISSING');
  });

  it('not a zip at all', async () => {
    expect((await refusal(Buffer.from('hello, not a bundle'))).code).toBe('BUNDLE_MALFORMED');
  });
});

describe('an older format version', () => {
  it('version 1 is migrated on open', async () => {
    const v1 = await repack((files) => {
      const entry = files.find((f) => f.path === MANIFEST_PATH)!;
      const manifest = JSON.parse(entry.bytes.toString('utf8'));
      entry.bytes = Buffer.from(
        JSON.stringify({
          format: manifest.format,
          formatVersion: 1,
          appVersion: manifest.appVersion,
          createdAt: manifest.createdAt,
          os: manifest.host.os,
          job: manifest.job,
          members: Object.fromEntries(
            manifest.members.map((m: { path: string; sha256: string }) => [m.path, m.sha256]),
          ),
        }),
      );
    });
    const bundle = await openBundle(v1);
    expect(bundle.migratedFrom).toBe(1);
    expect(bundle.manifest.formatVersion).toBe(2);
    expect(bundle.manifest.members.find((m) => m.path === 'journal.jsonl')?.kind).toBe('journal');
    expect(bundle.journal.length).toBeGreaterThan(3);
  });
});
