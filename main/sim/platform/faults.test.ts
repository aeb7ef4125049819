import { afterEach, describe, expect, it } from 'vitest';
import { createPlatformClient } from '../../platform/client';
import { newKey, startTestPlatform, type TestPlatform } from './test-support/test-platform';

const LONDON = 'lon-shoreditch';
const key = () => ({ idempotencyKey: newKey('faults') });

describe('fault injection and cross-cutting failures', () => {
  let platform: TestPlatform | null = null;
  afterEach(async () => {
    if (platform) {
      expect(platform.checker.violations).toEqual([]);
      await platform.close();
    }
    platform = null;
  });

  it('a share of 500s answers INJECTED_FAULT problems, marked retryable, with no effect', async () => {
    platform = await startTestPlatform({ faults: { serverErrorShare: 1 } });
    const error = await platform.client
      .allocateNumbers(LONDON, 'occ-brightwater', { count: 1 }, key())
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'PLATFORM_INJECTED_FAULT',
      detail: { status: 500, retryable: true },
    });
    platform.simulator.faults.set({});
    expect((await platform.client.getSiteSnapshot(LONDON, 'occ-brightwater')).poolAvailable).toBe(
      50,
    );
  });

  it('the share is a chance per request (dice injected): 500, then fine', async () => {
    const dice = [0.1, 0.9];
    platform = await startTestPlatform({
      faults: { serverErrorShare: 0.5 },
      random: () => dice.shift() ?? 0.9,
    });
    await expect(platform.client.getOperator()).rejects.toMatchObject({
      code: 'PLATFORM_INJECTED_FAULT',
    });
    await expect(platform.client.getOperator()).resolves.toMatchObject({ name: 'Demo Workspaces' });
  });

  it('rate limiting answers 429 with Retry-After, reported as retryAfterSeconds', async () => {
    platform = await startTestPlatform({ faults: { rateLimitShare: 1, retryAfterSeconds: 7 } });
    const response = await platform.checker.fetch(`${platform.simulator.url}/v1/sites`, {
      headers: { authorization: `Bearer ${platform.simulator.token}` },
    });
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('7');
    await expect(platform.client.listSites()).rejects.toMatchObject({
      code: 'PLATFORM_RATE_LIMITED',
      detail: { retryable: true, retryAfterSeconds: 7 },
    });
  });

  it('a real rate limit lets a burst through, then answers 429 with the wait, then refills', async () => {
    let now = 0;
    platform = await startTestPlatform({
      rateLimit: { requestsPerSecond: 0.5, burst: 3 },
      now: () => now,
    });
    for (let i = 0; i < 3; i += 1) await platform.client.getOperator();
    await expect(platform.client.getOperator()).rejects.toMatchObject({
      code: 'PLATFORM_RATE_LIMITED',
      detail: { status: 429, retryAfterSeconds: 2 },
    });
    now += 2_000;
    await expect(platform.client.getOperator()).resolves.toMatchObject({ id: 'op-demo' });
    await expect(platform.client.health()).resolves.toBe(true);
  });

  it('a connection dropped before handling is CONNECTION_LOST and nothing happened', async () => {
    platform = await startTestPlatform({ faults: { dropBeforeShare: 1 } });
    await expect(
      platform.client.allocateNumbers(LONDON, 'occ-brightwater', { count: 2 }, key()),
    ).rejects.toMatchObject({
      code: 'PLATFORM_CONNECTION_LOST',
      detail: { retryable: true, outcomeUnknown: true },
    });
    platform.simulator.faults.set({});
    expect((await platform.client.getSiteSnapshot(LONDON, 'occ-brightwater')).poolAvailable).toBe(
      50,
    );
  });

  it('a connection dropped after the effect: the retry with the same key replays it, applied once', async () => {
    platform = await startTestPlatform({ faults: { dropAfterShare: 1 } });
    const idempotencyKey = newKey('drop-after');
    const send = () =>
      platform!.client.call(
        'allocateNumbers',
        { params: { siteId: LONDON, occupierId: 'occ-brightwater' }, body: { count: 2 } },
        { idempotencyKey },
      );
    // Every answer is lost: the client's immediate retry (a replay) is dropped too.
    await expect(send()).rejects.toMatchObject({ code: 'PLATFORM_CONNECTION_LOST' });
    platform.simulator.faults.set({});
    const retried = await send();
    expect(retried.replayed).toBe(true);
    expect(retried.data.numbers).toHaveLength(2);
    expect((await platform.client.getSiteSnapshot(LONDON, 'occ-brightwater')).poolAvailable).toBe(
      48,
    );
  });

  it('added latency beyond the client timeout is reported as PLATFORM_TIMEOUT', async () => {
    platform = await startTestPlatform({ faults: { latencyMs: 5_000 } });
    const impatient = createPlatformClient({
      baseUrl: platform.simulator.url,
      token: platform.simulator.token,
      timeoutMs: 50,
    });
    await expect(impatient.getOperator()).rejects.toMatchObject({
      code: 'PLATFORM_TIMEOUT',
      detail: { retryable: true },
    });
  });

  it('the admin endpoint is off by default and sets faults when enabled', async () => {
    platform = await startTestPlatform();
    const off = await fetch(`${platform.simulator.url}/_admin/faults`, {
      headers: { authorization: `Bearer ${platform.simulator.token}` },
    });
    expect(off.status).toBe(404);
    await platform.close();

    platform = await startTestPlatform({ admin: true });
    const auth = { authorization: `Bearer ${platform.simulator.token}` };
    const unauthenticated = await fetch(`${platform.simulator.url}/_admin/faults`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ serverErrorShare: 1 }),
    });
    expect(unauthenticated.status).toBe(401);
    const set = await fetch(`${platform.simulator.url}/_admin/faults`, {
      method: 'PUT',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ serverErrorShare: 1 }),
    });
    expect(set.status).toBe(200);
    await expect(platform.client.getOperator()).rejects.toMatchObject({
      code: 'PLATFORM_INJECTED_FAULT',
    });
    const bad = await fetch(`${platform.simulator.url}/_admin/faults`, {
      method: 'PUT',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ serverErrorShare: 2 }),
    });
    expect(bad.status).toBe(400);
  });

  it('a wrong token is PLATFORM_UNAUTHORIZED; a closed port is PLATFORM_UNREACHABLE', async () => {
    platform = await startTestPlatform();
    const wrong = createPlatformClient({ baseUrl: platform.simulator.url, token: 'nope' });
    await expect(wrong.getOperator()).rejects.toMatchObject({
      code: 'PLATFORM_UNAUTHORIZED',
      detail: { status: 401, retryable: false },
    });
    const url = platform.simulator.url;
    await platform.close();
    platform = null;
    const gone = createPlatformClient({ baseUrl: url, token: 'x' });
    await expect(gone.getOperator()).rejects.toMatchObject({ code: 'PLATFORM_UNREACHABLE' });
  });
});
