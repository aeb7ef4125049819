import type { Command } from 'commander';
import type { CliIo } from './io';
import { registerSwitchApplyRoleCommand } from './switch-apply-role';
import { registerSwitchParseCommand } from './switch-parse';
import { registerSwitchPortsCommand } from './switch-ports';
import { registerSwitchSimulateCommand } from './switch-simulate';

/** `dialtone switch …`: the switch console tools. Each subcommand registers itself from its own file. */
export function registerSwitchCommand(
  program: Command,
  io: CliIo,
  setExit: (code: number) => void,
): void {
  const switchCommand = program
    .command('switch')
    .description('switch console tools: parse show output, simulate switches, apply port roles');
  registerSwitchParseCommand(switchCommand, io, setExit);
  registerSwitchSimulateCommand(switchCommand, io, setExit);
  registerSwitchApplyRoleCommand(switchCommand, io, setExit);
  registerSwitchPortsCommand(switchCommand, io, setExit);
}
