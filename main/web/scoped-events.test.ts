import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ServerFrame } from '../../shared/ipc';
import { probeScopedEvents } from '../../shared/ipc/test-support/probe-domain';
import { createRouter, type ChannelHandlers, type Router } from '../bridge/router';
import { startBrowserHost, type BrowserHost } from './server';
import { ask, framesUntil, opened, socketWithToken } from './test-support/bridge-socket';

const router = createRouter({} as ChannelHandlers, { scopedEvents: probeScopedEvents });
let host: BrowserHost;

beforeAll(async () => {
  const rendererDir = mkdtempSync(join(tmpdir(), 'dialtone-renderer-'));
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><div id="root"></div>');
  // The probe table stands in for the contract's scoped events.
  host = await startBrowserHost({ router: router as unknown as Router, rendererDir });
});
afterAll(async () => {
  await host?.close();
});

async function connected() {
  const ws = socketWithToken(host);
  await opened(ws);
  return ws;
}

const marker = { kind: 'offline', platformUrl: 'http://marker', reason: 'marker' } as const;
const isMarker = (frame: ServerFrame) => frame.type === 'event';

describe('scoped events on the browser host', () => {
  it('go only to the socket that subscribed; the other socket receives nothing', async () => {
    const subscribed = await connected();
    const bystander = await connected();
    const reply = await ask(subscribed, {
      type: 'subscribe',
      id: 1,
      subscriptionId: 5,
      event: 'probe:link',
      scope: { switchId: 'sw1', port: 'Gi1/0/3' },
    });
    expect(reply).toMatchObject({ type: 'reply', id: 1, reply: { ok: true } });

    const onSubscribed = framesUntil(subscribed, isMarker);
    const onBystander = framesUntil(bystander, isMarker);
    router.emitScoped('probe:link', { switchId: 'sw1', port: 'Gi1/0/3' }, { up: true });
    router.emitScoped('probe:link', { switchId: 'sw1', port: 'Gi1/0/4' }, { up: true });
    // A broadcast after the scoped ones: each socket gets frames in order, so anything scoped
    // sent to the bystander would arrive before this.
    router.emit('app:connectionChanged', marker);

    expect(await onSubscribed).toEqual([
      { type: 'scoped', subscriptionId: 5, payload: { up: true } },
      { type: 'event', event: 'app:connectionChanged', payload: marker },
    ]);
    expect(await onBystander).toEqual([
      { type: 'event', event: 'app:connectionChanged', payload: marker },
    ]);
    subscribed.close();
    bystander.close();
  });

  it('coalesces a stream: chunks emitted together arrive as one frame', async () => {
    const ws = await connected();
    await ask(ws, {
      type: 'subscribe',
      id: 2,
      subscriptionId: 1,
      event: 'probe:output',
      scope: { sessionId: 's1' },
    });
    const frames = framesUntil(ws, (frame) => frame.type === 'scoped');
    for (const data of ['sw1#', 'show ', 'vlan'])
      router.emitScoped('probe:output', { sessionId: 's1' }, { data });
    expect(await frames).toEqual([
      { type: 'scoped', subscriptionId: 1, payload: { data: 'sw1#show vlan' } },
    ]);
    ws.close();
  });

  it('refuses an unknown event, a bad scope and a reused id; ends subscriptions on unsubscribe and close', async () => {
    const ws = await connected();
    const scope = { sessionId: 's9' };
    expect(
      await ask(ws, { type: 'subscribe', id: 3, subscriptionId: 1, event: 'probe:x', scope }),
    ).toMatchObject({ reply: { ok: false, error: { code: 'BRIDGE_UNKNOWN_CHANNEL' } } });
    expect(
      await ask(ws, {
        type: 'subscribe',
        id: 4,
        subscriptionId: 1,
        event: 'probe:output',
        scope: { sessionId: 7 },
      }),
    ).toMatchObject({ reply: { ok: false, error: { code: 'BRIDGE_INVALID_REQUEST' } } });
    const subscribe = { type: 'subscribe', subscriptionId: 1, event: 'probe:output', scope };
    expect(await ask(ws, { ...subscribe, id: 5 })).toMatchObject({ reply: { ok: true } });
    expect(await ask(ws, { ...subscribe, id: 6 })).toMatchObject({
      reply: { ok: false, error: { code: 'BRIDGE_BAD_MESSAGE' } },
    });
    expect(router.scopedSubscriberCount('probe:output', scope)).toBe(1);

    ws.send(JSON.stringify({ type: 'unsubscribe', subscriptionId: 1 }));
    expect(await ask(ws, { ...subscribe, subscriptionId: 2, id: 7 })).toMatchObject({
      reply: { ok: true },
    });
    // The unsubscribe frame was handled before the next request (frames are in order).
    expect(router.scopedSubscriberCount('probe:output', scope)).toBe(1);

    ws.close();
    await vi.waitFor(() => expect(router.scopedSubscriberCount('probe:output', scope)).toBe(0), {
      timeout: 10_000,
    });
  });
});
