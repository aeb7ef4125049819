import { Client, type Dispatcher } from 'undici';

/**
 * The platform client's one way onto the wire: undici's `dispatch` over keep-alive connections.
 *
 * Why not `fetch` (which is undici too): a sync of 10,000 outbox entries is 10,000 small
 * requests, and fetch spent about 0.8 ms of CPU on each (Request/Response objects, web
 * streams, the body copied in case of a redirect, AbortSignal.timeout's transferable
 * signal) — four times the platform's own cost of answering. `dispatch` is undici's own
 * engine without those layers: no streams, no AbortController, one timer per request.
 *
 * Connections: each origin keeps the keep-alive connections it opened (one undici Client
 * each, one request at a time) and reuses the most recently freed. A connection that failed
 * in any way is closed and forgotten; a `freshConnection` request opens a new one, which
 * then stays for the requests after it. So a dropped connection costs one new connection
 * (the retry's), not two (a one-shot one for the retry, then a replacement in the pool):
 * under the sync bench's 30% faults that was half the client's connects and most of its
 * system time.
 *
 * Behaviour the client relies on: redirects are not followed (a 3xx comes back as the
 * answer, so the client reports it; the API token is never carried elsewhere), no
 * compression is asked for, and a request that has no whole answer within `timeoutMs`
 * fails with an error named `TimeoutError` at that moment (as `AbortSignal.timeout` made
 * fetch fail), even while still connecting. Connection failures carry the same codes
 * fetch's did (ECONNREFUSED, UND_ERR_SOCKET, UND_ERR_CONNECT_TIMEOUT, …).
 */

export interface HttpRequest {
  method: string;
  /** Absolute URL, `http:` or `https:`. */
  url: string;
  headers: Record<string, string>;
  body?: string;
  /** The whole exchange — connect, send, answer — must finish within this. */
  timeoutMs: number;
  /**
   * Send on a new connection of its own (closed after the answer), not a pooled keep-alive
   * one: for the retry of a request whose pooled connection was dropped under it.
   */
  freshConnection?: boolean;
}

export interface HttpAnswer {
  status: number;
  /** A response header by its lower-case name, or null. */
  header(name: string): string | null;
  /** The body as UTF-8 text. */
  text: string;
}

/** Sends one request; rejects only when no whole answer came (the platform's errors are answers). */
export type HttpTransport = (request: HttpRequest) => Promise<HttpAnswer>;

/** Idle connections are closed after this, before a server's usual 5 s keep-alive closes them under us. */
const IDLE_CONNECTION_MS = 4_000;

function timeoutError(url: string, timeoutMs: number): Error {
  const error = new Error(`No answer from ${url} within ${timeoutMs} ms.`);
  error.name = 'TimeoutError';
  return error;
}

/**
 * A transport with its own keep-alive connections, reused across its requests (per origin)
 * and closed when idle.
 */
export function createHttpTransport(): HttpTransport {
  /** Per origin, the connections not in use now; the last freed is taken first. */
  const idle = new Map<string, Client[]>();
  const connectionFor = (origin: string, fresh: boolean): Client => {
    const free = fresh ? undefined : idle.get(origin)?.pop();
    return free ?? new Client(origin, { keepAliveTimeout: IDLE_CONNECTION_MS, pipelining: 1 });
  };
  const release = (origin: string, connection: Client): void => {
    const free = idle.get(origin);
    if (free) free.push(connection);
    else idle.set(origin, [connection]);
  };
  /** Each origin checked once (scheme, no credentials), not each request's whole URL parsed. */
  const origins = new Map<string, string>();
  const originOf = (text: string): string => {
    let origin = origins.get(text);
    if (origin === undefined) {
      const url = new URL(text);
      if (url.protocol !== 'https:' && url.protocol !== 'http:')
        throw new TypeError(`Only http and https URLs can be called, not ${url.protocol}`);
      if (url.username || url.password)
        throw new TypeError('A platform URL cannot carry a user name or password.');
      origin = url.origin;
      origins.set(text, origin);
    }
    return origin;
  };

  return (request) =>
    new Promise<HttpAnswer>((resolve, reject) => {
      // `scheme://authority` ends at the first `/` after `//`; the rest is the request target.
      const { url } = request;
      const slash = url.indexOf('/', url.indexOf('//') + 2);
      const authority = slash === -1 ? url : url.slice(0, slash);
      const path = slash === -1 ? '/' : url.slice(slash);
      let origin: string;
      try {
        origin = originOf(authority);
      } catch (error) {
        reject(error as Error);
        return;
      }
      let settled = false;
      let timedOut: Error | null = null;
      let controller: Dispatcher.DispatchController | null = null;
      let status = 0;
      let headers: Record<string, string | string[] | undefined> = {};
      const chunks: Buffer[] = [];
      // A connection no earlier request used, when asked; else a free one, or a new one.
      const connection = connectionFor(origin, request.freshConnection === true);
      const fail = (error: Error) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        // Whatever went wrong, this connection is not used again.
        void connection.destroy().catch(() => undefined);
        reject(error);
      };
      const timer = setTimeout(() => {
        timedOut = timeoutError(request.url, request.timeoutMs);
        controller?.abort(timedOut);
        fail(timedOut);
      }, request.timeoutMs);
      connection.dispatch(
        {
          origin,
          path,
          method: request.method as Dispatcher.HttpMethod,
          headers: request.headers,
          body: request.body ?? null,
        },
        {
          onRequestStart(started) {
            // Written to a connection only now: a deadline that passed meanwhile ends it here.
            if (timedOut) started.abort(timedOut);
            else controller = started;
          },
          onResponseStart(_controller, statusCode, responseHeaders) {
            status = statusCode;
            headers = responseHeaders;
          },
          onResponseData(_controller, chunk) {
            chunks.push(chunk);
          },
          onResponseEnd() {
            if (settled) return;
            settled = true;
            clearTimeout(timer);
            release(origin, connection);
            const text =
              chunks.length === 1
                ? chunks[0]!.toString('utf8')
                : Buffer.concat(chunks).toString('utf8');
            resolve({
              status,
              header: (name) => {
                const value = headers[name];
                if (value === undefined) return null;
                return Array.isArray(value) ? value.join(', ') : value;
              },
              text,
            });
          },
          onResponseError(_controller, error) {
            fail(error);
          },
        },
      );
    });
}
