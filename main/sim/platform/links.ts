import { EventEmitter } from 'node:events';

export interface LinkChange {
  floorPortId: string;
  up: boolean;
  /** The device on the far end (the one that came or went), when the switch learnt its MAC. */
  mac: string | null;
}

/**
 * Which floor ports have link (a cable with a powered device at the far end), and which
 * device's MAC the switch saw there. The switch simulators of the same world feed it (see
 * sim/world/live-world.ts); tests and the admin endpoint may set it too. Emits `change`.
 */
export class LinkTable {
  /** Floor port → MAC of the device on it (null when only "something" has link). */
  private readonly up = new Map<string, string | null>();
  private readonly events = new EventEmitter();

  constructor(initiallyUp: Iterable<string> = []) {
    for (const floorPortId of initiallyUp) this.up.set(floorPortId, null);
  }

  isUp(floorPortId: string | null): boolean {
    return floorPortId !== null && this.up.has(floorPortId);
  }

  /**
   * Whether a handset has link where it really is: on any floor port whose far end is its
   * MAC; failing that (nothing known about MACs there), on the floor port the platform has it on.
   */
  handsetHasLink(handset: { mac: string; floorPortId: string | null }): boolean {
    const mac = handset.mac.toLowerCase();
    for (const seen of this.up.values()) if (seen === mac) return true;
    return handset.floorPortId !== null && this.up.get(handset.floorPortId) === null;
  }

  /** The floor port a handset really has link on (see handsetHasLink), or null. */
  floorPortOf(handset: { mac: string; floorPortId: string | null }): string | null {
    const mac = handset.mac.toLowerCase();
    for (const [floorPortId, seen] of this.up) if (seen === mac) return floorPortId;
    return handset.floorPortId !== null && this.up.get(handset.floorPortId) === null
      ? handset.floorPortId
      : null;
  }

  set(floorPortId: string, up: boolean, mac: string | null = null): void {
    const device = mac?.toLowerCase() ?? null;
    const before = this.up.get(floorPortId);
    if (up) {
      if (before !== undefined && before === device) return;
      // Another device took the port: the one before lost its link. (A port that only had
      // "something" on it now has a known device: no link was lost.)
      if (before !== undefined && before !== null) this.set(floorPortId, false);
      this.up.set(floorPortId, device);
      this.events.emit('change', { floorPortId, up, mac: device } satisfies LinkChange);
      return;
    }
    if (before === undefined) return;
    this.up.delete(floorPortId);
    this.events.emit('change', { floorPortId, up, mac: before } satisfies LinkChange);
  }

  list(): string[] {
    return [...this.up.keys()].sort();
  }

  onChange(listener: (change: LinkChange) => void): () => void {
    this.events.on('change', listener);
    return () => this.events.off('change', listener);
  }
}
