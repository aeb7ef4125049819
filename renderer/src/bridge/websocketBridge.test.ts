import { describe, expect, it } from 'vitest';
import { createBridgeClient, BridgeError } from './client';
import { createWebSocketBridge } from './websocketBridge';

/** Sockets the bridge opened, in order; each records what the page sent and lets the test answer. */
function fakeSockets() {
  const sockets: FakeSocket[] = [];
  class FakeSocket extends EventTarget {
    readonly sent: Array<Record<string, unknown>> = [];
    constructor(readonly url: string) {
      super();
      sockets.push(this);
      queueMicrotask(() => this.dispatchEvent(new Event('open')));
    }
    send(data: string) {
      this.sent.push(JSON.parse(data) as Record<string, unknown>);
    }
    receive(frame: unknown) {
      this.dispatchEvent(new MessageEvent('message', { data: JSON.stringify(frame) }));
    }
    /** Answers the last frame of this type the page sent. */
    answer(type: string, reply: unknown) {
      const frame = this.sent.filter((f) => f.type === type).at(-1)!;
      this.receive({ type: 'reply', id: frame['id'], reply });
    }
    drop() {
      this.dispatchEvent(new Event('close'));
    }
  }
  return { sockets, WebSocketImpl: FakeSocket as unknown as typeof WebSocket };
}

const location = { protocol: 'http:', host: '127.0.0.1:5000' } as Location;
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('browser bridge: scoped events', () => {
  it('subscribes over the socket, delivers only its own subscription, and unsubscribes', async () => {
    const { sockets, WebSocketImpl } = fakeSockets();
    const bridge = createWebSocketBridge(location, WebSocketImpl);
    const seen: unknown[] = [];
    const subscription = bridge.subscribe('probe:link', { port: 'Gi1/0/1' }, (p) => seen.push(p));
    await flush();
    const socket = sockets[0]!;
    const frame = socket.sent[0]!;
    expect(frame).toMatchObject({
      type: 'subscribe',
      event: 'probe:link',
      scope: { port: 'Gi1/0/1' },
    });
    socket.answer('subscribe', { ok: true, response: { subscriptionId: frame['subscriptionId'] } });
    expect(await subscription.ready).toMatchObject({ ok: true });

    socket.receive({
      type: 'scoped',
      subscriptionId: frame['subscriptionId'],
      payload: { up: true },
    });
    socket.receive({ type: 'scoped', subscriptionId: 999, payload: { up: false } });
    expect(seen).toEqual([{ up: true }]);

    subscription.unsubscribe();
    await flush();
    expect(socket.sent.at(-1)).toEqual({
      type: 'unsubscribe',
      subscriptionId: frame['subscriptionId'],
    });
    socket.receive({
      type: 'scoped',
      subscriptionId: frame['subscriptionId'],
      payload: { up: false },
    });
    expect(seen).toEqual([{ up: true }]);
  });

  it('renews accepted subscriptions on a new socket after the old one closed', async () => {
    const { sockets, WebSocketImpl } = fakeSockets();
    const bridge = createWebSocketBridge(location, WebSocketImpl);
    const seen: unknown[] = [];
    const subscription = bridge.subscribe('probe:output', { sessionId: 's1' }, (p) => seen.push(p));
    await flush();
    sockets[0]!.answer('subscribe', { ok: true, response: {} });
    await subscription.ready;
    sockets[0]!.drop();

    const call = bridge.invoke('app:info', {});
    await flush();
    const renewed = sockets[1]!.sent.find((f) => f.type === 'subscribe');
    expect(renewed).toMatchObject({ event: 'probe:output', scope: { sessionId: 's1' } });
    sockets[1]!.answer('request', { ok: true, response: {} });
    await call;
    sockets[1]!.receive({
      type: 'scoped',
      subscriptionId: renewed!['subscriptionId'],
      payload: { data: 'x' },
    });
    expect(seen).toEqual([{ data: 'x' }]);
  });

  it('the typed client rejects a refused subscription with the code main gave', async () => {
    const { sockets, WebSocketImpl } = fakeSockets();
    const client = createBridgeClient(createWebSocketBridge(location, WebSocketImpl));
    const subscribing = (
      client.subscribe as (e: string, s: unknown, l: () => void) => Promise<() => void>
    )('probe:nothing', {}, () => undefined);
    await flush();
    sockets[0]!.answer('subscribe', {
      ok: false,
      error: {
        code: 'BRIDGE_UNKNOWN_CHANNEL',
        message: 'There is no scoped bridge event named probe:nothing.',
      },
    });
    await expect(subscribing).rejects.toBeInstanceOf(BridgeError);
    await expect(subscribing).rejects.toMatchObject({ code: 'BRIDGE_UNKNOWN_CHANNEL' });
  });
});
