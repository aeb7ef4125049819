import { z } from 'zod';
import { SwitchVendor } from '../platform/schemas';

/** What Dialtone read from a switch, vendor-neutral: what the faceplate and the steps show. */

/** An SSH host key's fingerprint as OpenSSH prints it: `SHA256:` and 43 base64 characters. */
export const SshFingerprint = z
  .string()
  .regex(/^SHA256:[A-Za-z0-9+/]{43}$/, 'An SSH key fingerprint looks like SHA256:…');

export const SwitchIdentityView = z.object({
  vendor: SwitchVendor,
  hostname: z.string(),
  model: z.string(),
  softwareVersion: z.string(),
  serialNumber: z.string(),
});
export type SwitchIdentityView = z.infer<typeof SwitchIdentityView>;

/** PoE as the switches name it: searching, delivering (with watts), disabled, fault / denied. */
export const PoeState = z.enum(['delivering', 'searching', 'disabled', 'fault', 'none']);
export type PoeState = z.infer<typeof PoeState>;

export const LinkState = z.enum(['up', 'down', 'disabled']);
export type LinkState = z.infer<typeof LinkState>;

export const Neighbour = z.object({
  protocol: z.enum(['lldp', 'cdp']),
  systemName: z.string(),
  model: z.string(),
  manufacturer: z.string(),
  mac: z.string().nullable(),
  isPhone: z.boolean(),
});
export type Neighbour = z.infer<typeof Neighbour>;

export const PortFacts = z.object({
  /** As the switch prints it (`Gi1/0/5`, `5`). */
  interfaceName: z.string(),
  /** Position on the faceplate, from 1. */
  number: z.number().int().positive(),
  uplink: z.boolean(),
  description: z.string(),
  link: LinkState,
  vlan: z.number().int().nullable(),
  poe: z.object({ state: PoeState, watts: z.number().nullable() }),
  neighbour: Neighbour.nullable(),
  macs: z.array(z.string()),
  /** When these facts were read from the switch (ISO time). */
  readAt: z.string(),
});
export type PortFacts = z.infer<typeof PortFacts>;

/** One port's link as the switch just reported it, before its facts are read again. */
export const PortLinkEvent = z.object({
  interfaceName: z.string(),
  link: LinkState,
  at: z.string(),
});
export type PortLinkEvent = z.infer<typeof PortLinkEvent>;

/** "12/48 up · 3 disabled" */
export function portSummary(ports: readonly Pick<PortFacts, 'link'>[]): string {
  const up = ports.filter((p) => p.link === 'up').length;
  const disabled = ports.filter((p) => p.link === 'disabled').length;
  return `${up}/${ports.length} up · ${disabled} disabled`;
}

/** Face-plate rows as the hardware has them: odd numbers on top, even below, uplinks apart. */
export function faceplateRows<T extends Pick<PortFacts, 'number' | 'uplink'>>(
  ports: readonly T[],
): { top: T[]; bottom: T[]; uplinks: T[] } {
  const access = ports.filter((p) => !p.uplink).sort((a, b) => a.number - b.number);
  return {
    top: access.filter((p) => p.number % 2 === 1),
    bottom: access.filter((p) => p.number % 2 === 0),
    uplinks: ports.filter((p) => p.uplink).sort((a, b) => a.number - b.number),
  };
}
