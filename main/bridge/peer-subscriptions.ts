import {
  BRIDGE_ERROR_CODES,
  SubscribeRequest,
  UnsubscribeRequest,
  type BridgeReply,
} from '../../shared/ipc';
import type { Router } from './router';

/** A page has no business holding more; a leak shows up as a clear refusal, not slow main. */
export const MAX_SUBSCRIPTIONS_PER_PEER = 256;

export interface PeerSubscriptions {
  /** A subscribe request from this peer (ids are the peer's own); answers like a channel. */
  subscribe(request: unknown): BridgeReply;
  unsubscribe(request: unknown): void;
  /** The peer went away (socket closed, window destroyed or reloaded): drop everything. */
  close(): void;
}

/**
 * The scoped subscriptions of one peer — one window or one socket — so each host only says how
 * to deliver `(subscriptionId, payload)` to it, and nothing outlives the peer.
 */
export function createPeerSubscriptions(
  router: Pick<Router, 'subscribeScoped'>,
  deliver: (subscriptionId: number, payload: unknown) => void,
): PeerSubscriptions {
  const active = new Map<number, () => void>();
  const refuse = (message: string): BridgeReply => ({
    ok: false,
    error: { code: BRIDGE_ERROR_CODES.badMessage, message },
  });

  return {
    subscribe(request) {
      const parsed = SubscribeRequest.safeParse(request);
      if (!parsed.success) return refuse('The subscription request is not valid.');
      const { subscriptionId, event, scope } = parsed.data;
      if (active.has(subscriptionId))
        return refuse(`Subscription ${subscriptionId} is already in use on this connection.`);
      if (active.size >= MAX_SUBSCRIPTIONS_PER_PEER)
        return refuse(
          `This page already holds ${MAX_SUBSCRIPTIONS_PER_PEER} subscriptions; close some views first.`,
        );
      const result = router.subscribeScoped(event, scope, (payload) =>
        deliver(subscriptionId, payload),
      );
      if (!result.ok) return result;
      active.set(subscriptionId, result.unsubscribe);
      return { ok: true, response: { subscriptionId } };
    },
    unsubscribe(request) {
      const parsed = UnsubscribeRequest.safeParse(request);
      if (!parsed.success) return;
      active.get(parsed.data.subscriptionId)?.();
      active.delete(parsed.data.subscriptionId);
    },
    close() {
      for (const unsubscribe of active.values()) unsubscribe();
      active.clear();
    },
  };
}
