import type { FloorPort, SwitchVendor } from './schemas';

/** The floor ports the platform allocated to one occupier, in the site's order. */
export function occupierFloorPorts<P extends Pick<FloorPort, 'allocation'>>(
  floorPorts: readonly P[],
  occupierId: string,
): P[] {
  return floorPorts.filter(
    (port) => port.allocation.kind === 'occupier' && port.allocation.occupierId === occupierId,
  );
}

/** How engineers and the vendors' own documentation name each switch operating system. */
export const SWITCH_VENDOR_LABELS: Record<SwitchVendor, string> = {
  cisco_ios: 'Cisco IOS',
  aruba_aoss: 'Aruba AOS-S',
};
