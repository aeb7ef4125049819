import { Command, CommanderError } from 'commander';
import { APP_VERSION } from '../app/version';
import { EXIT, processIo, reportFailure, type CliIo } from './io';
import { registerLazily, type LazyCommand } from './lazy-commands';

/**
 * The `dialtone` commands, in help order. Each lives in its own file, loaded only when it
 * runs, so `dialtone --help` or `numbers classify` never loads ssh2 or the platform
 * simulator. A new command is one entry here.
 */
export const COMMANDS: readonly LazyCommand[] = [
  {
    name: 'start',
    summary: 'start Dialtone: the Electron window if installed, else the browser host on 127.0.0.1',
    load: async () => (await import('./start')).registerStartCommand,
  },
  {
    name: 'platform',
    summary: 'the simulated platform: serve it, print its OpenAPI document',
    load: async () => (await import('./platform')).registerPlatformCommand,
  },
  {
    name: 'numbers',
    summary: 'phone numbers: allocation plans, classification, checks of a site snapshot',
    load: async () => (await import('./numbers')).registerNumbersCommand,
  },
  {
    name: 'switch',
    summary: 'switch console tools: parse show output, simulate switches, apply port roles',
    load: async () => (await import('./switch')).registerSwitchCommand,
  },
  {
    name: 'electron',
    summary: 'the Electron binary the desktop app and `npm run dist` need',
    load: async () => (await import('./electron')).registerElectronCommand,
  },
  {
    name: 'bundle',
    summary: 'support bundles: export a job, inspect a bundle, replay it',
    load: async () => (await import('./bundle')).registerBundleCommand,
  },
];

/** Builds the `dialtone` command line for these arguments (argv without node and script). */
export async function buildProgram(
  args: readonly string[],
  io: CliIo,
  setExit: (code: number) => void,
): Promise<Command> {
  const program = new Command('dialtone')
    .description('Dialtone: voice service installs — the app, its simulators and support tools')
    .version(APP_VERSION)
    .exitOverride()
    .configureOutput({ writeOut: (text) => io.out(text), writeErr: (text) => io.err(text) })
    .showHelpAfterError('(run with --help for usage)');
  await registerLazily(program, COMMANDS, args, io, setExit);
  return program;
}

export async function runCli(argv: string[], io: CliIo = processIo): Promise<number> {
  let exitCode: number = EXIT.ok;
  try {
    const program = await buildProgram(argv.slice(2), io, (code) => (exitCode = code));
    await program.parseAsync(argv);
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and --version exit 0; everything else commander rejects is bad input.
      return error.exitCode === 0 ? EXIT.ok : EXIT.badInput;
    }
    return reportFailure(io, error);
  }
}
