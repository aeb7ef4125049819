import type { Command } from 'commander';
import { defaultDataDirectory } from '../app/data-directory';
import { electronForProject } from './electron-download';
import { EXIT, type CliIo } from './io';
import { PROJECT_ROOT } from './project-root';

/** `dialtone electron fetch`: what `npm run dist` runs first, so it never builds without Electron. */
export async function fetchElectron(io: CliIo): Promise<number> {
  const electron = await electronForProject({
    projectRoot: PROJECT_ROOT,
    dataDirectory: defaultDataDirectory(),
    env: process.env,
    honourRecentFailure: false,
    progress: (line) => io.out(line),
  });
  if (electron.found) {
    io.out(`The Electron binary is installed: ${electron.path}`);
    return EXIT.ok;
  }
  io.err(`dialtone: Electron is not available: ${electron.reason}. Nothing was built.`);
  return EXIT.failed;
}

export function registerElectronCommand(
  program: Command,
  io: CliIo,
  setExit: (code: number) => void,
): void {
  program
    .command('electron')
    .description('the Electron binary the desktop app and `npm run dist` need')
    .command('fetch')
    .description(
      'download the Electron binary with the electron package installer if it is missing (honours ELECTRON_MIRROR, electron_config_cache, ELECTRON_SKIP_BINARY_DOWNLOAD)',
    )
    .action(async () => setExit(await fetchElectron(io)));
}
