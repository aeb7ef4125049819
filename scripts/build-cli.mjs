#!/usr/bin/env node
// Bundles the `dialtone` CLI (main/cli, TypeScript) into out/cli with esbuild, so a command
// starts without transpiling. Packages stay external (native ssh2/serialport load as usual);
// each command's file is its own chunk, loaded only when that command runs. Also writes
// out/cli/inputs.json: the source files in the bundle and when the build began, which is all
// bin/cli-loader.mjs needs to tell whether the build is fresh. Offline, well under a second.
// Run by `npm install` / `npm ci` (prepare), `npm run build`, and Vitest's global setup.
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { builtCliStaleness } from '../bin/cli-loader.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

export async function buildCli({ quiet = false } = {}) {
  let esbuild;
  try {
    esbuild = await import('esbuild');
  } catch {
    // An install without devDependencies: the CLI runs its sources through tsx instead.
    if (!quiet) console.log('build-cli: esbuild is not installed; dialtone will run through tsx.');
    return false;
  }
  const builtAt = Date.now();
  const staging = join(ROOT, 'out', `cli.${process.pid}.tmp`);
  const result = await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: { dialtone: 'main/cli/index.ts' },
    outdir: staging,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20.19',
    packages: 'external',
    metafile: true,
    logLevel: 'warning',
  });
  const inputs = Object.keys(result.metafile.inputs).map((input) =>
    relative(ROOT, join(ROOT, input)).replaceAll('\\', '/'),
  );
  writeFileSync(join(staging, 'inputs.json'), `${JSON.stringify({ builtAt, inputs })}\n`);
  // Swap the whole folder in, so a CLI starting meanwhile sees the old build or the new one.
  const target = join(ROOT, 'out', 'cli');
  const old = join(ROOT, 'out', `cli.${process.pid}.old`);
  mkdirSync(target, { recursive: true });
  try {
    renameSync(target, old);
    renameSync(staging, target);
  } catch (error) {
    // Another build swapped its folder in at the same moment: fine if that one is fresh.
    rmSync(staging, { recursive: true, force: true });
    if (builtCliStaleness(ROOT) !== undefined) throw error;
  }
  rmSync(old, { recursive: true, force: true });
  if (!quiet) console.log(`build-cli: out/cli/dialtone.js from ${inputs.length} source files.`);
  return true;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await buildCli();
}
