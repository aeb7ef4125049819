/**
 * "1 number", "3 numbers", "0 handsets": the one way a count is written in a message, so
 * every screen, report and CLI line reads as plain English.
 */
export function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
