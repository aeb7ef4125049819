#!/usr/bin/env node
// `npm test`: every check in one command, in the order a failure is cheapest to read.
// Runs all steps even when one fails, then prints one summary and the closing
// "Tests: N passed, N failed" line; exits non-zero if anything failed.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RESULTS = join(ROOT, 'test-results');
const bin = (name) => join(ROOT, 'node_modules', '.bin', name);

// Preflight: what the suite needs outside node_modules, found or installed before any slow step.
register();
const { formatLine, runPreflight } = await import('./preflight.ts');
const { systemInstallers, systemProbes } = await import('./preflight-system.ts');
console.log('=== preflight ===');
const preflight = await runPreflight(await systemProbes(), systemInstallers(ROOT));
const preflightLines = preflight.lines.map((line) => `preflight  ${formatLine(line)}`);
for (const line of preflightLines) console.log(line);
if (!preflight.ok) {
  console.error(
    '\nnpm test stopped before any other step: the lines marked "missing" above say what to install.',
  );
  process.exit(1);
}
// `npm test -- --preflight-only`: just this step (to check a machine quickly).
if (process.argv.includes('--preflight-only')) process.exit(0);
const chromiumPath = preflight.paths['Chromium for Playwright'];

rmSync(join(RESULTS, 'vitest.json'), { force: true });
rmSync(join(RESULTS, 'playwright.json'), { force: true });
mkdirSync(RESULTS, { recursive: true });

const steps = [
  { name: 'format', cmd: bin('prettier'), args: ['--check', '.', '--log-level', 'warn'] },
  { name: 'lint', cmd: bin('eslint'), args: ['.', '--max-warnings', '0'] },
  { name: 'types (node)', cmd: bin('tsc'), args: ['-p', 'tsconfig.node.json', '--noEmit'] },
  { name: 'types (renderer)', cmd: bin('tsc'), args: ['-p', 'tsconfig.web.json', '--noEmit'] },
  {
    name: 'types (shared: no Node, no DOM)',
    cmd: bin('tsc'),
    args: ['-p', 'tsconfig.shared.json', '--noEmit'],
  },
  { name: 'layers', cmd: bin('tsx'), args: ['scripts/check-layers.ts'] },
  {
    name: 'contract lint (Redocly, recommended rules)',
    cmd: bin('redocly'),
    args: ['lint', 'shared/platform/openapi.json'],
    env: { REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
  },
  // Built before the tests: they spawn `dialtone` and `npm start` as a user does, and here
  // must use the built forms (DIALTONE_CLI_BUILT=required below), never a tsx fallback.
  { name: 'build (electron-vite)', cmd: bin('electron-vite'), args: ['build'] },
  { name: 'build CLI (esbuild)', cmd: process.execPath, args: ['scripts/build-cli.mjs'] },
  {
    name: 'unit + integration (vitest)',
    cmd: bin('vitest'),
    args: [
      'run',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${join(RESULTS, 'vitest.json')}`,
    ],
  },
  {
    name: 'e2e: browser host (Playwright + Chromium)',
    cmd: bin('playwright'),
    args: ['test', '--project=browser'],
    env: {
      PLAYWRIGHT_JSON_OUTPUT_NAME: join(RESULTS, 'playwright.json'),
      ...(chromiumPath ? { DIALTONE_CHROMIUM: chromiumPath } : {}),
    },
  },
];

// The same detection `npm start` uses to choose between Electron and the browser host.
const { findElectronBinary } = await import('../main/cli/host-choice.ts');
const electron = findElectronBinary(ROOT);
if (electron.found) {
  steps.push({
    name: 'e2e: Electron window (Playwright _electron)',
    cmd: bin('playwright'),
    args: ['test', '--project=electron'],
    env: { PLAYWRIGHT_JSON_OUTPUT_NAME: join(RESULTS, 'playwright-electron.json') },
  });
}

const outcomes = [];
for (const step of steps) {
  console.log(`\n=== ${step.name} ===`);
  const started = Date.now();
  const result = spawnSync(step.cmd, step.args, {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, DIALTONE_CLI_BUILT: 'required', ...step.env },
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  outcomes.push({ name: step.name, ok: result.status === 0, seconds });
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

let passed = 0;
let failed = 0;
let skipped = 0;
const vitest = readJson(join(RESULTS, 'vitest.json'));
if (vitest) {
  passed += vitest.numPassedTests;
  failed += vitest.numFailedTests;
  skipped += vitest.numPendingTests + (vitest.numTodoTests ?? 0);
}
for (const file of ['playwright.json', 'playwright-electron.json']) {
  const report = readJson(join(RESULTS, file));
  if (report) {
    passed += report.stats.expected + report.stats.flaky;
    failed += report.stats.unexpected;
    skipped += report.stats.skipped;
  }
}

console.log('\n=== summary ===');
for (const line of preflightLines) console.log(line);
for (const outcome of outcomes)
  console.log(`${outcome.ok ? 'ok  ' : 'FAIL'}  ${outcome.name} (${outcome.seconds} s)`);
if (!electron.found)
  console.log(
    `NOT RUN  e2e: Electron window — ${electron.reason}; it runs where the binary is installed.`,
  );
const stepFailures = outcomes.filter((o) => !o.ok).length;
if (stepFailures > 0 && failed === 0) failed = stepFailures;
console.log(`\nTests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(stepFailures > 0 ? 1 : 0);
