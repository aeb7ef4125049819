import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobSummary, JobView } from '../../shared/jobs';
import { createAppServices, type AppServices } from '../app/services';

let services: AppServices;

beforeAll(async () => {
  services = await createAppServices({
    host: 'browser',
    target: { kind: 'demo' },
    dataDirectory: mkdtempSync(join(tmpdir(), 'dialtone-bridge-jobs-')),
  });
  await services.jobs.connectivity.check();
});
afterAll(async () => {
  await services?.close();
});

async function call<T>(channel: string, request: unknown): Promise<T> {
  const reply = await services.router.dispatch(channel, request);
  if (!reply.ok) throw new Error(`${reply.error.code}: ${reply.error.message}`);
  return reply.response as T;
}

/** Resolves with the first jobs:changed summary that passes `test` (an event, not a sleep). */
function summaryWhere(test: (summary: JobSummary) => boolean): Promise<JobSummary> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      stop();
      reject(new Error('No jobs:changed event with the expected sync state within 10 s.'));
    }, 10_000);
    const stop = services.router.subscribe((event, payload) => {
      if (event === 'jobs:changed' && test(payload as JobSummary)) {
        clearTimeout(timer);
        stop();
        resolve(payload as JobSummary);
      }
    });
  });
}

describe('jobs and sync over the bridge', () => {
  it('creates a job, queues a port change offline without claiming "synced", and syncs it when back online', async () => {
    const created = await call<JobView>('jobs:create', {
      siteId: 'lon-shoreditch',
      occupierId: 'occ-kestrel',
    });
    const jobId = created.summary.jobId;
    expect(created.summary.sync).toMatchObject({ queued: 0 });
    const port = created.state.floorPorts[0]!;

    await call('sync:setWorkOffline', { workOffline: true });
    const queued = await call<JobView>('jobs:setPortRole', {
      jobId,
      actionId: 'bridge-action-1',
      floorPortId: port.id,
      roleId: 'voice-only',
    });
    expect(queued.summary.sync).toMatchObject({ label: 'offline', queued: 1, offline: true });
    expect(queued.state.floorPorts[0]).toMatchObject({ roleId: 'voice-only', pending: true });

    const synced = summaryWhere((s) => s.jobId === jobId && s.sync?.label === 'synced');
    await call('sync:setWorkOffline', { workOffline: false });
    expect((await synced).sync).toMatchObject({ queued: 0, conflicts: 0, offline: false });
    const list = await call<{ jobs: JobSummary[] }>('jobs:list', {});
    expect(list.jobs.find((j) => j.jobId === jobId)?.sync?.lastSyncAt).not.toBeNull();
  });

  it('goes offline at once when the OS reports no network, and back once the platform answers', async () => {
    const offline = await call<{ reachable: boolean; reason: string }>('sync:reportNetwork', {
      online: false,
    });
    expect(offline).toMatchObject({
      reachable: false,
      reason: expect.stringMatching(/no network/),
    });
    await call('sync:reportNetwork', { online: true });
    const back = await services.jobs.connectivity.check();
    expect(back.reachable).toBe(true);
  });

  it('refuses a malformed job request with a typed error and records nothing', async () => {
    const created = await call<JobView>('jobs:create', {
      siteId: 'lon-shoreditch',
      occupierId: 'occ-brightwater',
    });
    const jobId = created.summary.jobId;
    const port = created.state.floorPorts[0]!;
    const before = await call<JobView>('jobs:open', { jobId });
    const jobsBefore = (await call<{ jobs: JobSummary[] }>('jobs:list', {})).jobs.length;

    const malformed = [
      { jobId },
      { jobId, actionId: 'malformed-1', floorPortId: port.id },
      { jobId, actionId: 'short', floorPortId: port.id, roleId: 'voice-only' },
      { jobId, actionId: 'malformed-3', floorPortId: port.id, roleId: 'voice-only', force: true },
      { jobId, actionId: 'malformed-4', floorPortId: 42, roleId: 'voice-only' },
    ];
    for (const request of malformed) {
      const reply = await services.router.dispatch('jobs:setPortRole', request);
      expect(reply).toMatchObject({ ok: false, error: { code: 'BRIDGE_INVALID_REQUEST' } });
    }
    // A request the schema accepts but the job refuses (no such floor port) records nothing either.
    const unknownPort = await services.router.dispatch('jobs:setPortRole', {
      jobId,
      actionId: 'malformed-5',
      floorPortId: 'no-such-port',
      roleId: 'voice-only',
    });
    expect(unknownPort.ok).toBe(false);

    const after = await call<JobView>('jobs:open', { jobId });
    expect(after.state).toEqual(before.state);
    expect(after.state.eventCount).toBe(before.state.eventCount);
    expect(after.state.outbox).toEqual(before.state.outbox);
    expect(after.state.floorPorts.find((p) => p.id === port.id)).toEqual(port);
    expect((await call<{ jobs: JobSummary[] }>('jobs:list', {})).jobs).toHaveLength(jobsBefore);
  });

  it("remembers the engineer's name: a job started with it records it, the next job without one too", async () => {
    expect(await call('jobs:engineer', {})).toEqual({ engineerName: null });
    const named = await call<JobView>('jobs:create', {
      siteId: 'lon-shoreditch',
      occupierId: 'occ-orchard',
      engineerName: '  Sam Okafor ',
    });
    expect(named.state.engineerName).toBe('Sam Okafor');
    expect(await call('jobs:engineer', {})).toEqual({ engineerName: 'Sam Okafor' });
    // The site page's Start job sends no name: the one last given is recorded.
    const unnamed = await call<JobView>('jobs:create', {
      siteId: 'nyc-hudson',
      occupierId: 'occ-liberty',
    });
    expect(unnamed.state.engineerName).toBe('Sam Okafor');
    const blank = await services.router.dispatch('jobs:create', {
      siteId: 'nyc-hudson',
      occupierId: 'occ-hudson-ventures',
      engineerName: '   ',
    });
    expect(blank).toMatchObject({
      ok: false,
      error: {
        code: 'BRIDGE_INVALID_REQUEST',
        message: expect.stringContaining('Enter your name'),
      },
    });
  });
});
