import { describe, expect, it } from 'vitest';
import { occupierFloorPorts } from './floor-ports';

describe('occupierFloorPorts', () => {
  it('keeps only the ports allocated to that occupier, in order', () => {
    const ports = [
      { id: 'a', allocation: { kind: 'occupier', occupierId: 'o1' } },
      { id: 'b', allocation: { kind: 'operator' } },
      { id: 'c', allocation: { kind: 'occupier', occupierId: 'o2' } },
      { id: 'd', allocation: { kind: 'unallocated' } },
      { id: 'e', allocation: { kind: 'occupier', occupierId: 'o1' } },
    ] as const;
    expect(occupierFloorPorts(ports, 'o1').map((p) => p.id)).toEqual(['a', 'e']);
    expect(occupierFloorPorts(ports, 'nobody')).toEqual([]);
  });
});
