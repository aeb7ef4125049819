import type { JobSnapshot } from '../../../shared/jobs';

/** A one-site, one-occupier snapshot with a few floor ports, for journal and fold tests. */
export function tinySnapshot(portCount = 3): JobSnapshot {
  return {
    version: 1,
    takenAt: '2026-01-01T00:00:00.000Z',
    operator: { id: 'op-1', name: 'Test Workspaces', autoMainNumber: true },
    occupierId: 'occ-1',
    site: {
      id: 'site-1',
      name: 'Test House',
      region: 'GB',
      city: 'London',
      address: '1 Test Street',
      floors: [{ id: 'f1', name: 'Ground', level: 0 }],
      spaces: [{ id: 's1', floorId: 'f1', name: 'Suite 1' }],
      switches: [],
      roleCatalogue: [],
    },
    occupiers: [{ id: 'occ-1', siteId: 'site-1', name: 'Acme', spaceIds: ['s1'], contact: '' }],
    floorPorts: Array.from({ length: portCount }, (_, i) => ({
      id: `fp-${i + 1}`,
      siteId: 'site-1',
      label: `0F-${String(i + 1).padStart(3, '0')}`,
      floorId: 'f1',
      spaceId: 's1',
      switchId: 'sw-1',
      interfaceName: `Gi1/0/${i + 1}`,
      roleId: 'data',
      allocation: { kind: 'occupier' as const, occupierId: 'occ-1' },
      version: 1,
    })),
    numbers: [],
    voiceServices: [],
    poolAvailable: 0,
    handsetModels: [],
    handsets: [],
  };
}
