import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './index';
import { PROJECT_ROOT } from './project-root';
import { runDialtone, type CliRun } from './test-support/run-dialtone';

type Run = CliRun;

/** Runs `dialtone numbers …` as a person would, from the project root. */
const dialtone = (...args: string[]) => runDialtone(['numbers', ...args]);

const SNAPSHOT = 'shared/numbers/test-support/shoreditch-snapshot.json';
/** In-process runs do not share the spawned CLI's working folder, so they get the full path. */
const SNAPSHOT_PATH = join(PROJECT_ROOT, SNAPSHOT);
const scratch = mkdtempSync(join(tmpdir(), 'dialtone-numbers-'));
const notJson = join(scratch, 'not-json.json');
const wrongShape = join(scratch, 'wrong-shape.json');
writeFileSync(notJson, '{ "version": 1,');
writeFileSync(wrongShape, JSON.stringify({ version: 'one', site: {} }));

/**
 * The commands spawned as real processes, all at once (each start costs ~0.5 s of tsx);
 * the remaining edge cases run the same program in-process through runCli.
 */
const spawned = {
  planJson: ['plan', '--region', 'GB', '--quantity', '3', '--auto-main', '--json'],
  planZero: ['plan', '--region', 'GB', '--quantity', '0'],
  classifyJson: [
    'classify',
    '--region',
    'GB',
    '--json',
    '+442079460123',
    '+448001234567',
    'garbage',
  ],
  checkJson: ['check', '--snapshot', SNAPSHOT, '--occupier', 'occ-orchard', '--json'],
} as const;

const inProcess = {
  planTable: ['plan', '--region', 'us', '--quantity', '7'],
  checkWrongShape: ['check', '--snapshot', wrongShape, '--occupier', 'x'],
  planUpgrade: [
    'plan',
    '--region',
    'GB',
    '--quantity',
    '3',
    '--upgrade',
    '--manual-numbers',
    '--json',
  ],
  planFraction: ['plan', '--region', 'GB', '--quantity', '2.5'],
  planRegion: ['plan', '--region', 'XX', '--quantity', '3'],
  planNoQuantity: ['plan', '--region', 'GB'],
  classifyTable: ['classify', '--region', 'GB', '+443451234567'],
  checkTable: [
    'check',
    '--snapshot',
    SNAPSHOT_PATH,
    '--occupier',
    'occ-northwind',
    '--stage',
    'signoff',
  ],
  checkMissing: ['check', '--snapshot', join(scratch, 'absent.json'), '--occupier', 'x'],
  checkNotJson: ['check', '--snapshot', notJson, '--occupier', 'x'],
  checkUnknownOccupier: ['check', '--snapshot', SNAPSHOT_PATH, '--occupier', 'occ-nobody'],
  checkBadStage: ['check', '--snapshot', SNAPSHOT_PATH, '--stage', 'later'],
} as const;

/** runCli with its output captured: the same program, without a process start. */
async function dialtoneInProcess(...args: string[]): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const io = {
    out: (text: string) => (stdout += text.endsWith('\n') ? text : `${text}\n`),
    err: (text: string) => (stderr += text.endsWith('\n') ? text : `${text}\n`),
  };
  const code = await runCli(['node', 'dialtone', 'numbers', ...args], io);
  return { code, stdout, stderr };
}

let runs: Record<keyof typeof spawned | keyof typeof inProcess, Run>;

beforeAll(async () => {
  const children = Object.entries(spawned).map(
    async ([name, args]) => [name, await dialtone(...args)] as const,
  );
  const local: (readonly [string, Run])[] = [];
  for (const [name, args] of Object.entries(inProcess))
    local.push([name, await dialtoneInProcess(...args)]);
  runs = Object.fromEntries([...(await Promise.all(children)), ...local]) as typeof runs;
});

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function expectBadInput(run: Run, message: RegExp) {
  expect(run.code).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.stderr).toMatch(message);
  expect(run.stderr).not.toMatch(/\n\s+at /); // never a stack trace
}

describe('dialtone numbers plan', () => {
  it('prints the plan as one JSON object', () => {
    expect(runs.planJson.code).toBe(0);
    expect(JSON.parse(runs.planJson.stdout)).toEqual({
      automatic: true,
      allocate: 5,
      activate: 3,
      spare: 1,
      mainNumber: true,
      reason:
        'UK site: 3 services + main number = 4, rounded up to a batch of 5: 5 allocated, 3 activated, 1 nominated as main number, 1 spare.',
    });
  });

  it('prints a readable table, accepting a lower-case region', () => {
    expect(runs.planTable.code).toBe(0);
    expect(runs.planTable.stdout).toMatch(/^Region\s+US$/m);
    expect(runs.planTable.stdout).toMatch(/^Allocate\s+7$/m);
    expect(runs.planTable.stdout).toMatch(/^Main number\s+no$/m);
    expect(runs.planTable.stdout).toContain('US site: 7 services = 7 numbers');
  });

  it('plans nothing automatic for an upgrade with manual numbers', () => {
    expect(JSON.parse(runs.planUpgrade.stdout)).toMatchObject({
      automatic: false,
      allocate: 0,
      activate: 0,
    });
  });

  it('refuses a quantity of 0 or a fraction, and an unknown region, with exit 2', () => {
    expectBadInput(runs.planZero, /--quantity must be a whole number of 1 or more, not "0"/);
    expectBadInput(runs.planFraction, /--quantity .* not "2\.5"/);
    expectBadInput(runs.planRegion, /--region .* "XX" is not one/);
    expectBadInput(runs.planNoQuantity, /required option '--quantity <n>' not specified/);
  });
});

describe('dialtone numbers classify', () => {
  it('prints one JSON object per input, in order, and exits 1 when one is not allowed', () => {
    expect(runs.classifyJson.code).toBe(1);
    const results = JSON.parse(runs.classifyJson.stdout);
    expect(results.map((r: { input: string }) => r.input)).toEqual([
      '+442079460123',
      '+448001234567',
      'garbage',
    ]);
    expect(results[0]).toMatchObject({
      e164: '+442079460123',
      valid: true,
      type: 'geographic',
      allowed: true,
    });
    expect(results[1]).toMatchObject({ valid: true, type: 'tollFree', allowed: false });
    expect(results[2]).toMatchObject({ e164: null, valid: false, allowed: false });
  });

  it('prints a table and exits 0 when every number is allowed', () => {
    expect(runs.classifyTable.code).toBe(0);
    expect(runs.classifyTable.stdout).toMatch(
      /^INPUT\s+E\.164\s+COUNTRY\s+TYPE\s+ALLOWED\s+REASON$/m,
    );
    expect(runs.classifyTable.stdout).toMatch(
      /^\+443451234567\s+\+443451234567\s+GB\s+national\s+yes\s+UK national 03/m,
    );
  });
});

describe('dialtone numbers check', () => {
  it('prints the findings as JSON and exits 1 on an error finding', () => {
    expect(runs.checkJson.code).toBe(1);
    const findings = JSON.parse(runs.checkJson.stdout);
    const short = findings.find((f: { id: string }) => f.id === 'activation.short');
    expect(short).toMatchObject({
      severity: 'error',
      numbers: ['+442079460064'],
      fix: { kind: 'activate', numbers: ['+442079460064'] },
    });
  });

  it('prints a readable report and exits 0 when nothing is wrong', () => {
    expect(runs.checkTable.code).toBe(0);
    expect(runs.checkTable.stdout).toContain(
      'Numbers of Northwind Partners at Shoreditch Works (stage signoff): 0 errors, 0 warnings, 2 info',
    );
  });

  it('says what is wrong with a missing, non-JSON or wrongly shaped snapshot file, with exit 2', () => {
    expectBadInput(
      runs.checkMissing,
      /cannot read the snapshot file .*absent\.json \(no such file\)/,
    );
    expectBadInput(runs.checkNotJson, /is not JSON/);
    expectBadInput(runs.checkWrongShape, /is not a valid site snapshot: version: .*number/);
  });

  it('names the occupiers there are when the one asked for is not in the snapshot', () => {
    expectBadInput(
      runs.checkUnknownOccupier,
      /no occupier "occ-nobody" at Shoreditch Works: pick one of occ-brightwater/,
    );
    expectBadInput(runs.checkBadStage, /--stage must be "install" or "signoff", not "later"/);
  });
});
