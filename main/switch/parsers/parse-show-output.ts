import type { SwitchVendor } from '../../../shared/platform/schemas';
import type { ParseResult } from './parse-result';
import { SHOW_COMMANDS, resolveShowCommand } from './show-commands';

export interface UnsupportedCommand {
  ok: false;
  error: { code: 'UNSUPPORTED_COMMAND'; message: string };
}

/**
 * Parses the output of any supported show command, named as a person would type it
 * (`sh int status`). Never throws; an unknown vendor or command is an UNSUPPORTED_COMMAND error.
 */
export function parseShowOutput(
  vendor: SwitchVendor,
  command: string,
  text: string,
): ParseResult<object> | UnsupportedCommand {
  const resolution = resolveShowCommand(vendor, command);
  if (!resolution.ok)
    return { ok: false, error: { code: 'UNSUPPORTED_COMMAND', message: resolution.message } };
  return resolution.resolved.command.parse(text, resolution.resolved.argument);
}

/** The commands a vendor's parsers read, written in full. */
export function supportedCommands(vendor: SwitchVendor): string[] {
  return SHOW_COMMANDS.filter((entry) => entry.vendor === vendor).map((entry) => entry.usage);
}
