import { spawnSync } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtCliStaleness } from '../bin/cli-loader.mjs';

const ROOT = join(import.meta.dirname, '..');
const OUT = join(ROOT, 'out', 'cli');

describe('whether the built CLI is fresh', () => {
  function tree(): string {
    const root = mkdtempSync(join(tmpdir(), 'dialtone-cli-build-'));
    mkdirSync(join(root, 'main'));
    mkdirSync(join(root, 'out', 'cli'), { recursive: true });
    writeFileSync(join(root, 'main', 'a.ts'), '');
    writeFileSync(join(root, 'main', 'b.ts'), '');
    const builtAt = Date.now() + 1_000;
    writeFileSync(
      join(root, 'out', 'cli', 'inputs.json'),
      JSON.stringify({ builtAt, inputs: ['main/a.ts', 'main/b.ts'] }),
    );
    return root;
  }

  it('is fresh when every source is there and no newer than the build', () => {
    expect(builtCliStaleness(tree())).toBeUndefined();
  });

  it('says so when there is no build', () => {
    const root = tree();
    rmSync(join(root, 'out'), { recursive: true });
    expect(builtCliStaleness(root)).toBe('there is no built CLI in out/cli');
  });

  it('names the source that changed after the build', () => {
    const root = tree();
    const later = new Date(Date.now() + 60_000);
    utimesSync(join(root, 'main', 'b.ts'), later, later);
    expect(builtCliStaleness(root)).toBe('main/b.ts changed after the CLI was built');
  });

  it('names a source that is gone', () => {
    const root = tree();
    rmSync(join(root, 'main', 'a.ts'));
    expect(builtCliStaleness(root)).toBe('the built CLI was made from main/a.ts, which is gone');
  });
});

/** Packages a chunk and the chunks it imports statically (not `import()`) load at start. */
function packagesLoadedWith(file: string, seen = new Set<string>()): Set<string> {
  const packages = new Set<string>();
  if (seen.has(file)) return packages;
  seen.add(file);
  const text = readFileSync(join(OUT, file), 'utf8');
  for (const [, specifier] of text.matchAll(/^(?:import|export)\s[^;]*?from\s*"([^"]+)"/gms)) {
    if (specifier!.startsWith('./'))
      for (const p of packagesLoadedWith(specifier!.slice(2), seen)) packages.add(p);
    else packages.add(specifier!);
  }
  for (const [, specifier] of text.matchAll(/^import\s*"([^"]+)"/gm)) packages.add(specifier!);
  return packages;
}

const HEAVY = ['ssh2', 'serialport', 'fastify', 'libphonenumber-js/max', 'ws'];

describe('the bundled CLI (built by the global setup)', () => {
  it('loads no heavy package for --help, and switch parse loads no ssh2/serialport/simulator', () => {
    // The chunk of a command file: the one defining its register function.
    const chunk = (register: string) =>
      readdirSync(OUT).find((file) =>
        readFileSync(join(OUT, file), 'utf8').includes(`function ${register}(`),
      )!;
    const atStart = packagesLoadedWith('dialtone.js');
    expect(atStart).toContain('commander');
    for (const heavy of HEAVY) expect(atStart).not.toContain(heavy);
    const parse = packagesLoadedWith(chunk('registerSwitchParseCommand'));
    for (const heavy of HEAVY) expect(parse).not.toContain(heavy);
    expect(packagesLoadedWith(chunk('registerPlatformCommand'))).not.toContain('fastify');
    // numbers classify needs libphonenumber-js only; plan and check load zod when they run.
    expect(packagesLoadedWith(chunk('registerNumbersCommand'))).not.toContain('zod');
    // The check can fail: the commands that need them do load them.
    expect(packagesLoadedWith(chunk('registerNumbersCommand'))).toContain('libphonenumber-js/max');
    expect(packagesLoadedWith(chunk('registerSwitchApplyRoleCommand'))).toContain('serialport');
  });

  it('is what `dialtone` runs: it answers with DIALTONE_CLI_BUILT=required', () => {
    const run = spawnSync(process.execPath, ['bin/dialtone.mjs', '--help'], {
      cwd: ROOT,
      env: { ...process.env, DIALTONE_CLI_BUILT: 'required' },
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Usage: dialtone');
  });
});
