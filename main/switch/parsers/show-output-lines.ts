import { cleanShowOutput, findCommandError } from './clean-output';
import { parseFailure, type ParseResult } from './parse-result';

export type ShowOutputLines =
  { ok: true; lines: string[]; warnings: string[] } | { ok: false; failure: ParseResult<never> };

/** Cleans the output and fails when the switch rejected the command instead of answering. */
export function readShowOutput(text: string, what: string): ShowOutputLines {
  const { lines, warnings } = cleanShowOutput(text);
  const rejected = findCommandError(lines);
  if (rejected) {
    return {
      ok: false,
      failure: parseFailure(
        `${what}: the switch rejected the command: ${rejected.text}`,
        rejected.line,
      ),
    };
  }
  return { ok: true, lines, warnings };
}
