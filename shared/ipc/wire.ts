import { z } from 'zod';
import { BridgeReply } from './errors';

/** Frames of the browser host's WebSocket: the same requests, replies and events as Electron IPC. */

const FrameId = z.number().int().nonnegative();

/** Asks main for one scoped event; the page picks `subscriptionId` (unique on its connection). */
export const SubscribeRequest = z
  .object({ subscriptionId: FrameId, event: z.string().min(1), scope: z.unknown() })
  .strict();
export type SubscribeRequest = z.infer<typeof SubscribeRequest>;

export const UnsubscribeRequest = z.object({ subscriptionId: FrameId }).strict();
export type UnsubscribeRequest = z.infer<typeof UnsubscribeRequest>;

export const ClientFrame = z.discriminatedUnion('type', [
  z.object({ type: z.literal('request'), id: FrameId, channel: z.string(), request: z.unknown() }),
  /** Answered with a `reply` frame of the same id. */
  SubscribeRequest.extend({ type: z.literal('subscribe'), id: FrameId }),
  UnsubscribeRequest.extend({ type: z.literal('unsubscribe') }),
]);
export type ClientFrame = z.infer<typeof ClientFrame>;

export const ServerFrame = z.discriminatedUnion('type', [
  z.object({ type: z.literal('reply'), id: FrameId, reply: BridgeReply }),
  z.object({ type: z.literal('event'), event: z.string(), payload: z.unknown() }),
  /** One (possibly coalesced) delivery of a scoped event to the subscription that asked for it. */
  z.object({ type: z.literal('scoped'), subscriptionId: FrameId, payload: z.unknown() }),
]);
export type ServerFrame = z.infer<typeof ServerFrame>;

/** Path of the bridge socket on the browser host. */
export const BRIDGE_SOCKET_PATH = '/bridge';

/** Electron IPC names the bridge itself uses for scoped events (no domain may be called `bridge`). */
export const BRIDGE_IPC = {
  subscribe: 'bridge:subscribe',
  unsubscribe: 'bridge:unsubscribe',
  /** main → page: `(subscriptionId, payload)`. */
  scoped: 'bridge:scoped',
} as const;
