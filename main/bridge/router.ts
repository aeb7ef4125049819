import type { z } from 'zod';
import { describeIssues } from './describe-issues';
import { CodedError } from '../../shared/errors';
import {
  BRIDGE_ERROR_CODES,
  channels,
  events,
  isChannelName,
  scopedEvents,
  type BridgeDomain,
  type BridgeReply,
  type ChannelSpec,
  type Channels,
  type EventName,
  type EventPayloadOf,
  type ScopedEvents,
  type RequestOf,
} from '../../shared/ipc';
import {
  createScopedEventHub,
  type Schedule,
  type ScopedEventTable,
  type ScopedSubscribeResult,
} from './scoped-events';

/** A handler for each channel of a table: request as the contract parses it, answer as it checks it. */
export type HandlersFor<Cs extends Record<string, ChannelSpec>> = {
  [C in keyof Cs]: (request: z.output<Cs[C]['request']>) => Promise<z.output<Cs[C]['response']>>;
};

/** The handlers of one domain's channels, named by the contract (never by hand). */
export type DomainHandlers<D extends BridgeDomain> = HandlersFor<D['channels']>;

/** A handler for every channel of the contract. */
export type ChannelHandlers = HandlersFor<Channels>;

export type EventListener = (event: EventName, payload: unknown) => void;

export interface Router<S extends ScopedEventTable = ScopedEvents> {
  /** Validates, runs and answers one request. Never throws. */
  dispatch(channel: unknown, request: unknown): Promise<BridgeReply>;
  /** Pushes an event to every connected renderer, after checking it against the contract. */
  emit<E extends EventName>(event: E, payload: EventPayloadOf<E>): void;
  /** Broadcast events, for a host to pass on to every window or socket. */
  subscribe(listener: EventListener): () => void;
  /**
   * Pushes a scoped event to the subscriptions of exactly `scope` (coalesced when the contract
   * says so), after checking it against the contract. Nobody subscribed: nothing is sent.
   */
  emitScoped<E extends keyof S & string>(
    event: E,
    scope: z.input<S[E]['scope']>,
    payload: z.output<S[E]['payload']>,
  ): void;
  /** One subscription of one window or socket (hosts keep them per peer: ./peer-subscriptions). */
  subscribeScoped(
    event: unknown,
    scope: unknown,
    deliver: (payload: unknown) => void,
  ): ScopedSubscribeResult;
  /** How many subscriptions an emit of this scope would reach. */
  scopedSubscriberCount<E extends keyof S & string>(
    event: E,
    scope: z.input<S[E]['scope']>,
  ): number;
}

export interface RouterOptions<S extends ScopedEventTable = ScopedEvents> {
  /** Called for failures that are bugs rather than bad input (a handler threw a non-coded error). */
  onInternalError?: (channel: string, error: unknown) => void;
  /** The scoped events served (default: the contract's); tests pass their own. */
  scopedEvents?: S;
  /** Timer used to coalesce stream events (default: setTimeout). */
  schedule?: Schedule;
}

export function createRouter<S extends ScopedEventTable = ScopedEvents>(
  handlers: ChannelHandlers,
  options: RouterOptions<S> = {},
): Router<S> {
  const listeners = new Set<EventListener>();
  const scoped = createScopedEventHub(options.scopedEvents ?? scopedEvents, options.schedule);

  async function dispatch(channel: unknown, request: unknown): Promise<BridgeReply> {
    if (!isChannelName(channel)) {
      return {
        ok: false,
        error: {
          code: BRIDGE_ERROR_CODES.unknownChannel,
          message: `There is no bridge channel named ${JSON.stringify(channel)}.`,
        },
      };
    }
    const spec = channels[channel];
    const parsed = spec.request.safeParse(request ?? {});
    if (!parsed.success) {
      return {
        ok: false,
        error: {
          code: BRIDGE_ERROR_CODES.invalidRequest,
          message: `The request to ${channel} was not valid: ${describeIssues(parsed.error)}.`,
          detail: parsed.error.issues,
        },
      };
    }
    try {
      const handler = handlers[channel] as (req: unknown) => Promise<unknown>;
      const response = await handler(parsed.data);
      const checked = spec.response.safeParse(response);
      if (!checked.success) {
        options.onInternalError?.(channel, checked.error);
        return {
          ok: false,
          error: {
            code: BRIDGE_ERROR_CODES.invalidResponse,
            message: `Dialtone produced an answer to ${channel} that does not match its contract: ${describeIssues(checked.error)}.`,
          },
        };
      }
      return { ok: true, response: checked.data };
    } catch (error) {
      if (error instanceof CodedError) return { ok: false, error: error.toPayload() };
      options.onInternalError?.(channel, error);
      const message = error instanceof Error ? error.message : String(error);
      return {
        ok: false,
        error: {
          code: BRIDGE_ERROR_CODES.internal,
          message: `${channel} failed unexpectedly: ${message}`,
        },
      };
    }
  }

  return {
    dispatch,
    emit(event, payload) {
      const valid = events[event].parse(payload);
      for (const listener of listeners) listener(event, valid);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    emitScoped(event, scope, payload) {
      scoped.emit(event, scope, payload);
    },
    subscribeScoped: scoped.subscribe,
    scopedSubscriberCount: scoped.subscriberCount,
  };
}

export type { RequestOf };
