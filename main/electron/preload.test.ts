import { beforeEach, describe, expect, it, vi } from 'vitest';
import { BRIDGE_IPC, channelNames, type BridgeSubscription } from '../../shared/ipc';

const exposed: Record<string, unknown> = {};
const invoke = vi.fn(async (channel: string, request?: unknown): Promise<unknown> => ({
  ok: true,
  response: { channel, request },
}));
const on = vi.fn();
const removeListener = vi.fn();

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => (exposed[key] = api) },
  ipcRenderer: { invoke, on, removeListener },
}));

interface ExposedBridge {
  invoke(channel: string, request: unknown): Promise<unknown>;
  on(event: string, listener: (payload: unknown) => void): () => void;
  subscribe(
    event: string,
    scope: unknown,
    listener: (payload: unknown) => void,
  ): BridgeSubscription;
}

describe('preload', () => {
  beforeEach(async () => {
    await import('./preload');
  });

  it('exposes only invoke, on and subscribe, as window.dialtone', () => {
    expect(Object.keys(exposed)).toEqual(['dialtone']);
    expect(Object.keys(exposed['dialtone'] as object).sort()).toEqual([
      'invoke',
      'on',
      'subscribe',
    ]);
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

  it("asks main for a scoped event on the bridge's own channel and hands its deliveries to that listener only", async () => {
    const bridge = exposed['dialtone'] as ExposedBridge;
    const first = vi.fn();
    const second = vi.fn();
    invoke.mockClear();
    on.mockClear();
    const one = bridge.subscribe('console:output', { sessionId: 's1' }, first);
    const two = bridge.subscribe('console:output', { sessionId: 's2' }, second);
    await Promise.all([one.ready, two.ready]);
    const asked = invoke.mock.calls.map(([channel, request]) => [channel, request]);
    expect(asked).toEqual([
      [
        BRIDGE_IPC.subscribe,
        { subscriptionId: expect.any(Number), event: 'console:output', scope: { sessionId: 's1' } },
      ],
      [
        BRIDGE_IPC.subscribe,
        { subscriptionId: expect.any(Number), event: 'console:output', scope: { sessionId: 's2' } },
      ],
    ]);
    const firstId = (asked[0]![1] as { subscriptionId: number }).subscriptionId;
    const scopedCall = on.mock.calls.find(([channel]) => channel === BRIDGE_IPC.scoped);
    const deliver = scopedCall?.[1] as (event: unknown, id: unknown, payload: unknown) => void;
    deliver({}, firstId, { data: 'sw1#' });
    expect(first).toHaveBeenCalledWith({ data: 'sw1#' });
    expect(second).not.toHaveBeenCalled();

    one.unsubscribe();
    one.unsubscribe();
    expect(invoke).toHaveBeenLastCalledWith(BRIDGE_IPC.unsubscribe, { subscriptionId: firstId });
    expect(
      invoke.mock.calls.filter(([channel]) => channel === BRIDGE_IPC.unsubscribe),
    ).toHaveLength(1);
    deliver({}, firstId, { data: 'late' });
    expect(first).toHaveBeenCalledTimes(1);
  });

  it('forgets a listener whose subscription main refused', async () => {
    const bridge = exposed['dialtone'] as ExposedBridge;
    const listener = vi.fn();
    invoke.mockImplementationOnce(async () => ({
      ok: false,
      error: { code: 'BRIDGE_UNKNOWN_CHANNEL', message: 'no such event' },
    }));
    const refused = bridge.subscribe('console:nothing', {}, listener);
    expect(await refused.ready).toMatchObject({ ok: false });
    invoke.mockClear();
    refused.unsubscribe();
    expect(invoke).not.toHaveBeenCalled();
  });
});
