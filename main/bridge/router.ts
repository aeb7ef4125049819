import type { z } from 'zod';
import { CodedError } from '../../shared/errors';
import {
  BRIDGE_ERROR_CODES,
  channels,
  events,
  isChannelName,
  type BridgeDomain,
  type BridgeReply,
  type ChannelSpec,
  type Channels,
  type EventName,
  type EventPayloadOf,
  type RequestOf,
} from '../../shared/ipc';

/** A handler for each channel of a table: request as the contract parses it, answer as it checks it. */
export type HandlersFor<Cs extends Record<string, ChannelSpec>> = {
  [C in keyof Cs]: (request: z.output<Cs[C]['request']>) => Promise<z.output<Cs[C]['response']>>;
};

/** The handlers of one domain's channels, named by the contract (never by hand). */
export type DomainHandlers<D extends BridgeDomain> = HandlersFor<D['channels']>;

/** A handler for every channel of the contract. */
export type ChannelHandlers = HandlersFor<Channels>;

export type EventListener = (event: EventName, payload: unknown) => void;

export interface Router {
  /** Validates, runs and answers one request. Never throws. */
  dispatch(channel: unknown, request: unknown): Promise<BridgeReply>;
  /** Pushes an event to every connected renderer, after checking it against the contract. */
  emit<E extends EventName>(event: E, payload: EventPayloadOf<E>): void;
  subscribe(listener: EventListener): () => void;
}

export interface RouterOptions {
  /** Called for failures that are bugs rather than bad input (a handler threw a non-coded error). */
  onInternalError?: (channel: string, error: unknown) => void;
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .map(
      (issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(request)'}: ${issue.message}`,
    )
    .join('; ');
}

export function createRouter(handlers: ChannelHandlers, options: RouterOptions = {}): Router {
  const listeners = new Set<EventListener>();

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
  };
}

export type { RequestOf };
