import { z } from 'zod';
import { BridgeReply } from './errors';

/** Frames of the browser host's WebSocket: the same requests and replies as Electron IPC. */

export const ClientFrame = z.object({
  type: z.literal('request'),
  id: z.number().int().nonnegative(),
  channel: z.string(),
  request: z.unknown(),
});
export type ClientFrame = z.infer<typeof ClientFrame>;

export const ServerFrame = z.discriminatedUnion('type', [
  z.object({ type: z.literal('reply'), id: z.number().int().nonnegative(), reply: BridgeReply }),
  z.object({ type: z.literal('event'), event: z.string(), payload: z.unknown() }),
]);
export type ServerFrame = z.infer<typeof ServerFrame>;

/** Path of the bridge socket on the browser host. */
export const BRIDGE_SOCKET_PATH = '/bridge';
