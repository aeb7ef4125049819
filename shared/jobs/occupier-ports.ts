import { occupierFloorPorts } from '../platform/floor-ports';
import type { JobState, LocalFloorPort } from './state';

/** The job's own floor ports: those the platform allocated to the job's occupier. */
export function jobFloorPorts(state: JobState): LocalFloorPort[] {
  const ours = new Set(
    occupierFloorPorts(state.snapshot.floorPorts, state.occupierId).map((p) => p.id),
  );
  return state.floorPorts.filter((port) => ours.has(port.id));
}
