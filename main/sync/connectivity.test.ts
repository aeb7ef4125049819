import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import type { PreferencesStore } from '../jobs';
import { createPlatformClient } from '../platform/client';
import { createConnectivity } from './connectivity';

const preferences = (): PreferencesStore => {
  let value = { workOffline: false, engineerName: null as string | null };
  return { read: () => value, update: (change) => (value = { ...value, ...change }) };
};

describe('connectivity: why the platform cannot be reached, in sentences', () => {
  it("a stopped platform: the client's health problem is the reason, with no error code in it", async () => {
    // A port nothing listens on any more: the platform was there and has stopped.
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const client = createPlatformClient({ baseUrl: `http://127.0.0.1:${port}`, token: 't' });
    const connectivity = createConnectivity({
      health: async () => (await client.healthProblem()) ?? true,
      preferences: preferences(),
    });
    const state = await connectivity.check();
    expect(state.reachable).toBe(false);
    expect(state.reason).toBe(
      `The platform at http://127.0.0.1:${port} cannot be reached: nothing answers at that address, so the platform is stopped or the address is wrong. Check the network and the address, or work offline.`,
    );
  });

  it('a health check that only says no: a plain sentence about what happens to the changes', async () => {
    const connectivity = createConnectivity({
      health: async () => false,
      preferences: preferences(),
    });
    expect((await connectivity.check()).reason).toBe(
      'The platform does not answer. Changes are kept here and sent when it answers again.',
    );
  });
});
