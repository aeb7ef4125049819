import { Command, CommanderError } from 'commander';
import { APP_VERSION } from '../app/version';
import { EXIT, processIo, reportFailure, type CliIo } from './io';
import { registerElectronCommand } from './electron';
import { registerNumbersCommand } from './numbers';
import { registerPlatformCommand } from './platform';
import { registerStartCommand } from './start';
import { registerSwitchCommand } from './switch';

/** Builds the `dialtone` command line; each command group registers itself from its own file. */
export function buildProgram(io: CliIo, setExit: (code: number) => void): Command {
  const program = new Command('dialtone')
    .description('Dialtone: voice service installs — the app, its simulators and support tools')
    .version(APP_VERSION)
    .exitOverride()
    .configureOutput({ writeOut: (text) => io.out(text), writeErr: (text) => io.err(text) })
    .showHelpAfterError('(run with --help for usage)');
  registerStartCommand(program, io, setExit);
  registerPlatformCommand(program, io, setExit);
  registerNumbersCommand(program, io, setExit);
  registerSwitchCommand(program, io, setExit);
  registerElectronCommand(program, io, setExit);
  return program;
}

export async function runCli(argv: string[], io: CliIo = processIo): Promise<number> {
  let exitCode: number = EXIT.ok;
  const program = buildProgram(io, (code) => (exitCode = code));
  try {
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
