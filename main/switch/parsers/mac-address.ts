import { normalizeMac } from '../../../shared/platform/mac';

export { normalizeMac };

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
