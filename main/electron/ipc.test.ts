import { describe, expect, it, vi } from 'vitest';
import { EventEmitter } from 'node:events';
import { BRIDGE_IPC, channelNames } from '../../shared/ipc';
import { probeScopedEvents } from '../../shared/ipc/test-support/probe-domain';
import { createRouter, type ChannelHandlers, type Router } from '../bridge/router';
import { registerBridgeIpc } from './ipc';

vi.mock('electron', () => ({}));

const RENDERER = 'file:///app/out/renderer/index.html';

function fakeIpcMain() {
  const handlers = new Map<string, (event: unknown, request: unknown) => unknown>();
  return {
    handlers,
    ipcMain: {
      handle: (channel: string, handler: (event: unknown, request: unknown) => unknown) =>
        handlers.set(channel, handler),
      removeHandler: (channel: string) => handlers.delete(channel),
    },
  };
}

const handlers = {
  'app:info': async () => ({
    name: 'Dialtone',
    version: '1.0.0',
    host: 'electron',
    connection: { kind: 'demo', platformUrl: 'http://127.0.0.1:9' },
  }),
  'sites:list': async () => ({ sites: [] }),
  'sites:get': async () => {
    throw new Error('not used');
  },
} as unknown as ChannelHandlers;

describe('Electron IPC registration', () => {
  it("registers exactly the contract channels, and the bridge's own subscribe/unsubscribe", () => {
    const fake = fakeIpcMain();
    registerBridgeIpc({
      ipcMain: fake.ipcMain as never,
      router: createRouter(handlers),
      rendererUrl: RENDERER,
      targets: () => [],
    });
    expect([...fake.handlers.keys()].sort()).toEqual(
      [...channelNames, BRIDGE_IPC.subscribe, BRIDGE_IPC.unsubscribe].sort(),
    );
  });

  it("answers the app's own frame and refuses any other sender", async () => {
    const fake = fakeIpcMain();
    registerBridgeIpc({
      ipcMain: fake.ipcMain as never,
      router: createRouter(handlers),
      rendererUrl: RENDERER,
      targets: () => [],
    });
    const handler = fake.handlers.get('sites:list')!;
    expect(await handler({ senderFrame: { url: RENDERER } }, {})).toEqual({
      ok: true,
      response: { sites: [] },
    });
    expect(await handler({ senderFrame: { url: 'https://evil.example/' } }, {})).toMatchObject({
      ok: false,
      error: { code: 'BRIDGE_UNTRUSTED_SENDER' },
    });
    expect(await handler({ senderFrame: null }, {})).toMatchObject({ ok: false });
  });

  it('validates requests through the router (bad payload: typed error)', async () => {
    const fake = fakeIpcMain();
    registerBridgeIpc({
      ipcMain: fake.ipcMain as never,
      router: createRouter(handlers),
      rendererUrl: RENDERER,
      targets: () => [],
    });
    expect(
      await fake.handlers.get('sites:get')!({ senderFrame: { url: RENDERER } }, { siteId: 5 }),
    ).toMatchObject({
      ok: false,
      error: { code: 'BRIDGE_INVALID_REQUEST' },
    });
  });

  it("pushes events only to the app's own, live windows and unregisters cleanly", () => {
    const fake = fakeIpcMain();
    const router = createRouter(handlers);
    const own = { isDestroyed: () => false, getURL: () => RENDERER, send: vi.fn() };
    const foreign = {
      isDestroyed: () => false,
      getURL: () => 'https://evil.example/',
      send: vi.fn(),
    };
    const gone = { isDestroyed: () => true, getURL: () => RENDERER, send: vi.fn() };
    const dispose = registerBridgeIpc({
      ipcMain: fake.ipcMain as never,
      // The probe table stands in for the contract's scoped events.
      router: router as unknown as Router,
      rendererUrl: RENDERER,
      targets: () => [own, foreign, gone] as never,
    });
    const payload = { kind: 'offline', platformUrl: 'http://x', reason: 'cable' } as const;
    router.emit('app:connectionChanged', payload);
    expect(own.send).toHaveBeenCalledWith('app:connectionChanged', payload);
    expect(foreign.send).not.toHaveBeenCalled();
    expect(gone.send).not.toHaveBeenCalled();
    dispose();
    expect(fake.handlers.size).toBe(0);
  });

  it('sends a scoped event only to the window that subscribed, until it reloads or is destroyed', async () => {
    const fake = fakeIpcMain();
    const router = createRouter(handlers, { scopedEvents: probeScopedEvents });
    const subscribed = fakeWindow();
    const bystander = fakeWindow();
    registerBridgeIpc({
      ipcMain: fake.ipcMain as never,
      // The probe table stands in for the contract's scoped events.
      router: router as unknown as Router,
      rendererUrl: RENDERER,
      targets: () => [subscribed, bystander] as never,
    });
    const subscribe = fake.handlers.get(BRIDGE_IPC.subscribe)!;
    const scope = { switchId: 'sw1', port: 'Gi1/0/7' };
    const request = { subscriptionId: 3, event: 'probe:link', scope };
    expect(await subscribe(subscribed.invokeEvent(), request)).toEqual({
      ok: true,
      response: { subscriptionId: 3 },
    });

    router.emitScoped('probe:link', scope, { up: true });
    expect(subscribed.send).toHaveBeenCalledWith(BRIDGE_IPC.scoped, 3, { up: true });
    expect(bystander.send).not.toHaveBeenCalled();

    // A reload (a new page in the same window) starts with no subscriptions.
    subscribed.emit('did-navigate');
    router.emitScoped('probe:link', scope, { up: false });
    expect(subscribed.send).toHaveBeenCalledTimes(1);
    expect(router.scopedSubscriberCount('probe:link', scope)).toBe(0);

    await subscribe(subscribed.invokeEvent(), { ...request, subscriptionId: 4 });
    expect(router.scopedSubscriberCount('probe:link', scope)).toBe(1);
    subscribed.emit('destroyed');
    expect(router.scopedSubscriberCount('probe:link', scope)).toBe(0);
  });

  it('refuses a subscription from a foreign frame and ends one on unsubscribe', async () => {
    const fake = fakeIpcMain();
    const router = createRouter(handlers, { scopedEvents: probeScopedEvents });
    registerBridgeIpc({
      ipcMain: fake.ipcMain as never,
      // The probe table stands in for the contract's scoped events.
      router: router as unknown as Router,
      rendererUrl: RENDERER,
      targets: () => [],
    });
    const window = fakeWindow();
    const scope = { sessionId: 's1' };
    const request = { subscriptionId: 1, event: 'probe:output', scope };
    const subscribe = fake.handlers.get(BRIDGE_IPC.subscribe)!;
    expect(
      await subscribe({ sender: window, senderFrame: { url: 'https://evil.example/' } }, request),
    ).toMatchObject({ ok: false, error: { code: 'BRIDGE_UNTRUSTED_SENDER' } });
    expect(router.scopedSubscriberCount('probe:output', scope)).toBe(0);
    await subscribe(window.invokeEvent(), request);
    expect(router.scopedSubscriberCount('probe:output', scope)).toBe(1);
    await fake.handlers.get(BRIDGE_IPC.unsubscribe)!(window.invokeEvent(), { subscriptionId: 1 });
    expect(router.scopedSubscriberCount('probe:output', scope)).toBe(0);
  });
});

/** A WebContents as far as the bridge uses one: events, a URL, send. */
function fakeWindow() {
  const window = Object.assign(new EventEmitter(), {
    isDestroyed: () => false,
    getURL: () => RENDERER,
    send: vi.fn(),
    invokeEvent: () => ({ sender: window, senderFrame: { url: RENDERER } }),
  });
  return window;
}
