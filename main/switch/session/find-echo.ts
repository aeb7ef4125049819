/** Where the switch's echo of a typed command is on the screen, and what stood before it. */
export interface EchoAt {
  /** The first line after the echo: where the command's output starts. */
  bodyStart: number;
  /** What the echo line showed before the command (the prompt, when it was on that line). */
  before: string;
}

/**
 * Finds the echo of `command` in finished screen lines: at the start of a line or right
 * after a prompt (`sw#`, `sw(config-if)# `), possibly split across lines by a log message,
 * and ending its line. A prompt seen before the echo (an answer to an earlier Enter) is
 * therefore never taken for the end of this command.
 */
export function findEcho(lines: readonly string[], command: string): EchoAt | null {
  if (command === '') return { bodyStart: 0, before: '' };
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index]!;
    for (const start of echoStarts(line)) {
      const bodyStart = matchFrom(lines, index, start, command);
      if (bodyStart !== null) return { bodyStart, before: line.slice(0, start) };
    }
  }
  return null;
}

/**
 * Where an echo may start: after leading spaces (the tail of a prompt that came in two
 * pieces), and after every prompt marker (`>`/`#`) and the spaces that follow it.
 */
function echoStarts(line: string): number[] {
  const starts = [line.length - line.trimStart().length];
  for (let column = 0; column < line.length; column += 1) {
    const char = line[column];
    if (char !== '>' && char !== '#') continue;
    let start = column + 1;
    while (line[start] === ' ') start += 1;
    starts.push(start);
  }
  return starts;
}

function matchFrom(
  lines: readonly string[],
  lineIndex: number,
  column: number,
  command: string,
): number | null {
  let row = lineIndex;
  let at = column;
  for (let matched = 0; matched < command.length;) {
    const line = lines[row]!;
    if (at >= line.length) {
      // A log line split the echo; it was taken out, and the echo goes on on the next line.
      if (matched === 0 || row + 1 >= lines.length) return null;
      row += 1;
      at = 0;
      continue;
    }
    if (line[at] !== command[matched]) return null;
    at += 1;
    matched += 1;
  }
  return lines[row]!.slice(at).trim() === '' ? row + 1 : null;
}
