import type {
  BridgeReply,
  ChannelName,
  DialtoneBridge,
  EventName,
  EventPayloadOf,
  RequestOf,
  ResponseOf,
} from '../../../shared/ipc';

type Handler<C extends ChannelName> = (
  request: RequestOf<C>,
) => ResponseOf<C> | Promise<ResponseOf<C>>;
export type FakeHandlers = { [C in ChannelName]?: Handler<C> };

/** A handler's way to fail as main does: a code and a message the engineer reads. */
export class FakeBridgeFailure extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly detail?: unknown,
  ) {
    super(message);
  }
}

/**
 * A DialtoneBridge in memory: each channel answers from the test's handler (a channel with
 * none fails as main does for a missing handler), and the test pushes events with `emit`.
 * Wrap it in createBridgeClient so answers are checked against the contract as in the app.
 */
export function createFakeBridge(handlers: FakeHandlers) {
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  const calls: { channel: ChannelName; request: unknown }[] = [];
  const scoped = new Set<{ event: string; scope: string; listener: (payload: unknown) => void }>();

  const bridge: DialtoneBridge = {
    async invoke(channel, request): Promise<BridgeReply> {
      calls.push({ channel, request });
      const handler = handlers[channel] as Handler<ChannelName> | undefined;
      if (!handler) {
        return {
          ok: false,
          error: { code: 'FAKE_NO_HANDLER', message: `The test gave no answer for ${channel}.` },
        };
      }
      try {
        return { ok: true, response: await handler(request as never) };
      } catch (error) {
        const code = error instanceof FakeBridgeFailure ? error.code : 'INTERNAL_ERROR';
        const detail = error instanceof FakeBridgeFailure ? error.detail : undefined;
        return {
          ok: false,
          error: { code, message: (error as Error).message, ...(detail ? { detail } : {}) },
        };
      }
    },
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
      return () => set.delete(listener);
    },
    subscribe(event, scope, listener) {
      const entry = { event, scope: JSON.stringify(scope), listener };
      scoped.add(entry);
      return {
        ready: Promise.resolve({ ok: true, response: {} }),
        unsubscribe: () => void scoped.delete(entry),
      };
    },
  };

  return {
    bridge,
    calls,
    /** The calls made on one channel, in order. */
    callsTo: (channel: ChannelName) => calls.filter((c) => c.channel === channel),
    emit<E extends EventName>(event: E, payload: EventPayloadOf<E>) {
      for (const listener of listeners.get(event) ?? []) listener(payload);
    },
    listenerCount: (event: EventName) => listeners.get(event)?.size ?? 0,
    /** Pushes a scoped event to the subscriptions made with this very scope. */
    emitScoped(event: string, scope: unknown, payload: unknown) {
      for (const entry of scoped)
        if (entry.event === event && entry.scope === JSON.stringify(scope)) entry.listener(payload);
    },
    subscriptionCount: (event: string) => [...scoped].filter((e) => e.event === event).length,
  };
}
