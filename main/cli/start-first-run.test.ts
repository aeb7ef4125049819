import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from './project-root';

// `npm start` on a first start, in a copy of this project whose node_modules/electron is a
// stand-in: its install.js plays the electron package's installer, and the "binary" it
// installs is a small script that records how it was launched.

const SKIP = new Set(['.git', 'node_modules', 'test-results']);

/** A hard-linked copy (fast, no bytes copied); node_modules/electron is replaced, never edited. */
function copyProject(installJs: string): string {
  const copy = mkdtempSync(join(tmpdir(), 'dialtone-first-start-'));
  copies.push(copy);
  for (const entry of readdirSync(PROJECT_ROOT)) {
    if (SKIP.has(entry)) continue;
    // out/ is copied for real: a build in the copy must not write through links.
    const flags = entry === 'out' ? '-a' : '-al';
    spawnSync('cp', [flags, join(PROJECT_ROOT, entry), copy], { stdio: 'inherit' });
  }
  spawnSync('cp', ['-al', join(PROJECT_ROOT, 'node_modules'), copy], { stdio: 'inherit' });
  const electron = join(copy, 'node_modules', 'electron');
  spawnSync('rm', ['-rf', electron]); // unlinks the copy's links; the originals stay
  mkdirSync(electron);
  writeFileSync(join(electron, 'package.json'), '{"name": "electron", "version": "45.5.0"}\n');
  writeFileSync(join(electron, 'install.js'), installJs);
  return copy;
}

const recordInstall = `require('fs').appendFileSync(__dirname + '/installs.log', 'install\\n');`;

const workingInstaller = `${recordInstall}
const fs = require('fs');
fs.mkdirSync(__dirname + '/dist', { recursive: true });
fs.writeFileSync(__dirname + '/dist/electron', '#!/usr/bin/env node\\n' +
  "require('fs').writeFileSync(process.env.STAND_IN_RECORD, JSON.stringify({ argv: process.argv.slice(2), cwd: process.cwd() }));\\n",
  { mode: 0o755 });
fs.writeFileSync(__dirname + '/path.txt', 'electron');
`;

const offlineInstaller = `${recordInstall}
console.error('TypeError: fetch failed\\n    at node:internal/deps/undici/undici:14976:13');
process.exit(1);
`;

interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

const running: ChildProcess[] = [];
const copies: string[] = [];
afterEach(() => {
  for (const child of running.splice(0)) {
    if (child.exitCode === null && child.signalCode === null && child.pid)
      process.kill(-child.pid, 'SIGTERM');
  }
  for (const copy of copies.splice(0)) rmSync(copy, { recursive: true, force: true });
});

function npmStart(copy: string, env: Record<string, string>): Started {
  const cleanEnv = Object.fromEntries(
    Object.entries(process.env).filter(
      ([key]) => !/^(npm_|ELECTRON_|electron_|CI$|DIALTONE_)/i.test(key),
    ),
  );
  const child = spawn('npm', ['start', '--', '--no-open'], {
    cwd: copy,
    env: { ...cleanEnv, ...env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.push(child);
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  return { child, output: () => output, exited };
}

function untilOutput(started: Started, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const check = () => {
      if (started.output().includes(text)) resolve();
    };
    started.child.stdout?.on('data', check);
    void started.exited.then(() =>
      started.output().includes(text)
        ? resolve()
        : reject(new Error(`npm start exited without "${text}":\n${started.output()}`)),
    );
    check();
  });
}

const occurrences = (text: string, part: string) => text.split(part).length - 1;

describe.skipIf(process.platform === 'win32')('npm start on a first start', () => {
  it('downloads the missing binary and launches it with the built main entry', async () => {
    const copy = copyProject(workingInstaller);
    const record = join(copy, 'launched.json');
    const data = join(copy, 'data');
    const started = npmStart(copy, { STAND_IN_RECORD: record, DIALTONE_DATA_DIR: data });
    expect(await started.exited, started.output()).toBe(0);
    expect(started.output()).toContain('Fetching the Electron 45.5.0 binary from github.com');
    expect(started.output()).toContain('Starting Dialtone in its Electron window');
    const launched = JSON.parse(readFileSync(record, 'utf8')) as { argv: string[]; cwd: string };
    expect(launched.argv).toEqual(['.']);
    const main = (
      JSON.parse(readFileSync(join(launched.cwd, 'package.json'), 'utf8')) as {
        main: string;
      }
    ).main;
    expect(main).toBe('out/main/index.js');
    expect(existsSync(join(launched.cwd, main))).toBe(true);
    expect(existsSync(join(data, 'electron-download.json'))).toBe(false);
  }, 180_000);

  it('starts the browser host when the download fails, says why once, and does not retry next time', async () => {
    const copy = copyProject(offlineInstaller);
    const data = join(copy, 'data');
    const reason =
      'Electron is not available: downloading its binary failed (could not reach github.com: offline, or a proxy or firewall is in the way); `npx install-electron` fetches it later, so Dialtone runs in your browser instead.';

    const first = npmStart(copy, { DIALTONE_DATA_DIR: data });
    await untilOutput(first, 'Press Ctrl-C to stop.');
    expect(occurrences(first.output(), reason), first.output()).toBe(1);
    expect(first.output()).toMatch(/Open: http:\/\/127\.0\.0\.1:\d+\//);
    process.kill(-first.child.pid!, 'SIGTERM');
    await first.exited;
    expect(JSON.parse(readFileSync(join(data, 'electron-download.json'), 'utf8'))).toMatchObject({
      reason: 'could not reach github.com: offline, or a proxy or firewall is in the way',
    });

    const second = npmStart(copy, { DIALTONE_DATA_DIR: data });
    await untilOutput(second, 'Press Ctrl-C to stop.');
    expect(second.output()).toContain(
      'is not retried for 6 h; `npx install-electron` fetches it now',
    );
    expect(second.output()).not.toContain('Fetching the Electron');
    process.kill(-second.child.pid!, 'SIGTERM');
    await second.exited;
    const installs = readFileSync(join(copy, 'node_modules', 'electron', 'installs.log'), 'utf8');
    expect(installs).toBe('install\n');
  }, 180_000);
});
