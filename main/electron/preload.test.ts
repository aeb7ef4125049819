import { beforeEach, describe, expect, it, vi } from 'vitest';
import { channelNames } from '../../shared/ipc';

const exposed: Record<string, unknown> = {};
const invoke = vi.fn(async (channel: string) => ({ ok: true, response: { channel } }));
const on = vi.fn();
const removeListener = vi.fn();

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => (exposed[key] = api) },
  ipcRenderer: { invoke, on, removeListener },
}));

interface ExposedBridge {
  invoke(channel: string, request: unknown): Promise<unknown>;
  on(event: string, listener: (payload: unknown) => void): () => void;
}

describe('preload', () => {
  beforeEach(async () => {
    await import('./preload');
  });

  it('exposes only invoke and on, as window.dialtone', () => {
    expect(Object.keys(exposed)).toEqual(['dialtone']);
    expect(Object.keys(exposed['dialtone'] as object).sort()).toEqual(['invoke', 'on']);
  });

  it('forwards contract channels and refuses any other string without touching IPC', async () => {
    const bridge = exposed['dialtone'] as ExposedBridge;
    for (const channel of channelNames) await bridge.invoke(channel, {});
    expect(invoke).toHaveBeenCalledTimes(channelNames.length);
    const refused = await bridge.invoke('shell:openExternal', { url: 'https://evil.example' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'BRIDGE_UNKNOWN_CHANNEL' } });
    expect(invoke).toHaveBeenCalledTimes(channelNames.length);
  });

  it('subscribes to contract events only, and hands the listener the payload alone', () => {
    const bridge = exposed['dialtone'] as ExposedBridge;
    const listener = vi.fn();
    const off = bridge.on('app:connectionChanged', listener);
    const wrapped = on.mock.calls[0]?.[1] as (event: unknown, payload: unknown) => void;
    wrapped({ sender: 'ipc-event-object' }, { kind: 'demo', platformUrl: 'x' });
    expect(listener).toHaveBeenCalledWith({ kind: 'demo', platformUrl: 'x' });
    off();
    expect(removeListener).toHaveBeenCalledWith('app:connectionChanged', wrapped);
    expect(() => bridge.on('ipc:anything', listener)).toThrow(/no bridge event/);
  });
});
