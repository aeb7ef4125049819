/** VLAN lists as switches print them: `1,12,15,31-36` (Cisco) or `10-12,20` (Aruba). */
export function parseVlanList(text: string): number[] | null {
  const trimmed = text.trim();
  if (trimmed === '') return [];
  const vlans = new Set<number>();
  for (const part of trimmed.split(/\s*,\s*/)) {
    const range = /^(\d{1,4})(?:-(\d{1,4}))?$/.exec(part);
    if (!range) return null;
    const low = Number(range[1]);
    const high = range[2] === undefined ? low : Number(range[2]);
    if (low < 1 || high > 4094 || high < low) return null;
    for (let vlan = low; vlan <= high; vlan += 1) vlans.add(vlan);
  }
  return [...vlans].sort((a, b) => a - b);
}

/** [10, 11, 12, 20] → `10-12,20`. */
export function formatVlanList(vlans: readonly number[]): string {
  const sorted = [...new Set(vlans)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let index = 0; index < sorted.length;) {
    const start = sorted[index]!;
    let end = start;
    while (sorted[index + 1] === end + 1) {
      index += 1;
      end += 1;
    }
    parts.push(start === end ? `${start}` : `${start}-${end}`);
    index += 1;
  }
  return parts.join(',');
}

/** `12` → 12; `trunk`, `routed`, `All` → null. */
export function vlanNumber(text: string): number | null {
  if (!/^\d{1,4}$/.test(text.trim())) return null;
  const vlan = Number(text.trim());
  return vlan >= 1 && vlan <= 4094 ? vlan : null;
}
