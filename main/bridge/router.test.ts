import { describe, expect, it, vi } from 'vitest';
import { CodedError } from '../../shared/errors';
import { createRouter, type ChannelHandlers } from './router';

const site = {
  id: 'lon',
  name: 'London',
  region: 'GB',
  city: 'London',
  occupierCount: 1,
  floorPortCount: 2,
};

function handlers(overrides: Partial<ChannelHandlers> = {}): ChannelHandlers {
  return {
    'app:info': async () => ({
      name: 'Dialtone',
      version: '0.0.0',
      host: 'browser',
      connection: { kind: 'demo', platformUrl: 'http://127.0.0.1:1' },
    }),
    'sites:list': async () => ({ sites: [site] }),
    'sites:get': async () => {
      throw new CodedError('PLATFORM_SITE_NOT_FOUND', 'There is no site nope.');
    },
    ...overrides,
  } as ChannelHandlers;
}

describe('bridge router', () => {
  it('answers a valid request with the handler result', async () => {
    const router = createRouter(handlers());
    expect(await router.dispatch('sites:list', {})).toEqual({
      ok: true,
      response: { sites: [site] },
    });
  });

  it('gives a typed error for an unknown channel', async () => {
    const reply = await createRouter(handlers()).dispatch('sites:delete', {});
    expect(reply).toMatchObject({ ok: false, error: { code: 'BRIDGE_UNKNOWN_CHANNEL' } });
  });

  it('gives a typed error naming the field when the request fails its schema, without calling the handler', async () => {
    const get = vi.fn();
    const router = createRouter(handlers({ 'sites:get': get }));
    const reply = await router.dispatch('sites:get', { siteId: 42 });
    expect(reply).toMatchObject({ ok: false, error: { code: 'BRIDGE_INVALID_REQUEST' } });
    expect(reply.ok === false && reply.error.message).toMatch(/siteId/);
    expect(get).not.toHaveBeenCalled();
    // Extra keys are refused too: the contract is exact.
    expect(await router.dispatch('sites:list', { all: true })).toMatchObject({ ok: false });
  });

  it("passes a service's coded error through unchanged", async () => {
    const reply = await createRouter(handlers()).dispatch('sites:get', { siteId: 'nope' });
    expect(reply).toEqual({
      ok: false,
      error: { code: 'PLATFORM_SITE_NOT_FOUND', message: 'There is no site nope.' },
    });
  });

  it('turns a handler that throws into INTERNAL_ERROR and keeps serving', async () => {
    const onInternalError = vi.fn();
    const router = createRouter(
      handlers({
        'sites:list': async () => {
          throw new TypeError('boom');
        },
      }),
      { onInternalError },
    );
    expect(await router.dispatch('sites:list', {})).toMatchObject({
      ok: false,
      error: { code: 'INTERNAL_ERROR', message: expect.stringContaining('boom') },
    });
    expect(onInternalError).toHaveBeenCalledOnce();
    expect(await router.dispatch('app:info', {})).toMatchObject({ ok: true });
  });

  it('refuses to send a response that breaks the contract', async () => {
    const router = createRouter(
      handlers({ 'sites:list': async () => ({ sites: [{ id: 'x' }] }) as never }),
    );
    expect(await router.dispatch('sites:list', {})).toMatchObject({
      ok: false,
      error: { code: 'BRIDGE_INVALID_RESPONSE' },
    });
  });

  it('delivers events to subscribers and checks them against the contract', () => {
    const router = createRouter(handlers());
    const seen: unknown[] = [];
    const unsubscribe = router.subscribe((event, payload) => seen.push([event, payload]));
    router.emit('app:connectionChanged', {
      kind: 'offline',
      platformUrl: 'http://x',
      reason: 'no network',
    });
    unsubscribe();
    router.emit('app:connectionChanged', { kind: 'demo', platformUrl: 'http://y' });
    expect(seen).toEqual([
      ['app:connectionChanged', { kind: 'offline', platformUrl: 'http://x', reason: 'no network' }],
    ]);
    expect(() => router.emit('app:connectionChanged', { kind: 'nope' } as never)).toThrow();
  });
});
