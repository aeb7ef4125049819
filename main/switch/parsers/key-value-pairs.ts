/**
 * `Key : value` lines as Aruba prints them, sometimes two pairs on one line
 * (`Software revision  : K.15.06.0017         Base MAC Addr      : 7446a0-41a56f`).
 * Keys are returned with runs of spaces collapsed (`Memory - Total`).
 */
export interface KeyValuePair {
  key: string;
  value: string;
}

const KEY = String.raw`[A-Za-z][A-Za-z0-9 ()%/.+_-]*?`;
const FIRST_PAIR = new RegExp(String.raw`^\s*(${KEY})\s*:(.*)$`);
const SECOND_PAIR = new RegExp(String.raw`\s{2,}(${KEY})\s*:\s?(.*)$`);

export function keyValuePairs(line: string): KeyValuePair[] {
  const first = FIRST_PAIR.exec(line);
  if (!first) return [];
  const key = collapse(first[1] ?? '');
  const rest = first[2] ?? '';
  const second = SECOND_PAIR.exec(rest);
  if (second && second.index > 0) {
    return [
      { key, value: rest.slice(0, second.index).trim() },
      { key: collapse(second[1] ?? ''), value: (second[2] ?? '').trim() },
    ];
  }
  return [{ key, value: rest.trim() }];
}

function collapse(key: string): string {
  return key.trim().replace(/\s+/g, ' ');
}
