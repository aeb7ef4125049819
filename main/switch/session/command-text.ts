import { CodedError } from '../../../shared/errors';

/** The longest line Dialtone types: IOS and AOS-S both take 511 characters after `terminal width 511`. */
export const COMMAND_LINE_LIMIT = 511;

/**
 * Refuses a command line that could do more than it says: a control character (Enter,
 * Tab, Ctrl-Z … would end the line, complete a word or leave a mode), a `?` (both CLIs
 * answer it with help, not the character), anything outside printable ASCII, or a line
 * longer than the switch takes. Checked before a byte is sent.
 */
export function checkCommandLine(line: string): void {
  const bad = /[^\x20-\x7e]|\?/.exec(line);
  if (bad) {
    const at = bad[0].charCodeAt(0);
    const what =
      bad[0] === '?'
        ? 'a "?" (the switch would answer it with help)'
        : at < 0x20 || at === 0x7f
          ? `a control character (0x${at.toString(16).padStart(2, '0')})`
          : `a character the console cannot type (${JSON.stringify(bad[0])})`;
    throw new CodedError(
      'SWITCH_INPUT_INVALID',
      `Dialtone will not type ${JSON.stringify(line.slice(0, 80))}: it contains ${what}. Nothing was sent.`,
      { line },
    );
  }
  if (line.length > COMMAND_LINE_LIMIT)
    throw new CodedError(
      'SWITCH_INPUT_INVALID',
      `Dialtone will not type a ${line.length}-character line; the switch takes ${COMMAND_LINE_LIMIT}. Nothing was sent.`,
      { line },
    );
}
