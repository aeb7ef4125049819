import type { Command } from 'commander';
import type { CliIo } from './io';

/**
 * How a command file adds its command (and its subcommands) to a parent command. `args` are
 * the arguments after the command's name, for a group that loads its subcommands lazily too.
 */
export type RegisterCommand = (
  parent: Command,
  io: CliIo,
  setExit: (code: number) => void,
  args: readonly string[],
) => void | Promise<void>;

/**
 * A command whose file, and everything that file imports (the platform simulator, ssh2,
 * serialport, libphonenumber metadata…), is loaded only when that command runs. `summary` is
 * what the parent's help lists; the file's own description shows in the command's help.
 */
export interface LazyCommand {
  name: string;
  summary: string;
  load(): Promise<RegisterCommand>;
}

/**
 * Registers the one command `args` asks for (the first argument, or the one after `help`)
 * in full, and a one-line stand-in for each of the others so help still lists them.
 */
export async function registerLazily(
  parent: Command,
  commands: readonly LazyCommand[],
  args: readonly string[],
  io: CliIo,
  setExit: (code: number) => void,
): Promise<void> {
  const wanted = args[0] === 'help' ? args[1] : args[0];
  for (const command of commands) {
    if (command.name === wanted) {
      const rest = args.slice(args.indexOf(command.name) + 1);
      await (
        await command.load()
      )(parent, io, setExit, rest);
    } else parent.command(command.name).description(command.summary);
  }
}
