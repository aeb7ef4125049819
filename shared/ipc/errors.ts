import { z } from 'zod';

/** Every failure that crosses the bridge is one of these: a code for code, a message for people. */
export const BridgeErrorPayload = z.object({
  code: z.string().min(1),
  message: z.string().min(1),
  detail: z.unknown().optional(),
});
export type BridgeErrorPayload = z.infer<typeof BridgeErrorPayload>;

export const BRIDGE_ERROR_CODES = {
  unknownChannel: 'BRIDGE_UNKNOWN_CHANNEL',
  invalidRequest: 'BRIDGE_INVALID_REQUEST',
  invalidResponse: 'BRIDGE_INVALID_RESPONSE',
  badMessage: 'BRIDGE_BAD_MESSAGE',
  disconnected: 'BRIDGE_DISCONNECTED',
  internal: 'INTERNAL_ERROR',
} as const;

export const BridgeReply = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), response: z.unknown() }),
  z.object({ ok: z.literal(false), error: BridgeErrorPayload }),
]);
export type BridgeReply = z.infer<typeof BridgeReply>;
