import { describeIssues } from './describe-issues';
import {
  BRIDGE_ERROR_CODES,
  type BridgeErrorPayload,
  type ScopedEventSpec,
} from '../../shared/ipc';

export type ScopedEventTable = Record<string, ScopedEventSpec>;

/** Runs `run` after `ms`; returns a cancel. Injected so tests coalesce without a clock. */
export type Schedule = (run: () => void, ms: number) => () => void;

export const timerSchedule: Schedule = (run, ms) => {
  const timer = setTimeout(run, ms);
  return () => clearTimeout(timer);
};

export type ScopedSubscribeResult =
  { ok: true; unsubscribe: () => void } | { ok: false; error: BridgeErrorPayload };

export interface ScopedEventHub {
  /** Checks the event name and the scope against the contract; never throws. */
  subscribe(
    event: unknown,
    scope: unknown,
    deliver: (payload: unknown) => void,
  ): ScopedSubscribeResult;
  /** Delivers to the subscriptions of exactly this scope (throws if event, scope or payload break the contract). */
  emit(event: string, scope: unknown, payload: unknown): void;
  /** How many subscriptions would receive an emit of this scope (say, to watch a link only while shown). */
  subscriberCount(event: string, scope: unknown): number;
}

/** A scope's identity: the parsed value with its keys sorted, so `{a,b}` and `{b,a}` match. */
function scopeKey(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  );
}

interface Subscription {
  deliver(payload: unknown): void;
  pending: { payload: unknown; cancel: () => void } | null;
}

/**
 * Scoped events: each goes only to the subscriptions whose scope equals the one it was emitted
 * with. Stream events (`coalesce` in the contract) are merged per subscription, so a slow
 * window gets one delivery per window of time instead of one per chunk.
 */
export function createScopedEventHub(
  table: ScopedEventTable,
  schedule: Schedule = timerSchedule,
): ScopedEventHub {
  /** event → scope key → subscriptions */
  const subscriptions = new Map<string, Map<string, Set<Subscription>>>();

  function flush(subscription: Subscription) {
    const pending = subscription.pending;
    if (!pending) return;
    subscription.pending = null;
    subscription.deliver(pending.payload);
  }

  return {
    subscribe(event, scope, deliver) {
      if (typeof event !== 'string' || !Object.hasOwn(table, event)) {
        return {
          ok: false,
          error: {
            code: BRIDGE_ERROR_CODES.unknownChannel,
            message: `There is no scoped bridge event named ${JSON.stringify(event)}.`,
          },
        };
      }
      const parsed = table[event]!.scope.safeParse(scope);
      if (!parsed.success) {
        return {
          ok: false,
          error: {
            code: BRIDGE_ERROR_CODES.invalidRequest,
            message: `The subscription to ${event} was not valid: ${describeIssues(parsed.error, '(scope)')}.`,
            detail: parsed.error.issues,
          },
        };
      }
      const key = scopeKey(parsed.data);
      const byScope = subscriptions.get(event) ?? new Map<string, Set<Subscription>>();
      subscriptions.set(event, byScope);
      const set = byScope.get(key) ?? new Set<Subscription>();
      byScope.set(key, set);
      const subscription: Subscription = { deliver, pending: null };
      set.add(subscription);
      return {
        ok: true,
        unsubscribe() {
          subscription.pending?.cancel();
          subscription.pending = null;
          set.delete(subscription);
          if (set.size === 0) byScope.delete(key);
          if (byScope.size === 0) subscriptions.delete(event);
        },
      };
    },

    emit(event, scope, payload) {
      const spec = table[event];
      if (!spec) throw new Error(`There is no scoped bridge event named ${event}.`);
      const key = scopeKey(spec.scope.parse(scope));
      const set = subscriptions.get(event)?.get(key);
      if (!set || set.size === 0) return;
      const valid: unknown = spec.payload.parse(payload);
      for (const subscription of set) {
        const coalesce = spec.coalesce;
        if (!coalesce) {
          subscription.deliver(valid);
        } else if (subscription.pending) {
          subscription.pending.payload = coalesce.merge(subscription.pending.payload, valid);
        } else {
          subscription.pending = {
            payload: valid,
            cancel: schedule(() => flush(subscription), coalesce.windowMs),
          };
        }
      }
    },

    subscriberCount(event, scope) {
      const spec = table[event];
      if (!spec) return 0;
      const parsed = spec.scope.safeParse(scope);
      return parsed.success ? (subscriptions.get(event)?.get(scopeKey(parsed.data))?.size ?? 0) : 0;
    },
  };
}
