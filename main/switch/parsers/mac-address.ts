/**
 * One MAC form for the whole app: lower-case, colon-separated (`80:5e:c0:12:34:56`), the same
 * as a handset's MAC in shared/platform/schemas.ts, so a MAC read from a switch compares
 * directly with the platform's. Switches print Cisco `805e.c012.3456`, Aruba `805ec0-123456`,
 * LLDP port ids `80 5e c0 12 34 56`, and others `80-5E-C0-12-34-56`.
 */
const MAC_SHAPES = [
  /^([0-9a-f]{4})\.([0-9a-f]{4})\.([0-9a-f]{4})$/i,
  /^([0-9a-f]{6})-([0-9a-f]{6})$/i,
  /^([0-9a-f]{2})([:\- ])([0-9a-f]{2})\2([0-9a-f]{2})\2([0-9a-f]{2})\2([0-9a-f]{2})\2([0-9a-f]{2})$/i,
  /^([0-9a-f]{12})$/i,
];

export function normalizeMac(text: string): string | null {
  const trimmed = text.trim();
  for (const shape of MAC_SHAPES) {
    const match = shape.exec(trimmed);
    if (!match) continue;
    const hex = match
      .slice(1)
      .filter((part) => /^[0-9a-f]+$/i.test(part))
      .join('')
      .toLowerCase();
    if (hex.length !== 12) return null;
    return hex.match(/../g)!.join(':');
  }
  return null;
}

/** A Cisco-style MAC token (`aabb.cc00.0100`) anywhere in a line. */
export const CISCO_MAC_TOKEN = /\b[0-9a-f]{4}\.[0-9a-f]{4}\.[0-9a-f]{4}\b/i;

/**
 * Cisco phones name themselves after their MAC: CDP device id and LLDP system name
 * `SEPC8F9F9D61BC2`, LLDP port id `C8F9F9D61BC2:P1`.
 */
export function macFromCiscoPhoneName(name: string): string | null {
  const match = /^(?:SEP([0-9a-f]{12})|([0-9a-f]{12}):P\d)$/i.exec(name.trim());
  const hex = match?.[1] ?? match?.[2];
  return hex ? normalizeMac(hex) : null;
}
