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
      // A connection no earlier request used, when asked; else a free one, or a new one.
      const connection = connectionFor(origin, request.freshConnection === true);
      const exchange = new Exchange(request, origin, connection, release, resolve, reject);
      connection.dispatch(
        {
          origin,
          path,
          method: request.method as Dispatcher.HttpMethod,
          headers: request.headers,
          body: request.body ?? null,
        },
        exchange,
      );
    });
}

/**
 * One request on one connection: its undici handler, its deadline and, once it has come,
 * its answer. One object per request, its methods shared, rather than a closure for each
 * callback of each request (sync sends ten thousand).
 */
class Exchange implements Dispatcher.DispatchHandler, HttpAnswer {
  status = 0;
  text = '';
  private headers: Record<string, string | string[] | undefined> = {};
  private chunks: Buffer[] = [];
  private settled = false;
  private timedOut: Error | null = null;
  private controller: Dispatcher.DispatchController | null = null;
  private readonly timer: ReturnType<typeof setTimeout>;

  constructor(
    private readonly request: HttpRequest,
    private readonly origin: string,
    private readonly connection: Client,
    private readonly release: (origin: string, connection: Client) => void,
    private readonly resolve: (answer: HttpAnswer) => void,
    private readonly reject: (error: Error) => void,
  ) {
    this.timer = setTimeout(() => this.timeOut(), request.timeoutMs);
  }

  header(name: string): string | null {
    const value = this.headers[name];
    if (value === undefined) return null;
    return Array.isArray(value) ? value.join(', ') : value;
  }

  private timeOut(): void {
    this.timedOut = timeoutError(this.request.url, this.request.timeoutMs);
    this.controller?.abort(this.timedOut);
    this.fail(this.timedOut);
  }

  private fail(error: Error): void {
    if (this.settled) return;
    this.settled = true;
    clearTimeout(this.timer);
    // Whatever went wrong, this connection is not used again. Destroyed with the error in
    // hand: without one, undici makes (and captures a stack for) a ClientDestroyedError.
    void this.connection.destroy(error).catch(() => undefined);
    this.reject(error);
  }

  onRequestStart(controller: Dispatcher.DispatchController): void {
    // Written to a connection only now: a deadline that passed meanwhile ends it here.
    if (this.timedOut) controller.abort(this.timedOut);
    else this.controller = controller;
  }

  onResponseStart(
    _controller: Dispatcher.DispatchController,
    statusCode: number,
    headers: Record<string, string | string[] | undefined>,
  ): void {
    this.status = statusCode;
    this.headers = headers;
  }

  onResponseData(_controller: Dispatcher.DispatchController, chunk: Buffer): void {
    this.chunks.push(chunk);
  }

  onResponseEnd(): void {
    if (this.settled) return;
    this.settled = true;
    clearTimeout(this.timer);
    this.release(this.origin, this.connection);
    const { chunks } = this;
    this.text =
      chunks.length === 1 ? chunks[0]!.toString('utf8') : Buffer.concat(chunks).toString('utf8');
    this.chunks = [];
    this.resolve(this);
  }

  onResponseError(_controller: Dispatcher.DispatchController, error: Error): void {
    this.fail(error);
  }
}
