import { afterEach, describe, expect, it } from 'vitest';
import { createPlatformSettings } from '../platform/settings';
import { createMemoryKeyValueStore } from '../jobs/key-value-store';
import { startPlatformSimulator, type PlatformSimulator } from '../sim/platform/server';
import { loadDemoWorld } from '../sim/world/load';
import { createPlatformConnection, type PlatformConnection } from './platform-connection';

const opened: Array<PlatformConnection | PlatformSimulator> = [];
afterEach(async () => {
  while (opened.length) await opened.pop()?.close();
});

describe('platform connection', () => {
  it('starts on the demo simulator when nothing is configured', async () => {
    const settings = createPlatformSettings({ store: createMemoryKeyValueStore() });
    const connection = await createPlatformConnection({ settings, demoWorld: loadDemoWorld });
    opened.push(connection);
    expect(connection.state()).toMatchObject({
      kind: 'demo',
      platformUrl: expect.stringMatching(/^http:\/\/127\.0\.0\.1:/),
    });
    expect((await connection.client.listSites()).map((s) => s.id)).toContain('lon-shoreditch');
  });

  it('follows a switch to a real platform and back, through the same client object', async () => {
    const platform = await startPlatformSimulator({ world: loadDemoWorld(), token: 'real-token' });
    opened.push(platform);
    const settings = createPlatformSettings({ store: createMemoryKeyValueStore() });
    const connection = await createPlatformConnection({ settings, demoWorld: loadDemoWorld });
    opened.push(connection);
    const client = connection.client;
    const seen: string[] = [];
    connection.onChange((state) => seen.push(state.kind));

    await settings.usePlatform({ baseUrl: platform.url, token: 'real-token' });
    await connection.apply();
    expect(connection.state()).toEqual({ kind: 'platform', platformUrl: platform.url });
    expect(client.baseUrl).toBe(platform.url);
    expect(connection.simulator()).toBeNull();
    expect((await client.listSites()).length).toBe(2);

    settings.useDemo();
    await connection.apply();
    expect(connection.state().kind).toBe('demo');
    expect(client.baseUrl).not.toBe(platform.url);
    expect(seen).toEqual(['platform', 'demo']);
  });

  it('reports a platform whose token is gone as offline, with the reason', async () => {
    const store = createMemoryKeyValueStore();
    const platform = await startPlatformSimulator({ world: loadDemoWorld(), token: 't' });
    opened.push(platform);
    await createPlatformSettings({ store }).usePlatform({ baseUrl: platform.url, token: 't' });
    // A new run without secure storage: the token was kept in memory only.
    const connection = await createPlatformConnection({
      settings: createPlatformSettings({ store }),
      demoWorld: loadDemoWorld,
    });
    opened.push(connection);
    expect(connection.state()).toMatchObject({
      kind: 'offline',
      platformUrl: platform.url,
      reason: expect.stringMatching(/Enter it again/),
    });
    await expect(connection.client.listSites()).rejects.toMatchObject({
      code: 'PLATFORM_UNAUTHORIZED',
    });
  });

  it('stays on the demo when forced, whatever the settings say', async () => {
    const store = createMemoryKeyValueStore({
      platformTarget: { kind: 'platform', baseUrl: 'https://api.example' },
    });
    const connection = await createPlatformConnection({
      settings: createPlatformSettings({ store }),
      demoWorld: loadDemoWorld,
      forceDemo: true,
    });
    opened.push(connection);
    expect(connection.state().kind).toBe('demo');
  });
});
