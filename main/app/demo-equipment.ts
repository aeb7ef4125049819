import { CodedError } from '../../shared/errors';
import type { PlatformSimulator } from '../sim/platform/server';
import { servePty, type PtyServer } from '../sim/switch';
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
  /**
   * Serves a demo switch's console on a real pseudo-terminal (socat), as a console cable
   * would: the same switch of the world, so plugging handsets in the demo still drives it.
   */
  serveConsole(request: DemoConsoleRequest): Promise<DemoConsole>;
  close(): Promise<void>;
}

export interface DemoConsoleRequest {
  /** The world's switch id (`lon-sw-2f-a`) or its hostname (`sw-2f-a`). */
  switch: string;
  /** Where the PTY's link goes (replaced if it exists). */
  path: string;
  /** The speed the console is set to (default: the site data's); at any other it answers garbage. */
  baud?: number;
}

export interface DemoConsole {
  switchId: string;
  hostname: string;
  path: string;
  baud: number;
}

export function createDemoEquipment(world: World): DemoEquipment {
  const live = new LiveWorld(world, { credentials: null });
  const ptys: PtyServer[] = [];
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
    async serveConsole(request) {
      const wanted = request.switch.toLowerCase();
      const all = world.sites.flatMap((site) => site.switches);
      const info = all.find(
        (s) => s.id.toLowerCase() === wanted || s.hostname.toLowerCase() === wanted,
      );
      if (!info)
        throw new CodedError(
          'WORLD_UNKNOWN_SWITCH',
          `The demo world has no switch ${request.switch}: it has ${all.map((s) => `${s.hostname} (${s.id})`).join(', ')}.`,
        );
      const baud = request.baud ?? info.console.baudRate;
      const pty = await servePty(live.switchOf(info.id), {
        path: request.path,
        baud,
        strictSpeed: true,
      });
      ptys.push(pty);
      return { switchId: info.id, hostname: info.hostname, path: pty.path, baud };
    },
    async close() {
      stop?.();
      await Promise.all(ptys.splice(0).map((pty) => pty.close()));
      live.close();
    },
  };
}
