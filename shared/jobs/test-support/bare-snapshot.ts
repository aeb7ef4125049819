import type { FloorPort } from '../../platform/schemas';
import type { JobSnapshot } from '../snapshot';

/** A site with nothing in it but what a test adds: one occupier, no switches, no numbers. */
export function bareSnapshot(occupierId: string, parts: Partial<JobSnapshot> = {}): JobSnapshot {
  return {
    version: 1,
    takenAt: '2026-01-01T00:00:00.000Z',
    operator: { id: 'op', name: 'Op', autoMainNumber: true },
    occupierId,
    site: {
      id: 'site',
      name: 'Site',
      region: 'GB',
      city: 'London',
      address: '',
      floors: [],
      spaces: [],
      switches: [],
      roleCatalogue: [],
    },
    occupiers: [{ id: occupierId, siteId: 'site', name: 'Acme', spaceIds: [], contact: '' }],
    floorPorts: [],
    voiceServices: [],
    numbers: [],
    poolAvailable: 0,
    handsetModels: [],
    handsets: [],
    ...parts,
  };
}

/** Floor port `label` of the bare site, on switch `sw`, with the data role. */
export function bareFloorPort(id: string, label: string, interfaceName: string): FloorPort {
  return {
    id,
    siteId: 'site',
    label,
    floorId: 'f',
    spaceId: 's',
    switchId: 'sw',
    interfaceName,
    roleId: 'data',
    allocation: { kind: 'unallocated' },
    version: 5,
  };
}
