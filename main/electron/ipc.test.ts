import { describe, expect, it, vi } from 'vitest';
import { channelNames } from '../../shared/ipc';
import { createRouter, type ChannelHandlers } from '../bridge/router';
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
  it('registers exactly the contract channels', () => {
    const fake = fakeIpcMain();
    registerBridgeIpc({
      ipcMain: fake.ipcMain as never,
      router: createRouter(handlers),
      rendererUrl: RENDERER,
      targets: () => [],
    });
    expect([...fake.handlers.keys()].sort()).toEqual([...channelNames].sort());
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
      router,
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
});
