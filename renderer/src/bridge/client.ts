import {
  channels,
  events,
  scopedEvents,
  type BridgeErrorPayload,
  type ChannelName,
  type DialtoneBridge,
  type EventName,
  type EventPayloadOf,
  type RequestOf,
  type ResponseOf,
  type ScopeOf,
  type ScopedEventSpec,
  type ScopedEventName,
  type ScopedPayloadOf,
} from '../../../shared/ipc';

/** A failed bridge call, with the code main gave it and a message for the engineer. */
export class BridgeError extends Error {
  readonly code: string;
  readonly detail: unknown;

  constructor(payload: BridgeErrorPayload) {
    super(payload.message);
    this.name = 'BridgeError';
    this.code = payload.code;
    this.detail = payload.detail;
  }
}

export interface BridgeClient {
  invoke<C extends ChannelName>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayloadOf<E>) => void): () => void;
  /**
   * A scoped event for this page only (a console's bytes for one session): resolves with the
   * unsubscribe once main accepted, rejects with a BridgeError if it refused.
   */
  subscribe<E extends ScopedEventName>(
    event: E,
    scope: ScopeOf<E>,
    listener: (payload: ScopedPayloadOf<E>) => void,
  ): Promise<() => void>;
}

/**
 * A user-timing mark when main's answer to `channel` arrives, before it is checked and shown,
 * so a benchmark can time a screen from its data's arrival (bench/numbers-step.ts). Only the
 * latest of each channel is kept, so a long session does not pile them up.
 */
function markReply(channel: ChannelName): void {
  if (typeof performance === 'undefined' || typeof performance.mark !== 'function') return;
  const name = `${BRIDGE_REPLY_MARK}${channel}`;
  performance.clearMarks(name);
  performance.mark(name);
}

/** The prefix of the user-timing mark made as each reply arrives (then the channel's name). */
export const BRIDGE_REPLY_MARK = 'dialtone:reply:';

/** Types the raw bridge from the contract, and checks what comes back before screens see it. */
export function createBridgeClient(bridge: DialtoneBridge): BridgeClient {
  return {
    async invoke(channel, request) {
      const reply = await bridge.invoke(channel, request);
      markReply(channel);
      if (!reply.ok) throw new BridgeError(reply.error);
      const parsed = channels[channel].response.safeParse(reply.response);
      if (!parsed.success) {
        throw new BridgeError({
          code: 'BRIDGE_INVALID_RESPONSE',
          message: `The answer to ${channel} did not match the contract.`,
        });
      }
      return parsed.data as ResponseOf<typeof channel>;
    },
    on(event, listener) {
      return bridge.on(event, (payload) => {
        const parsed = events[event].safeParse(payload);
        if (parsed.success) listener(parsed.data as EventPayloadOf<typeof event>);
      });
    },
    async subscribe(event, scope, listener) {
      // Indexed as a table: the contract may declare no scoped event at all.
      const spec = (scopedEvents as Record<string, ScopedEventSpec>)[event];
      const subscription = bridge.subscribe(event, scope, (payload) => {
        const parsed = spec?.payload.safeParse(payload);
        if (parsed?.success) listener(parsed.data as ScopedPayloadOf<typeof event>);
      });
      const reply = await subscription.ready;
      if (!reply.ok) throw new BridgeError(reply.error);
      return () => subscription.unsubscribe();
    },
  };
}
