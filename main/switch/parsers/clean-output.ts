/**
 * Turns what a terminal session captured into the lines a person would have seen: escape codes
 * removed, backspaces and carriage returns applied, pager prompts, syslog lines, the echoed
 * command and the trailing prompt blanked. Lines keep their positions, so a parse error can name
 * the line of the original text.
 */
export interface CleanedOutput {
  lines: string[];
  warnings: string[];
}

// CSI (ESC [ ... letter), OSC (ESC ] ... BEL or ESC \), charset selection and other 2-byte escapes.
const ESCAPE_SEQUENCE =
  // eslint-disable-next-line no-control-regex
  /\x1b\[[0-9;?<>=!]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[()*+][0-9A-Za-z]|\x1b[@-Z\\-_]|\x1b[0-9=<>]/g;
const CISCO_PAGER = /^\s*-{1,2} ?More ?-{1,2}\s*/i;
const ARUBA_PAGER = /-- ?MORE ?--,? next page: Space, next line: Enter, quit: Control-C/i;
const SYSLOG_LINE =
  /^\s*(?:\*?[A-Z][a-z]{2}\s+\d{1,2}\s+(?:\d{4}\s+)?[\d:.]+(?:\s+[A-Z]{2,5})?:\s*|\d+:\s*(?:\*?[A-Z][a-z]{2}\s+\d{1,2}\s+[\d:.]+:\s*)?|[\d:.]+:\s*)?%[A-Z0-9_]+-\d-[A-Z0-9_]+:/;
// A prompt alone on a line: `sw-3f-a#`, `sw-3f-a>`, `HP-2920# `, `sw(config-if)#`.
const PROMPT_ONLY = /^[A-Za-z0-9][\w.\-/:]{0,63}(?:\([\w.\-/ ]{1,40}\))?[#>]\s*$/;
// A prompt followed by the command it echoed, or the bare echoed command.
const PROMPT_AND_COMMAND =
  /^(?:[A-Za-z0-9][\w.\-/:]{0,63}(?:\([\w.\-/ ]{1,40}\))?[#>]\s*)?sh(?:o|ow)?\s+\S/i;

/** Replays one line as a terminal would draw it: `\b` steps back, `\r` returns to column 0. */
function renderLine(raw: string): string {
  if (!raw.includes('\b') && !raw.includes('\r')) return raw;
  const cells: string[] = [];
  let column = 0;
  for (const char of raw) {
    if (char === '\b') column = Math.max(0, column - 1);
    else if (char === '\r') column = 0;
    else {
      while (cells.length < column) cells.push(' ');
      cells[column] = char;
      column += 1;
    }
  }
  return cells.join('');
}

export function cleanShowOutput(text: string): CleanedOutput {
  const warnings: string[] = [];
  const withoutEscapes = text.replace(ESCAPE_SEQUENCE, '');
  // eslint-disable-next-line no-control-regex
  const printable = withoutEscapes.replace(/[\x00-\x07\x0b\x0c\x0e-\x1f\x7f]/g, '');
  const lines = printable
    .replace(/\r+\n/g, '\n')
    .split('\n')
    .map((raw, index) => {
      let line = renderLine(raw).replace(/\s+$/, '');
      if (CISCO_PAGER.test(line) || ARUBA_PAGER.test(line)) {
        warnings.push(`line ${index + 1}: removed a pager prompt`);
        line = line.replace(ARUBA_PAGER, '').replace(CISCO_PAGER, '');
        if (line.trim() === '') line = '';
      }
      if (SYSLOG_LINE.test(line)) {
        warnings.push(`line ${index + 1}: skipped a log message (${line.trim().slice(0, 60)})`);
        return '';
      }
      return line;
    });
  const first = lines.findIndex((line) => line.trim() !== '');
  if (first >= 0 && PROMPT_AND_COMMAND.test(lines[first]!.trim())) {
    lines[first] = '';
  }
  for (let index = lines.length - 1; index >= 0; index -= 1) {
    const line = lines[index]!.trim();
    if (line === '') continue;
    if (PROMPT_ONLY.test(line)) lines[index] = '';
    break;
  }
  return { lines, warnings };
}

/** Switch messages that mean the command itself failed; no output follows them. */
const COMMAND_ERRORS = [
  /^\s*% ?Invalid input detected/i,
  /^\s*% ?Incomplete command/i,
  /^\s*% ?Ambiguous command/i,
  /^\s*% ?Unknown command/i,
  /^\s*Invalid input: /,
  /^\s*Command authorization failed/i,
  /^\s*Module not present for port or invalid port/i,
];

/** The first line where the switch says it rejected the command, if any. */
export function findCommandError(lines: string[]): { line: number; text: string } | null {
  for (const [index, line] of lines.entries()) {
    if (COMMAND_ERRORS.some((pattern) => pattern.test(line)))
      return { line: index + 1, text: line.trim() };
  }
  return null;
}
