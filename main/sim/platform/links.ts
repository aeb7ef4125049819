import { EventEmitter } from 'node:events';

export interface LinkChange {
  floorPortId: string;
  up: boolean;
}

/**
 * Which floor ports have link (a cable with a powered device at the far end). The switch
 * simulators feed it; until they do, tests and the admin endpoint set it. Emits `change`.
 */
export class LinkTable {
  private readonly up = new Set<string>();
  private readonly events = new EventEmitter();

  constructor(initiallyUp: Iterable<string> = []) {
    for (const floorPortId of initiallyUp) this.up.add(floorPortId);
  }

  isUp(floorPortId: string | null): boolean {
    return floorPortId !== null && this.up.has(floorPortId);
  }

  set(floorPortId: string, up: boolean): void {
    if (this.up.has(floorPortId) === up) return;
    if (up) this.up.add(floorPortId);
    else this.up.delete(floorPortId);
    this.events.emit('change', { floorPortId, up } satisfies LinkChange);
  }

  list(): string[] {
    return [...this.up].sort();
  }

  onChange(listener: (change: LinkChange) => void): () => void {
    this.events.on('change', listener);
    return () => this.events.off('change', listener);
  }
}
