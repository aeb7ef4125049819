import { CodedError } from '../../../shared/errors';
import type { ParseResult } from '../parsers';

/** The records of a parse, or an error naming the command whose output could not be read. */
export function records<T>(command: string, result: ParseResult<T>): T[] {
  if (result.ok) return result.records;
  throw new CodedError(
    'SWITCH_OUTPUT_UNREADABLE',
    `Dialtone could not read the switch's answer to "${command}": ${result.error.message}`,
    { command, parseError: result.error },
  );
}

export function firstRecord<T>(command: string, result: ParseResult<T>): T {
  const [first] = records(command, result);
  if (first === undefined)
    throw new CodedError(
      'SWITCH_OUTPUT_UNREADABLE',
      `The switch's answer to "${command}" was empty.`,
      {
        command,
      },
    );
  return first;
}
