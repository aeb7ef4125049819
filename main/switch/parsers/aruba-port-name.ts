/**
 * Aruba port names: `5`, `A1` (modular), `1/5` (stacked), `Trk1` (trunk). The normalised form
 * is upper-case with no spaces, so `a1` and `A1` compare equal.
 */
export function normalizeArubaPortName(name: string): string {
  return name.trim().toUpperCase().replace(/\s+/g, '');
}

function portParts(port: string): { prefix: string; number: number } | null {
  const match = /^(.*?)(\d+)$/.exec(normalizeArubaPortName(port));
  return match ? { prefix: match[1] ?? '', number: Number(match[2]) } : null;
}

/** Whether a port list (`1-24,A1-A4,1/1-1/24,Trk1`) includes the port. */
export function portListIncludes(list: string, port: string): boolean {
  const wanted = portParts(port);
  const wantedName = normalizeArubaPortName(port);
  for (const part of list.split(',').map(normalizeArubaPortName).filter(Boolean)) {
    if (part === wantedName) return true;
    const range = /^(.+?)-(.+)$/.exec(part);
    if (!range || !wanted) continue;
    const low = portParts(range[1] ?? '');
    const highText = range[2] ?? '';
    // `A1-A4` or `A1-4`: the end may leave out the prefix.
    const high =
      /^\d+$/.test(highText) && low
        ? { prefix: low.prefix, number: Number(highText) }
        : portParts(highText);
    if (!low || !high || low.prefix !== high.prefix) continue;
    if (low.prefix === wanted.prefix && wanted.number >= low.number && wanted.number <= high.number)
      return true;
  }
  return false;
}
