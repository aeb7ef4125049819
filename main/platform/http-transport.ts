import http from 'node:http';
import https from 'node:https';

/**
 * The platform client's one way onto the wire: node:http(s) over a keep-alive agent.
 *
 * Why not `fetch`: a sync of 10,000 outbox entries is 10,000 small requests, and undici's
 * fetch spent about 0.8 ms of CPU on each (Request/Response objects, web streams copied for
 * redirects, AbortSignal.timeout's transferable signal) — four times the platform's own cost
 * of answering. This path builds no streams or signals: one write per request, one timer.
 *
 * Behaviour the client relies on: redirects are not followed (a 3xx comes back as the
 * answer, so the client reports it; the API token is never carried elsewhere), no
 * compression is asked for, and a request that has no whole answer within `timeoutMs`
 * fails with an error named `TimeoutError`, as `AbortSignal.timeout` made fetch fail.
 */

export interface HttpRequest {
  method: string;
  /** Absolute URL, `http:` or `https:`. */
  url: string;
  headers: Record<string, string>;
  body?: string;
  /** The whole exchange — connect, send, answer — must finish within this. */
  timeoutMs: number;
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

/** Idle sockets are closed after this, before a server's usual 5 s keep-alive closes them under us. */
const IDLE_SOCKET_MS = 4_000;

function timeoutError(url: string, timeoutMs: number): Error {
  const error = new Error(`No answer from ${url} within ${timeoutMs} ms.`);
  error.name = 'TimeoutError';
  return error;
}

function connectionClosedError(): Error {
  return Object.assign(new Error('The connection closed before the whole answer arrived.'), {
    code: 'ECONNRESET',
  });
}

/**
 * A transport with its own keep-alive agents (one per scheme), so the connections of one
 * platform client are reused across its requests and closed when idle.
 */
export function createHttpTransport(): HttpTransport {
  const agents = {
    'http:': new http.Agent({ keepAlive: true, timeout: IDLE_SOCKET_MS }),
    'https:': new https.Agent({ keepAlive: true, timeout: IDLE_SOCKET_MS }),
  };

  return (request) =>
    new Promise<HttpAnswer>((resolve, reject) => {
      const url = new URL(request.url);
      const secure = url.protocol === 'https:';
      if (!secure && url.protocol !== 'http:') {
        reject(new TypeError(`Only http and https URLs can be called, not ${url.protocol}`));
        return;
      }
      const headers: Record<string, string | number> = { ...request.headers };
      if (request.body !== undefined) headers['content-length'] = Buffer.byteLength(request.body);
      let settled = false;
      const fail = (error: Error) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        reject(error);
      };
      const options: http.RequestOptions = {
        agent: agents[secure ? 'https:' : 'http:'],
        protocol: url.protocol,
        hostname: url.hostname.replace(/^\[|\]$/g, ''),
        ...(url.port ? { port: Number(url.port) } : {}),
        path: `${url.pathname}${url.search}`,
        method: request.method,
        headers,
      };
      const req = (secure ? https : http).request(options, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('error', fail);
        res.on('aborted', () => fail(connectionClosedError()));
        res.on('close', () => {
          if (!res.complete) fail(connectionClosedError());
        });
        res.on('end', () => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          const responseHeaders = res.headers;
          resolve({
            status: res.statusCode ?? 0,
            header: (name) => {
              const value = responseHeaders[name];
              if (value === undefined) return null;
              return Array.isArray(value) ? value.join(', ') : value;
            },
            text,
          });
        });
      });
      // `fail` only runs from the request's events, always after this line.
      const timer = setTimeout(() => {
        const error = timeoutError(request.url, request.timeoutMs);
        fail(error);
        req.destroy(error);
      }, request.timeoutMs);
      req.on('error', fail);
      req.end(request.body);
    });
}
