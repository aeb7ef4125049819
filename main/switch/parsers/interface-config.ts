import type { SwitchVendor } from '../../../shared/platform/schemas';

/**
 * One interface's configuration, from `show running-config interface X` (or a whole
 * running configuration), in a form the role planner can compare with a role.
 */
export interface InterfaceConfig {
  vendor: SwitchVendor;
  /** The name after `interface`, as printed. */
  interfaceName: string;
  interfaceNormalized: string;
  /** The block's lines as printed, trimmed, without `interface`, `exit`, `!` or `end`. */
  lines: string[];
  /**
   * The lines that decide the interface's behaviour, one setting per line, including what
   * Aruba keeps elsewhere (`vlan N` blocks, global `spanning-tree <ports> admin-edge-port`),
   * rewritten to the interface-context form (`untagged vlan 10`, `tagged vlan 20`).
   */
  effectiveLines: string[];
  description: string | null;
  shutdown: boolean;
  /** Cisco `switchport mode …`; null when not configured (Aruba: always null). */
  switchportMode: string | null;
  /** Cisco access VLAN or Aruba untagged VLAN; null when not shown (Cisco default VLAN 1). */
  accessVlan: number | null;
  /** Cisco voice VLAN; Aruba: null (see taggedVlans). */
  voiceVlan: number | null;
  /** Aruba tagged VLANs; Cisco: []. */
  taggedVlans: number[];
  /** Aruba VLANs marked `voice` among those this text shows; null when no VLAN blocks were shown. */
  voiceVlansKnown: number[] | null;
  /** Every VLAN the text defines (Aruba `vlan N` blocks); null when it shows none. */
  vlansKnown: number[] | null;
}
