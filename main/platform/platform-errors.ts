import { CodedError } from '../../shared/errors';
import { HTTP_WIRE_CODES } from './http-transport';

/**
 * How the client reports failures. Every error is a CodedError whose `detail` says whether a
 * retry (with the same Idempotency-Key) is sensible and whether a mutation may have happened.
 */
export interface PlatformErrorDetail {
  /** HTTP status, when the platform answered. */
  status?: number;
  /** The RFC 9457 problem the platform sent, when it sent one. */
  problem?: unknown;
  /** A retry may succeed (network trouble, 429, 5xx). */
  retryable: boolean;
  /** A mutation may or may not have taken effect (the answer was lost): retry with the same key. */
  outcomeUnknown: boolean;
  /** From `Retry-After` on a 429 or 503. */
  retryAfterSeconds?: number;
  /**
   * An established connection was reset or closed by the peer before the whole answer came
   * (not refused, not a timeout, not an HTTP error): most often a stale keep-alive socket.
   */
  connectionDropped?: boolean;
  /** The network error's code (ECONNREFUSED, …), for the log and support; never shown as the reason. */
  networkCode?: string;
}

/**
 * A CodedError for a failure that is an answer, not a bug (a 5xx, a 429, a dropped
 * connection): made without capturing a stack. A sync under faults makes thousands, each
 * stack (with its async frames) cost more than the rest of handling the failure, and no one
 * reads it: the code, message and detail say what happened; where is always this file.
 */
function expectedFailure(code: string, message: string, detail: PlatformErrorDetail): CodedError {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return new CodedError(code, message, detail);
  } finally {
    Error.stackTraceLimit = limit;
  }
}

export const PLATFORM_ERROR_CODES = {
  unauthorized: 'PLATFORM_UNAUTHORIZED',
  unreachable: 'PLATFORM_UNREACHABLE',
  tls: 'PLATFORM_TLS_ERROR',
  timeout: 'PLATFORM_TIMEOUT',
  connectionLost: 'PLATFORM_CONNECTION_LOST',
  badResponse: 'PLATFORM_BAD_RESPONSE',
  invalidRequest: 'PLATFORM_INVALID_REQUEST',
} as const;

/** Problem code `POOL_EXHAUSTED` arrives as `PLATFORM_POOL_EXHAUSTED`. */
export function platformCode(problemCode: string): string {
  return `PLATFORM_${problemCode}`;
}

const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  'EADDRNOTAVAIL',
]);

/** Why a connection could not be made, as the engineer reads it (the code stays in the detail). */
const UNREACHABLE_WORDS: Record<string, string> = {
  ECONNREFUSED:
    'nothing answers at that address, so the platform is stopped or the address is wrong',
  ENOTFOUND: 'its name cannot be looked up, so the laptop has no network or the address is wrong',
  EAI_AGAIN: 'its name cannot be looked up, so the laptop has no network or the address is wrong',
  EHOSTUNREACH: 'the network has no way through to it',
  ENETUNREACH: 'the network has no way through to it',
  EADDRNOTAVAIL: 'the laptop has no network address to reach it from',
};

/** A connection that was up and then reset or closed under the request. */
const DROPPED_CODES = new Set<string>([
  HTTP_WIRE_CODES.closed,
  'ECONNRESET',
  'EPIPE',
  'ECONNABORTED',
]);

function causeCode(error: unknown): string {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current; depth += 1) {
    // A name with IPv6 and IPv4 addresses (localhost) fails as one AggregateError whose code
    // is the first attempt's: the one that says most is read (refused beats no route or timeout).
    if (current instanceof AggregateError && current.errors.length > 0) {
      const attempts = current.errors as { code?: unknown }[];
      current = attempts.find((e) => e.code === 'ECONNREFUSED') ?? attempts.at(-1);
      continue;
    }
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return '';
}

function causeMessage(error: unknown): string {
  const cause = (error as { cause?: unknown }).cause;
  if (cause instanceof Error) return cause.message;
  return error instanceof Error ? error.message : String(error);
}

function isTlsFailure(code: string, message: string): boolean {
  return (
    /CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER|HOSTNAME_MISMATCH/.test(code) ||
    /certificate|SSL routines|TLS/i.test(message)
  );
}

/** Classifies a failed exchange (no HTTP answer) for the engineer and for retry logic. */
export function networkFailure(error: unknown, baseUrl: string, isMutation: boolean): CodedError {
  const code = causeCode(error);
  const message = causeMessage(error);
  if ((error as { name?: string }).name === 'TimeoutError')
    return expectedFailure(
      PLATFORM_ERROR_CODES.timeout,
      `The platform at ${baseUrl} did not answer in time. Check the network, or work offline; pending changes are retried.`,
      { retryable: true, outcomeUnknown: isMutation } satisfies PlatformErrorDetail,
    );
  if (isTlsFailure(code, message))
    return expectedFailure(
      PLATFORM_ERROR_CODES.tls,
      `The secure connection to ${baseUrl} failed (${code || message}). The platform's certificate is not trusted: check the URL, or ask IT about a proxy that intercepts HTTPS.`,
      { retryable: false, outcomeUnknown: false } satisfies PlatformErrorDetail,
    );
  if (code === HTTP_WIRE_CODES.badAnswer)
    return expectedFailure(
      PLATFORM_ERROR_CODES.badResponse,
      `The platform at ${baseUrl} answered in a way Dialtone cannot read. ${message}${isMutation ? ' The change may or may not have been made; sending it again is safe, as the platform makes it only once.' : ''}`,
      {
        retryable: true,
        outcomeUnknown: isMutation,
        networkCode: code,
      } satisfies PlatformErrorDetail,
    );
  if (UNREACHABLE_CODES.has(code))
    return expectedFailure(
      PLATFORM_ERROR_CODES.unreachable,
      `The platform at ${baseUrl} cannot be reached: ${UNREACHABLE_WORDS[code]}. Check the network and the address, or work offline.`,
      { retryable: true, outcomeUnknown: false, networkCode: code } satisfies PlatformErrorDetail,
    );
  return expectedFailure(
    PLATFORM_ERROR_CODES.connectionLost,
    `The connection to ${baseUrl} was ${DROPPED_CODES.has(code) ? 'closed' : 'lost'} before the platform answered.${isMutation ? ' The change may or may not have been made; sending it again is safe, as the platform makes it only once.' : ''}`,
    {
      retryable: true,
      outcomeUnknown: isMutation,
      ...(DROPPED_CODES.has(code) ? { connectionDropped: true } : {}),
      networkCode: code || message,
    } satisfies PlatformErrorDetail,
  );
}

interface ProblemBody {
  code?: unknown;
  detail?: unknown;
  title?: unknown;
}

/** Turns a non-2xx answer into a CodedError carrying the problem's code and message. */
export function problemFailure(
  status: number,
  body: unknown,
  text: string,
  baseUrl: string,
  retryAfter: string | null,
): CodedError {
  const p = (body ?? {}) as ProblemBody;
  const retryAfterSeconds =
    retryAfter !== null && /^\d+$/.test(retryAfter.trim()) ? Number(retryAfter) : undefined;
  const detail: PlatformErrorDetail = {
    status,
    problem: body,
    retryable: status === 429 || status >= 500,
    outcomeUnknown: false,
    ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }),
  };
  if (status === 401)
    return expectedFailure(
      PLATFORM_ERROR_CODES.unauthorized,
      `The platform at ${baseUrl} refused the API token (401). Check the token in Settings.`,
      detail,
    );
  const code = typeof p.code === 'string' && p.code ? p.code : `HTTP_${status}`;
  const said =
    typeof p.detail === 'string'
      ? p.detail
      : typeof p.title === 'string'
        ? p.title
        : text.slice(0, 200) || `HTTP ${status}`;
  return expectedFailure(platformCode(code), said, detail);
}
