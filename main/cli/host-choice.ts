import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export type ElectronBinary =
  | { found: true; path: string }
  /** `downloadable`: the package is there, so its installer can fetch the binary. */
  | { found: false; reason: string; downloadable: boolean };

/**
 * Where `npm install` put the Electron binary, if it did. The electron package writes
 * path.txt once the binary is downloaded; without it, `require('electron')` throws.
 */
export function findElectronBinary(projectRoot: string): ElectronBinary {
  const packageDir = join(projectRoot, 'node_modules', 'electron');
  if (!existsSync(packageDir)) {
    return { found: false, reason: 'the electron package is not installed', downloadable: false };
  }
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) {
    return {
      found: false,
      reason:
        'the Electron binary was never downloaded (node_modules/electron/path.txt is missing)',
      downloadable: true,
    };
  }
  const relative = readFileSync(pathFile, 'utf8').trim();
  const binary = join(packageDir, 'dist', relative);
  if (!relative || !existsSync(binary)) {
    return {
      found: false,
      reason: `the Electron binary named in path.txt is missing (${binary})`,
      downloadable: true,
    };
  }
  return { found: true, path: binary };
}

export type HostChoice =
  | { host: 'electron'; electronPath: string }
  | { host: 'browser'; why: string; openBrowser: boolean };

export interface HostChoiceInput {
  electron: ElectronBinary;
  /** `--browser` forces the browser host even where Electron is installed. */
  forceBrowser: boolean;
  /** `--no-open` given. */
  noOpen: boolean;
  env: Record<string, string | undefined>;
}

export function chooseHost(input: HostChoiceInput): HostChoice {
  const openBrowser = !input.noOpen && !input.env['CI'];
  if (input.forceBrowser) {
    return { host: 'browser', why: 'the browser host was asked for (--browser)', openBrowser };
  }
  if (input.electron.found) return { host: 'electron', electronPath: input.electron.path };
  return {
    host: 'browser',
    why: `Electron is not available: ${input.electron.reason}`,
    openBrowser,
  };
}
