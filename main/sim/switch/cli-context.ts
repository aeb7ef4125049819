import type { SimulatedSwitch } from './simulated-switch';
import type { CliSession, CommandOutcome } from './vendor-cli';

export interface CommandContext {
  session: CliSession;
  sw: SimulatedSwitch;
  args: string[];
  line: string;
  promptLength: number;
}

export type CommandHandler = (context: CommandContext) => CommandOutcome;

/** Joins output lines with the CRLF a switch sends, ending with one. */
export function lines(...text: string[]): string {
  return text.length === 0 ? '' : `${text.join('\r\n')}\r\n`;
}

export const NO_OUTPUT: CommandOutcome = { output: '' };

export function padRight(text: string, width: number): string {
  return text.length >= width ? text : text + ' '.repeat(width - text.length);
}

export function padLeft(text: string, width: number): string {
  return text.length >= width ? text : ' '.repeat(width - text.length) + text;
}
