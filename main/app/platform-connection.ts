import type { ConnectionState } from '../../shared/ipc';
import { createPlatformClient, type PlatformClient } from '../platform/client';
import type { PlatformSettings } from '../platform/settings';
import { startPlatformSimulator, type PlatformSimulator } from '../sim/platform/server';
import type { World } from '../sim/world/schema';

/**
 * The platform Dialtone talks to right now: the built-in demo simulator or a real platform.
 * `client` is one stable object whose calls go to whichever platform is current, so the
 * services built on it (sites, jobs, sync) follow a switch made in Settings without being
 * rebuilt.
 */
export interface PlatformConnection {
  readonly client: PlatformClient;
  state(): ConnectionState;
  /** The running demo simulator, when the demo is current. */
  simulator(): PlatformSimulator | null;
  /** Reconnects to what the settings now say; announces the new state. */
  apply(): Promise<ConnectionState>;
  onChange(listener: (state: ConnectionState) => void): () => void;
  close(): Promise<void>;
}

export interface PlatformConnectionOptions {
  settings: PlatformSettings;
  /** The world the demo simulator runs. */
  demoWorld: () => World;
  /** Forces the demo whatever the settings say (e.g. `npm start -- --world FILE`). */
  forceDemo?: boolean;
}

export async function createPlatformConnection(
  options: PlatformConnectionOptions,
): Promise<PlatformConnection> {
  let current: PlatformClient;
  let state: ConnectionState;
  let simulator: PlatformSimulator | null = null;
  const listeners = new Set<(state: ConnectionState) => void>();

  async function connect(): Promise<void> {
    const target = options.forceDemo ? ({ kind: 'demo' } as const) : options.settings.target();
    if (target.kind === 'demo') {
      simulator ??= await startPlatformSimulator({ world: options.demoWorld() });
      current = createPlatformClient({ baseUrl: simulator.url, token: simulator.token });
      state = { kind: 'demo', platformUrl: simulator.url };
      return;
    }
    await simulator?.close();
    simulator = null;
    if (target.token === null) {
      // Keep pointing at the platform so reads fail with a clear "token refused" message.
      current = createPlatformClient({ baseUrl: target.baseUrl, token: 'missing-token' });
      state = { kind: 'offline', platformUrl: target.baseUrl, reason: target.reason };
      return;
    }
    current = createPlatformClient({ baseUrl: target.baseUrl, token: target.token });
    state = { kind: 'platform', platformUrl: target.baseUrl };
  }

  await connect();

  const client = new Proxy({} as PlatformClient, {
    get(_target, key) {
      const value = (current as unknown as Record<PropertyKey, unknown>)[key];
      return typeof value === 'function'
        ? (value as (...args: unknown[]) => unknown).bind(current)
        : value;
    },
  });

  return {
    client,
    state: () => state,
    simulator: () => simulator,
    async apply() {
      await connect();
      for (const listener of listeners) listener(state);
      return state;
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      await simulator?.close();
      simulator = null;
    },
  };
}
