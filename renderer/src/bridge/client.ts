import {
  channels,
  events,
  type BridgeErrorPayload,
  type ChannelName,
  type DialtoneBridge,
  type EventName,
  type EventPayloadOf,
  type RequestOf,
  type ResponseOf,
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
}

/** Types the raw bridge from the contract, and checks what comes back before screens see it. */
export function createBridgeClient(bridge: DialtoneBridge): BridgeClient {
  return {
    async invoke(channel, request) {
      const reply = await bridge.invoke(channel, request);
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
  };
}
