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

/** The maker a MAC's first three bytes (its OUI) name, for the handset makers Dialtone meets. */
const HANDSET_MAKERS: Record<string, string> = {
  '80:5e:c0': 'Yealink',
  '80:5e:0c': 'Yealink',
  '24:9a:d8': 'Yealink',
  '44:db:d2': 'Yealink',
  '00:15:65': 'Yealink',
  '64:16:7f': 'Poly',
  '00:04:f2': 'Poly',
  '48:25:67': 'Poly',
  '00:1b:54': 'Cisco',
  '00:1e:7a': 'Cisco',
  'c8:f9:f9': 'Cisco',
  '00:0b:82': 'Grandstream',
  'c0:74:ad': 'Grandstream',
  '00:04:13': 'snom',
};

/** The maker of a normalised MAC, or null when its OUI is not a handset maker Dialtone knows. */
export function makerOfMac(mac: string): string | null {
  return HANDSET_MAKERS[mac.slice(0, 8)] ?? null;
}
