import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { findElectronBinary, type ElectronBinary } from './host-choice';

/** The one command that fetches the Electron binary later, from the project root. */
export const FETCH_LATER_COMMAND = 'npx install-electron';
/** After a failed download, `npm start` does not try again for this long. */
export const RETRY_AFTER_MS = 6 * 60 * 60 * 1000;
/** The longest `npm start` waits for the download before using the browser host. */
export const DOWNLOAD_TIME_LIMIT_MS = 5 * 60 * 1000;

export interface RememberedFailure {
  /** When the download failed (ms since the epoch). */
  at: number;
  reason: string;
}

/** Where the last failed download is remembered (the data folder, in the app). */
export interface FailureMemory {
  read(): RememberedFailure | undefined;
  write(failure: RememberedFailure): void;
  clear(): void;
}

export type InstallResult = { ok: true } | { ok: false; reason: string };

export interface ObtainElectronDeps {
  find(): ElectronBinary;
  /** Runs the electron package's own installer (install.js). */
  install(): Promise<InstallResult>;
  now(): number;
  memory: FailureMemory;
  env: Record<string, string | undefined>;
  /**
   * `npm start` honours a recent failure and does not retry; `npm run dist`, a deliberate
   * request for the binary, tries anyway.
   */
  honourRecentFailure: boolean;
}

function ago(ms: number): string {
  const minutes = Math.max(1, Math.round(ms / 60_000));
  return minutes < 90 ? `${minutes} min ago` : `${Math.round(minutes / 60)} h ago`;
}

/**
 * The Electron binary, downloaded first when it is missing and a download may be tried:
 * not when ELECTRON_SKIP_BINARY_DOWNLOAD is set, and not again soon after one failed.
 */
export async function obtainElectron(deps: ObtainElectronDeps): Promise<ElectronBinary> {
  const current = deps.find();
  if (current.found || !current.downloadable) return current;
  if (deps.env['ELECTRON_SKIP_BINARY_DOWNLOAD']) {
    return {
      ...current,
      reason: `${current.reason} and ELECTRON_SKIP_BINARY_DOWNLOAD is set, so it was not fetched (unset it and run \`${FETCH_LATER_COMMAND}\` to fetch it)`,
    };
  }
  const last = deps.memory.read();
  const sinceLast = last === undefined ? undefined : deps.now() - last.at;
  if (
    deps.honourRecentFailure &&
    last !== undefined &&
    sinceLast !== undefined &&
    sinceLast >= 0 &&
    sinceLast < RETRY_AFTER_MS
  ) {
    return {
      ...current,
      reason: `downloading its binary failed ${ago(sinceLast)} (${last.reason}) and is not retried for ${RETRY_AFTER_MS / 3_600_000} h; \`${FETCH_LATER_COMMAND}\` fetches it now`,
    };
  }
  let result = await deps.install();
  if (result.ok) {
    const installed = deps.find();
    if (installed.found) {
      deps.memory.clear();
      return installed;
    }
    result = { ok: false, reason: `the installer finished but ${installed.reason}` };
  }
  deps.memory.write({ at: deps.now(), reason: result.reason });
  return {
    ...current,
    reason: `downloading its binary failed (${result.reason}); \`${FETCH_LATER_COMMAND}\` fetches it later`,
  };
}

const RememberedFailureFile = z.object({ failedAt: z.iso.datetime(), reason: z.string() });

/** The last failed download, kept as electron-download.json in the data folder. */
export function fileFailureMemory(dataDirectory: string): FailureMemory {
  const file = join(dataDirectory, 'electron-download.json');
  return {
    read() {
      try {
        const parsed = RememberedFailureFile.safeParse(JSON.parse(readFileSync(file, 'utf8')));
        return parsed.success
          ? { at: Date.parse(parsed.data.failedAt), reason: parsed.data.reason }
          : undefined;
      } catch {
        return undefined;
      }
    },
    write(failure) {
      mkdirSync(dataDirectory, { recursive: true });
      const record = { failedAt: new Date(failure.at).toISOString(), reason: failure.reason };
      writeFileSync(file, `${JSON.stringify(record, null, 2)}\n`);
    },
    clear() {
      rmSync(file, { force: true });
    },
  };
}

/** Where the electron package downloads from: its mirror settings, else GitHub. */
export function downloadSource(env: Record<string, string | undefined>): string {
  const mirror =
    env['npm_config_electron_mirror'] ??
    env['NPM_CONFIG_ELECTRON_MIRROR'] ??
    env['ELECTRON_MIRROR'];
  if (!mirror) return 'github.com';
  try {
    return new URL(mirror).host || mirror;
  } catch {
    return mirror;
  }
}

/** One line out of the installer's error output (it prints a stack trace). */
export function summariseInstallerError(
  stderr: string,
  source: string,
  code: number | null,
): string {
  const lines = stderr.split('\n').map((line) => line.trim());
  const error = lines
    .map((line) => /^(?:\w*Error)(?: \[[^\]]*\])?: (.+)$/.exec(line)?.[1])
    .find((message) => message !== undefined);
  if (error === 'fetch failed')
    return `could not reach ${source}: offline, or a proxy or firewall is in the way`;
  if (error) return error;
  const last = lines.filter(Boolean).at(-1);
  return last ?? `the installer exited with code ${code ?? 'none'}`;
}

export interface InstallerOptions {
  /** node_modules/electron */
  packageDir: string;
  env: NodeJS.ProcessEnv;
  timeLimitMs: number;
  /** Progress lines; `sameLine` ones may overwrite each other on a terminal. */
  progress(line: string): void;
  progressEveryMs: number;
}

/**
 * Runs the electron package's installer (install.js, the `install-electron` bin) with the
 * caller's environment, so ELECTRON_MIRROR, electron_config_cache and proxy settings apply.
 */
export function runElectronInstaller(options: InstallerOptions): Promise<InstallResult> {
  const source = downloadSource(options.env);
  const version = (
    JSON.parse(readFileSync(join(options.packageDir, 'package.json'), 'utf8')) as {
      version: string;
    }
  ).version;
  const limitSeconds = options.timeLimitMs / 1000;
  options.progress(
    `Fetching the Electron ${version} binary from ${source} (needed once, up to ${limitSeconds} s)…`,
  );
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(options.packageDir, 'install.js')], {
      env: options.env,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < 64_000) stderr += chunk.toString();
    });
    const ticker = setInterval(() => {
      const seconds = Math.round((Date.now() - started) / 1000);
      options.progress(`…still fetching the Electron binary (${seconds} s of ${limitSeconds} s)`);
    }, options.progressEveryMs);
    let timedOut = false;
    const limit = setTimeout(() => {
      timedOut = true;
      child.kill('SIGTERM');
    }, options.timeLimitMs);
    const finish = (result: InstallResult) => {
      clearInterval(ticker);
      clearTimeout(limit);
      resolve(result);
    };
    child.on('error', (error) => finish({ ok: false, reason: error.message }));
    child.on('close', (code) => {
      if (timedOut) finish({ ok: false, reason: `it did not finish within ${limitSeconds} s` });
      else if (code === 0) finish({ ok: true });
      else finish({ ok: false, reason: summariseInstallerError(stderr, source, code) });
    });
  });
}

export interface ElectronForProjectOptions {
  projectRoot: string;
  dataDirectory: string;
  env: NodeJS.ProcessEnv;
  honourRecentFailure: boolean;
  progress(line: string): void;
}

/** The Electron binary of a project, fetched by the electron package's installer if missing. */
export function electronForProject(options: ElectronForProjectOptions): Promise<ElectronBinary> {
  const packageDir = join(options.projectRoot, 'node_modules', 'electron');
  return obtainElectron({
    find: () => findElectronBinary(options.projectRoot),
    install: () =>
      runElectronInstaller({
        packageDir,
        env: options.env,
        timeLimitMs: DOWNLOAD_TIME_LIMIT_MS,
        progress: options.progress,
        progressEveryMs: 15_000,
      }),
    now: Date.now,
    memory: fileFailureMemory(options.dataDirectory),
    env: options.env,
    honourRecentFailure: options.honourRecentFailure,
  });
}
