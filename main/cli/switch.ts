import type { Command } from 'commander';
import type { CliIo } from './io';
import { registerLazily, type LazyCommand } from './lazy-commands';

/** `dialtone switch …` subcommands, each loaded only when it runs (parse never loads ssh2). */
export const SWITCH_COMMANDS: readonly LazyCommand[] = [
  {
    name: 'parse',
    summary: 'parse pasted show-command output (on stdin) into records',
    load: async () => (await import('./switch-parse')).registerSwitchParseCommand,
  },
  {
    name: 'simulate',
    summary: 'run a simulated Cisco IOS or Aruba AOS-S switch on a PTY or SSH',
    load: async () => (await import('./switch-simulate')).registerSwitchSimulateCommand,
  },
  {
    name: 'apply-role',
    summary: 'give switch interfaces a port role over the console cable or SSH, and verify',
    load: async () => (await import('./switch-apply-role')).registerSwitchApplyRoleCommand,
  },
  {
    name: 'ports',
    summary: 'list the serial ports on this computer, with their USB console adapter',
    load: async () => (await import('./switch-ports')).registerSwitchPortsCommand,
  },
];

/** `dialtone switch …`: the switch console tools. */
export async function registerSwitchCommand(
  program: Command,
  io: CliIo,
  setExit: (code: number) => void,
  args: readonly string[],
): Promise<void> {
  const switchCommand = program
    .command('switch')
    .description('switch console tools: parse show output, simulate switches, apply port roles');
  await registerLazily(switchCommand, SWITCH_COMMANDS, args, io, setExit);
}
