/**
 * Tables whose columns are marked by a ruler line of dashes (`----- ---------- + -------`), as
 * Aruba and many Cisco commands print them. Words of a row go to the column they overlap most,
 * so a value that is a character or two out of line, or a missing value, still lands right.
 */
export interface ColumnSpan {
  start: number;
  end: number;
  /** The header words above this column, from all header lines, joined by a space. */
  title: string;
}

/** A line made only of dash runs, with optional `+` or `|` separators. */
export function isRulerLine(line: string): boolean {
  return /^\s*-{2,}(?:[\s+|]+-{2,})*[\s+|]*$/.test(line);
}

export function columnsFromRuler(ruler: string, headerLines: string[]): ColumnSpan[] {
  const spans: ColumnSpan[] = [];
  for (const match of ruler.matchAll(/-+/g)) {
    spans.push({ start: match.index, end: match.index + match[0].length, title: '' });
  }
  for (const header of headerLines) {
    for (const word of wordsOf(header)) {
      if (word.text === '|' || word.text === '+') continue;
      const column = bestColumn(spans, word.start, word.end);
      if (column) column.title = column.title === '' ? word.text : `${column.title} ${word.text}`;
    }
  }
  return spans;
}

interface Word {
  text: string;
  start: number;
  end: number;
}

function wordsOf(line: string): Word[] {
  return [...line.matchAll(/\S+/g)].map((match) => ({
    text: match[0],
    start: match.index,
    end: match.index + match[0].length,
  }));
}

function bestColumn(spans: ColumnSpan[], start: number, end: number): ColumnSpan | undefined {
  let best: ColumnSpan | undefined;
  let bestOverlap = 0;
  for (const span of spans) {
    const overlap = Math.min(end, span.end) - Math.max(start, span.start);
    if (overlap > bestOverlap) {
      best = span;
      bestOverlap = overlap;
    }
  }
  if (best) return best;
  // In a gap between columns: the nearest column to the left owns it.
  return [...spans].reverse().find((span) => span.start <= start) ?? spans[0];
}

/**
 * Splits a row into one string per column. Words of one column keep the spacing they had
 * between them (`Ieee PD`, `3c e1 a1 22 18 f0`). A `|` separator is never a value.
 */
export function splitRow(row: string, spans: ColumnSpan[]): string[] {
  const cells: Array<{ start: number; end: number } | null> = spans.map(() => null);
  for (const word of wordsOf(row)) {
    if (word.text === '|') continue;
    const span = bestColumn(spans, word.start, word.end);
    if (!span) continue;
    const index = spans.indexOf(span);
    const cell = cells[index];
    cells[index] = cell
      ? { start: cell.start, end: word.end }
      : { start: word.start, end: word.end };
  }
  return cells.map((cell) => (cell ? row.slice(cell.start, cell.end) : ''));
}

/** Finds the column whose title matches, by lower-case words with spaces removed. */
export function columnIndex(spans: ColumnSpan[], ...titles: string[]): number {
  const wanted = titles.map(compactTitle);
  return spans.findIndex((span) => wanted.includes(compactTitle(span.title)));
}

export function compactTitle(title: string): string {
  return title.toLowerCase().replace(/[^a-z0-9%]/g, '');
}

export interface RulerTable {
  spans: ColumnSpan[];
  /** Non-empty lines after the ruler, up to the next ruler, with their 0-based line index. */
  rows: Array<{ text: string; index: number }>;
}

/**
 * Every table in the output: a ruler, the (up to two) header lines right above it, and the
 * lines below it up to the next ruler. Callers keep only the rows they recognise.
 */
export function rulerTables(lines: string[]): RulerTable[] {
  const tables: RulerTable[] = [];
  let current: RulerTable | null = null;
  for (const [index, line] of lines.entries()) {
    if (isRulerLine(line)) {
      const headers: string[] = [];
      for (let above = index - 1; above >= 0 && headers.length < 2; above -= 1) {
        const candidate = lines[above] ?? '';
        if (candidate.trim() === '' || isRulerLine(candidate)) break;
        headers.unshift(candidate);
      }
      current = { spans: columnsFromRuler(line, headers), rows: [] };
      tables.push(current);
      continue;
    }
    if (current && line.trim() !== '') current.rows.push({ text: line, index });
  }
  return tables;
}
