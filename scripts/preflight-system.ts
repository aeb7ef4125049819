import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import type { Os, PreflightInstallers, PreflightProbes } from './preflight';

function osRelease(): string {
  try {
    return readFileSync('/etc/os-release', 'utf8');
  } catch {
    return '';
  }
}

export function detectOs(): Os {
  if (process.platform === 'darwin') return { kind: 'macos' };
  if (process.platform === 'win32') return { kind: 'windows' };
  const release = osRelease();
  const ids = [/^ID=(.*)$/m, /^ID_LIKE=(.*)$/m]
    .map((pattern) => pattern.exec(release)?.[1]?.replaceAll('"', '') ?? '')
    .join(' ')
    .split(/\s+/);
  let wsl = false;
  try {
    wsl = /microsoft/i.test(readFileSync('/proc/version', 'utf8'));
  } catch {
    // not Linux proc, or unreadable: not WSL as far as we can tell
  }
  const distro = ids.includes('ubuntu') ? 'ubuntu' : ids.includes('debian') ? 'debian' : 'other';
  return { kind: 'linux', distro, wsl };
}

export function which(program: string): string | undefined {
  const extensions = process.platform === 'win32' ? ['.exe', '.cmd', ''] : [''];
  for (const dir of (process.env['PATH'] ?? '').split(delimiter)) {
    for (const extension of extensions) {
      const candidate = join(dir, program + extension);
      if (dir && existsSync(candidate)) return candidate;
    }
  }
  return undefined;
}

/** Where Playwright keeps its own Chromium (whether or not it was downloaded yet). */
async function playwrightChromiumPath(): Promise<string> {
  const { chromium } = await import('@playwright/test');
  return chromium.executablePath();
}

function installedBrowsers(): string[] {
  const candidates =
    process.platform === 'darwin'
      ? [
          '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
          '/Applications/Chromium.app/Contents/MacOS/Chromium',
        ]
      : process.platform === 'win32'
        ? [
            join(
              process.env['PROGRAMFILES'] ?? 'C:\\Program Files',
              'Google/Chrome/Application/chrome.exe',
            ),
            join(process.env['LOCALAPPDATA'] ?? '', 'Google/Chrome/Application/chrome.exe'),
          ]
        : [];
  return candidates.filter((path) => existsSync(path));
}

function netmikoPython(): string | undefined {
  const pythons = [process.env['DIALTONE_PYTHON'], which('python3'), '/usr/bin/python3'];
  for (const python of new Set(pythons.filter((p): p is string => Boolean(p)))) {
    const result = spawnSync(python, ['-c', 'import netmiko'], { stdio: 'ignore' });
    if (result.status === 0) return python;
  }
  return undefined;
}

/** The real machine: PATH, /etc/os-release, the user id, Playwright's browser cache. */
export async function systemProbes(): Promise<PreflightProbes> {
  const ownChromium = await playwrightChromiumPath();
  return {
    os: detectOs(),
    isRoot: process.getuid?.() === 0,
    which,
    playwrightChromium: () => (ownChromium && existsSync(ownChromium) ? ownChromium : undefined),
    installedBrowsers,
    netmikoPython,
  };
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): boolean {
  console.log(`preflight: ${[command, ...args].join(' ')}`);
  return spawnSync(command, args, { stdio: 'inherit', env }).status === 0;
}

/**
 * apt-get (update once per run) and Playwright's own download, for real. `--reinstall`: a
 * package whose program was deleted while dpkg still lists it gets its files back.
 */
export function systemInstallers(root: string): PreflightInstallers {
  let updated = false;
  return {
    apt(packages) {
      const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
      if (!updated) updated = run('apt-get', ['update', '-qq'], env);
      return Promise.resolve(
        updated && run('apt-get', ['install', '-y', '-qq', '--reinstall', ...packages], env),
      );
    },
    playwrightChromium() {
      const cli = join(root, 'node_modules', '@playwright', 'test', 'cli.js');
      return Promise.resolve(run(process.execPath, [cli, 'install', 'chromium']));
    },
  };
}
