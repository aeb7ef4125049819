import type { SwitchVendor } from '../../../shared/platform/schemas';

/** A device on the far end of a patch lead: what the switch learns when it links up. */
export interface AttachedDevice {
  /** MAC as `aa:bb:cc:dd:ee:ff`. */
  mac: string;
  model: string;
  manufacturer: string;
  kind: 'phone' | 'computer' | 'access-point';
  /** Draws power from the port (a phone or AP without a local power supply). */
  poweredByPoe: boolean;
  powerWatts: number;
  powerClass: number;
  lldp: boolean;
  lldpMed: boolean;
  cdp: boolean;
  ipAddress: string;
  softwareVersion: string;
}

/** What a test or the demo says when it plugs something in; the rest gets phone defaults. */
export type PlugInDevice = Pick<AttachedDevice, 'mac' | 'model'> & Partial<AttachedDevice>;

/** One switch interface's configuration and live state, vendor-neutral. */
export interface SimPort {
  /** The switch's own full name: `GigabitEthernet1/0/5` (IOS) or `5` (AOS-S). */
  name: string;
  /** As status tables print it: `Gi1/0/5` or `5`. */
  shortName: string;
  description: string;
  /** Access (IOS) or untagged (AOS-S) VLAN. */
  accessVlan: number;
  /** IOS `switchport voice vlan`. */
  voiceVlan: number | null;
  /** AOS-S tagged VLAN memberships. */
  taggedVlans: number[];
  /** IOS `switchport mode access` written explicitly. */
  accessMode: boolean;
  poe: boolean;
  edge: boolean;
  shutdown: boolean;
  /** LLDP-MED network-policy TLV advertised (IOS `lldp med-tlv-select network-policy`). */
  lldpMedPolicy: boolean;
  device: AttachedDevice | null;
}

export interface SimVlan {
  id: number;
  name: string;
  /** AOS-S `vlan N voice`. */
  voice: boolean;
}

export interface SwitchCredentials {
  username: string;
  password: string;
  enableSecret: string;
}

export type SwitchEvent =
  | { kind: 'poe-detected'; port: SimPort }
  | { kind: 'poe-granted'; port: SimPort }
  | { kind: 'poe-removed'; port: SimPort }
  | { kind: 'link'; port: SimPort; up: boolean; adminDown: boolean }
  | { kind: 'configured'; by: string };

export interface SwitchIdentity {
  vendor: SwitchVendor;
  hostname: string;
  model: string;
  softwareVersion: string;
  serialNumber: string;
  baseMac: string;
}

export function macToCisco(mac: string): string {
  const hex = mac.replaceAll(':', '').toLowerCase();
  return `${hex.slice(0, 4)}.${hex.slice(4, 8)}.${hex.slice(8, 12)}`;
}

export function macToAruba(mac: string): string {
  const hex = mac.replaceAll(':', '').toLowerCase();
  return `${hex.slice(0, 6)}-${hex.slice(6, 12)}`;
}

export function deviceDefaults(device: PlugInDevice): AttachedDevice {
  return {
    manufacturer: 'Yealink',
    kind: 'phone',
    poweredByPoe: true,
    powerWatts: 4.2,
    powerClass: 2,
    lldp: true,
    lldpMed: true,
    cdp: false,
    ipAddress: '10.20.0.50',
    softwareVersion: '96.86.0.70',
    ...device,
    mac: device.mac.toLowerCase(),
  };
}
