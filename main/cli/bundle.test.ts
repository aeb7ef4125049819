import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editBundleMember, editVoiceVlanReadBack } from '../bundles/test-support/edit-bundle';
import { makePlantedJob, type PlantedJob } from '../bundles/test-support/planted-job';
import { runDialtone } from './test-support/run-dialtone';

/** Runs `dialtone bundle …` as support staff would, from the project root. */
const dialtone = (...args: string[]) => runDialtone(['bundle', ...args]);

let job: PlantedJob;
let file: string;

beforeAll(async () => {
  job = await makePlantedJob('job-cli');
  file = join(job.directory, 'job-cli.zip');
}, 30_000);
afterAll(() => job.close());

describe('dialtone bundle', () => {
  it('export writes one file from the data folder; inspect reads it back; replay reproduces it', async () => {
    const exported = await dialtone(
      'export',
      '--job',
      'job-cli',
      '--out',
      file,
      '--data-dir',
      job.directory,
    );
    expect(exported.stderr).toBe('');
    expect(exported.code).toBe(0);
    expect(exported.stdout).toMatch(
      /^Wrote .*job-cli\.zip \(\d+ bytes\): job job-cli, \d+ journal records/,
    );

    const inspected = await dialtone('inspect', file);
    expect(inspected.code).toBe(0);
    expect(inspected.stdout).toContain("every member's checksum matches");
    expect(inspected.stdout).toMatch(/#1 +Sam Okafor Job started from the platform's snapshot/);
    // Names and `sync` in one column: every title starts where the first one does.
    const rows = inspected.stdout.split('\n').filter((line) => /^ {2}\S+Z {2}#\d/.test(line));
    const titleAt = (line: string) =>
      line.search(/ (Job started|Queued|Platform|Snapshot|Step|Connected|Gi|Console)/);
    expect(new Set(rows.map(titleAt)).size).toBe(1);
    expect(inspected.stdout).toMatch(/Gi1\/0\/\d+: role Voice \+ PC applied and verified/);
    // In support's words: floor ports by label, roles, occupiers and steps by name, no ids.
    expect(inspected.stdout).toMatch(/Queued: Floor port 2F-\d+: role Voice \+ PC/);
    expect(inspected.stdout).toMatch(/Queued: Allocate 2 numbers for Brightwater Legal/);
    expect(inspected.stdout).toMatch(/Step Numbers marked done: checked on site/);
    expect(rows.filter((row) => /lon-shoreditch-|occ-|voice-pc/.test(row))).toEqual([]);
    expect(inspected.stdout).toMatch(/Connected to sw-2f-a/);

    const json = await dialtone('inspect', file, '--json');
    const parsed = JSON.parse(json.stdout);
    expect(parsed.manifest.job.jobId).toBe('job-cli');
    // Each journaled switch operation is one step of the journal, with its switch change on it.
    expect(parsed.timeline.length).toBe(parsed.counts.journalRecords);
    expect(parsed.timeline.some((e: { switchChange: unknown }) => e.switchChange !== null)).toBe(
      true,
    );

    const replayed = await dialtone('replay', file, '--json');
    expect(replayed.code).toBe(0);
    expect(JSON.parse(replayed.stdout)).toMatchObject({ outcome: 'reproduced', divergence: null });
  }, 120_000);

  it('replay exits 1 with the divergence when the bundle no longer matches, and 2 on a bad file', async () => {
    const edited = join(job.directory, 'edited.zip');
    writeFileSync(
      edited,
      await editBundleMember(
        readFileSync(file),
        'switches/lon-sw-2f-a.json',
        editVoiceVlanReadBack,
      ),
    );
    const diverged = await dialtone('replay', edited);
    expect(diverged.code).toBe(1);
    expect(diverged.stdout).toMatch(
      /^Diverged at switch sw-2f-a Gi1\/0\/\d+ — apply role Voice \+ PC/,
    );
    expect(diverged.stdout).toMatch(/recorded: read back .*switchport voice vlan 30/);

    const bad = join(job.directory, 'not-a-bundle.zip');
    writeFileSync(bad, 'hello');
    const refused = await dialtone('replay', bad);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/not a readable bundle.*\[BUNDLE_MALFORMED\]/);
    const missing = await dialtone('inspect', join(job.directory, 'nope.zip'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('[BUNDLE_UNREADABLE]');
    const unknownJob = await dialtone(
      'export',
      '--job',
      'no-such-job',
      '--out',
      bad,
      '--data-dir',
      job.directory,
    );
    expect(unknownJob.code).toBe(2);
    expect(unknownJob.stderr).toContain('[BUNDLE_JOB_NOT_FOUND]');
  }, 120_000);
});
