import type { PlatformSimulator } from '../sim/platform/server';
import { LiveWorld } from '../sim/world/live-world';
import type { World } from '../sim/world/schema';

/**
 * The demo's simulated switches and handsets, live, from the same world as the demo
 * platform: whichever demo platform simulator is running hears the switches' link changes.
 */
export interface DemoEquipment {
  readonly live: LiveWorld;
  /** Feeds the running demo simulator (or none, when a real platform is in use). */
  attach(simulator: PlatformSimulator | null): void;
  close(): void;
}

export function createDemoEquipment(world: World): DemoEquipment {
  const live = new LiveWorld(world, { credentials: null });
  let attached: PlatformSimulator | null = null;
  let stop: (() => void) | null = null;
  return {
    live,
    attach(simulator) {
      if (simulator === attached) return;
      stop?.();
      stop = null;
      attached = simulator;
      if (simulator) stop = live.feedLinks(simulator.links);
    },
    close() {
      stop?.();
      live.close();
    },
  };
}
