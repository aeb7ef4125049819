import type { PortRole, SwitchVendor } from '../../../shared/platform/schemas';
import type { InterfaceConfig } from '../parsers';
import type { RoleDiffLine } from '../roles';
import type { SuspectAnswer, SwitchLogEvent, SwitchSession } from '../session';

export interface SwitchIdentity {
  vendor: SwitchVendor;
  hostname: string;
  model: string;
  softwareVersion: string;
  serialNumber: string;
}

export interface InterfaceStatus {
  /** As the switch prints it (`Gi1/0/5`, `5`). */
  interfaceName: string;
  description: string;
  linkUp: boolean;
  adminDown: boolean;
  /** Access/untagged VLAN where the listing shows it. */
  vlan: number | null;
}

export interface Neighbour {
  interfaceName: string;
  protocol: 'lldp' | 'cdp';
  systemName: string;
  model: string;
  manufacturer: string;
  /** `aa:bb:cc:dd:ee:ff`, when the neighbour gives one. */
  mac: string | null;
  isPhone: boolean;
  /** The voice VLAN the switch advertises to it (LLDP-MED network policy or CDP appliance VLAN). */
  voiceVlan: number | null;
}

export interface PoePort {
  interfaceName: string;
  enabled: boolean;
  delivering: boolean;
  /** As printed (`4.2`, `4.2 W`). */
  power: string;
  device: string;
}

export interface MacEntry {
  interfaceName: string;
  mac: string;
  vlan: number | null;
}

export interface InterfaceReading {
  config: InterfaceConfig;
  /** What the switch printed, for the record. */
  text: string;
}

export interface RoleApplied {
  /** Commands sent in configuration mode; empty when the interface already had the role. */
  commands: string[];
  /** For the engineer: one sentence per change. */
  changes: string[];
  before: InterfaceConfig;
  /** Commands the switch answered with words that are neither a known message nor an error. */
  suspect: SuspectAnswer[];
}

/** How a save was known to have worked. */
export interface SaveConfirmation {
  /** `answer`: the save command said so (`[OK]`, or AOS-S's silence); `startup-config`: read back. */
  confirmedBy: 'answer' | 'startup-config';
  /** What the save command printed. */
  switchSaid: string;
}

export interface RoleChecked {
  verified: boolean;
  diff: RoleDiffLine[];
  after: InterfaceConfig;
}

export interface LinkChange {
  interfaceName: string;
  state: 'up' | 'down' | 'administratively down';
  event: SwitchLogEvent;
}

/** What Dialtone asks of a switch, whatever its vendor: intents in, typed facts out. */
export interface SwitchDriver {
  readonly vendor: SwitchVendor;
  readonly session: SwitchSession;
  identify(): Promise<SwitchIdentity>;
  interfaceStatuses(): Promise<InterfaceStatus[]>;
  /** One interface's configuration; with a role, also what the role's check needs (AOS-S voice VLAN). */
  interfaceConfig(interfaceName: string, role?: PortRole): Promise<InterfaceReading>;
  neighbours(interfaceName?: string): Promise<Neighbour[]>;
  poe(interfaceName?: string): Promise<PoePort[]>;
  macTable(interfaceName?: string): Promise<MacEntry[]>;
  /** Plans the minimal change from `before` (read now when not given) and applies it. */
  applyRole(interfaceName: string, role: PortRole, before?: InterfaceConfig): Promise<RoleApplied>;
  /** Reads the interface back and checks it against the role. */
  verifyRole(interfaceName: string, role: PortRole): Promise<RoleChecked>;
  /**
   * Writes the running configuration to startup and confirms it: by the save's answer, or
   * else by reading the startup configuration back and finding each interface's lines in it.
   */
  save(check?: { interfaces: InterfaceConfig[] }): Promise<SaveConfirmation>;
  /** Link up/down as the switch reports them; turns on what the switch needs to report them. */
  watchLinks(listener: (change: LinkChange) => void): Promise<() => void>;
}
