import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  RETRY_AFTER_MS,
  fileFailureMemory,
  obtainElectron,
  runElectronInstaller,
  type FailureMemory,
  type InstallResult,
  type ObtainElectronDeps,
  type RememberedFailure,
} from './electron-download';
import type { ElectronBinary } from './host-choice';

const missing: ElectronBinary = {
  found: false,
  reason: 'the Electron binary was never downloaded',
  downloadable: true,
};
const installed: ElectronBinary = { found: true, path: '/p/node_modules/electron/dist/electron' };

function memory(initial?: RememberedFailure): FailureMemory & { value?: RememberedFailure } {
  const box: FailureMemory & { value?: RememberedFailure } = {
    ...(initial ? { value: initial } : {}),
    read: () => box.value,
    write: (failure) => (box.value = failure),
    clear: () => delete box.value,
  };
  return box;
}

/** A project whose binary appears once the (injected) installer succeeds. */
function deps(
  result: InstallResult,
  overrides: Partial<ObtainElectronDeps> = {},
): ObtainElectronDeps & { installs: number } {
  let binaryThere = false;
  const d = {
    installs: 0,
    find: () => (binaryThere ? installed : missing),
    install: () => {
      d.installs += 1;
      if (result.ok) binaryThere = true;
      return Promise.resolve(result);
    },
    now: () => 1_000_000_000_000,
    memory: memory(),
    env: {},
    honourRecentFailure: true,
    ...overrides,
  };
  return d;
}

describe('getting the Electron binary on first start', () => {
  it('downloads a missing binary and then uses it, forgetting an old failure', async () => {
    const old = { at: 1_000_000_000_000 - RETRY_AFTER_MS - 1, reason: 'offline' };
    const d = deps({ ok: true }, { memory: memory(old) });
    await expect(obtainElectron(d)).resolves.toEqual(installed);
    expect(d.installs).toBe(1);
    expect(d.memory.read()).toBeUndefined();
  });

  it('says why when the download fails, names the command for later, and remembers it', async () => {
    const d = deps({ ok: false, reason: 'could not reach github.com' });
    const electron = await obtainElectron(d);
    expect(electron).toEqual({
      found: false,
      downloadable: true,
      reason:
        'downloading its binary failed (could not reach github.com); `npx install-electron` fetches it later',
    });
    expect(d.memory.read()).toEqual({
      at: 1_000_000_000_000,
      reason: 'could not reach github.com',
    });
  });

  it('does not retry soon after a failure, and says when it failed', async () => {
    const now = 1_000_000_000_000;
    const d = deps({ ok: true }, { memory: memory({ at: now - 20 * 60_000, reason: 'offline' }) });
    const electron = await obtainElectron(d);
    expect(d.installs).toBe(0);
    expect(electron).toMatchObject({
      found: false,
      reason: expect.stringContaining('failed 20 min ago (offline) and is not retried for 6 h'),
    });
  });

  it('retries once the remembered failure is old enough', async () => {
    const now = 1_000_000_000_000;
    const d = deps({ ok: true }, { memory: memory({ at: now - RETRY_AFTER_MS, reason: 'x' }) });
    await expect(obtainElectron(d)).resolves.toEqual(installed);
    expect(d.installs).toBe(1);
  });

  it('tries despite a recent failure when asked for the binary on purpose (npm run dist)', async () => {
    const now = 1_000_000_000_000;
    const d = deps(
      { ok: true },
      { memory: memory({ at: now - 60_000, reason: 'x' }), honourRecentFailure: false },
    );
    await expect(obtainElectron(d)).resolves.toEqual(installed);
  });

  it('does not try at all with ELECTRON_SKIP_BINARY_DOWNLOAD', async () => {
    const d = deps({ ok: true }, { env: { ELECTRON_SKIP_BINARY_DOWNLOAD: '1' } });
    const electron = await obtainElectron(d);
    expect(d.installs).toBe(0);
    expect(electron).toMatchObject({
      found: false,
      reason: expect.stringContaining('ELECTRON_SKIP_BINARY_DOWNLOAD is set'),
    });
  });

  it('does not try when the electron package itself is missing, or the binary is there', async () => {
    const noPackage: ElectronBinary = { found: false, reason: 'no package', downloadable: false };
    const d = deps({ ok: true }, { find: () => noPackage });
    await expect(obtainElectron(d)).resolves.toEqual(noPackage);
    const there = deps({ ok: true }, { find: () => installed });
    await expect(obtainElectron(there)).resolves.toEqual(installed);
    expect(d.installs + there.installs).toBe(0);
  });

  it('counts an installer that succeeds without leaving a binary as a failure', async () => {
    const d = deps({ ok: true }, { find: () => missing });
    const electron = await obtainElectron(d);
    expect(electron).toMatchObject({
      found: false,
      reason: expect.stringContaining('the installer finished but the Electron binary was never'),
    });
    expect(d.memory.read()).toBeDefined();
  });
});

describe('the remembered failure in the data folder', () => {
  it('round-trips, ignores a damaged file and clears', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dialtone-memory-'));
    const file = fileFailureMemory(join(dir, 'data'));
    expect(file.read()).toBeUndefined();
    file.write({ at: Date.UTC(2026, 0, 2, 3, 4, 5), reason: 'offline' });
    expect(file.read()).toEqual({ at: Date.UTC(2026, 0, 2, 3, 4, 5), reason: 'offline' });
    writeFileSync(join(dir, 'data', 'electron-download.json'), '{"failedAt": 3}');
    expect(file.read()).toBeUndefined();
    file.clear();
    expect(file.read()).toBeUndefined();
  });
});

describe("running the electron package's installer", () => {
  function packageWith(installJs: string): string {
    const dir = mkdtempSync(join(tmpdir(), 'dialtone-installer-'));
    writeFileSync(join(dir, 'package.json'), '{"version": "45.5.0"}');
    writeFileSync(join(dir, 'install.js'), installJs);
    return dir;
  }
  const run = (packageDir: string, env: NodeJS.ProcessEnv = {}, timeLimitMs = 60_000) => {
    const lines: string[] = [];
    const result = runElectronInstaller({
      packageDir,
      env: { PATH: process.env['PATH'], ...env },
      timeLimitMs,
      progress: (line) => lines.push(line),
      progressEveryMs: 60_000,
    });
    return { result, lines };
  };

  it('passes the mirror setting through and reports success', async () => {
    const dir = packageWith(
      `require('fs').writeFileSync(__dirname + '/seen.txt', process.env.ELECTRON_MIRROR || '');`,
    );
    const { result, lines } = run(dir, { ELECTRON_MIRROR: 'https://mirror.example/electron/' });
    await expect(result).resolves.toEqual({ ok: true });
    expect(readFileSync(join(dir, 'seen.txt'), 'utf8')).toBe('https://mirror.example/electron/');
    expect(lines[0]).toBe(
      'Fetching the Electron 45.5.0 binary from mirror.example (needed once, up to 60 s)…',
    );
  });

  it("turns the installer's stack trace into one line", async () => {
    const dir = packageWith(
      `console.error('TypeError: fetch failed\\n    at node:internal/deps/undici'); process.exit(1);`,
    );
    await expect(run(dir).result).resolves.toEqual({
      ok: false,
      reason: 'could not reach github.com: offline, or a proxy or firewall is in the way',
    });
  });

  it('gives up at the time limit', async () => {
    const dir = packageWith(`setInterval(() => {}, 1000);`);
    await expect(run(dir, {}, 300).result).resolves.toEqual({
      ok: false,
      reason: 'it did not finish within 0.3 s',
    });
  });
});
