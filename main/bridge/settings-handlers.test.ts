import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createAppServices, type AppServices } from '../app/services';
import { startPlatformSimulator, type PlatformSimulator } from '../sim/platform/server';
import { loadDemoWorld } from '../sim/world/load';

const opened: Array<AppServices | PlatformSimulator> = [];
afterEach(async () => {
  while (opened.length) await opened.pop()?.close();
});

async function call(services: AppServices, channel: string, request: unknown) {
  return services.router.dispatch(channel, request);
}

describe('settings over the bridge', () => {
  it('refuses to switch platforms while a change has not reached the current one, and allows it once synced', async () => {
    const other = await startPlatformSimulator({ world: loadDemoWorld(), token: 'tok' });
    opened.push(other);
    const services = await createAppServices({
      host: 'browser',
      dataDirectory: mkdtempSync(join(tmpdir(), 'dialtone-settings-')),
    });
    opened.push(services);
    await services.jobs.connectivity.check();

    const created = await call(services, 'jobs:create', {
      siteId: 'lon-shoreditch',
      occupierId: 'occ-brightwater',
    });
    expect(created.ok).toBe(true);
    const view = (
      created as {
        response: { summary: { jobId: string }; state: { floorPorts: { id: string }[] } };
      }
    ).response;
    await call(services, 'sync:setWorkOffline', { workOffline: true });
    const queued = await call(services, 'jobs:setPortRole', {
      jobId: view.summary.jobId,
      actionId: 'settings-test-1',
      floorPortId: view.state.floorPorts[0]!.id,
      roleId: 'voice-pc',
    });
    expect(queued.ok).toBe(true);

    const refused = await call(services, 'settings:usePlatform', {
      baseUrl: other.url,
      token: 'tok',
    });
    expect(refused).toMatchObject({
      ok: false,
      error: {
        code: 'SETTINGS_UNSYNCED_CHANGES',
        message: expect.stringMatching(/1 change in 1 job has not reached the demo platform/),
      },
    });
    expect(services.connection().kind).toBe('demo');

    await call(services, 'sync:setWorkOffline', { workOffline: false });
    await call(services, 'sync:now', { jobId: view.summary.jobId });
    const { changes } = await waitForNoUnsynced(services);
    expect(changes).toBe(0);
    const switched = await call(services, 'settings:usePlatform', {
      baseUrl: other.url,
      token: 'tok',
    });
    expect(switched).toMatchObject({
      ok: true,
      response: { target: { kind: 'platform', baseUrl: other.url } },
    });
    expect(services.connection()).toEqual({ kind: 'platform', platformUrl: other.url });
  });
});

/** Waits on jobs:changed events (not a clock) until no job has an unsent change. */
function waitForNoUnsynced(services: AppServices): Promise<{ changes: number }> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('changes still queued after 10 s')), 10_000);
    const check = async () => {
      const jobs = await services.jobs.jobs.list();
      const changes = jobs
        .flatMap((j) => j.state?.outbox ?? [])
        .filter((i) => i.status === 'queued').length;
      if (changes === 0) {
        clearTimeout(timer);
        stop();
        resolve({ changes });
      }
    };
    const stop = services.router.subscribe((event) => {
      if (event === 'jobs:changed') void check();
    });
    void check();
  });
}
