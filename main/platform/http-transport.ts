import { connect as connectTcp, type Socket } from 'node:net';
import { connect as connectTls, createSecureContext, type SecureContext } from 'node:tls';

/**
 * The platform client's one way onto the wire: HTTP/1.1 over Node's own sockets (`node:net`,
 * `node:tls`), with keep-alive connections. Written here rather than taken from a library
 * because of what a sync costs: 10,000 outbox entries are 15,000 small requests under faults,
 * and DESIGN.md holds Dialtone's CPU for them to no more than the platform's.
 *
 * - `fetch` spent about 0.8 ms of CPU per request (Request/Response objects, web streams,
 *   AbortSignal.timeout): four times the platform's own cost of answering.
 * - undici's `dispatch` (the engine under fetch, without those layers) took 61–76 µs a
 *   request on loopback, and more on each dropped connection (a Client object, an error
 *   with a stack, a WebAssembly parser): with 30% faults it was more than half of
 *   Dialtone's CPU, which came to 1.2–1.3× the platform's.
 * - `node:http`'s client took 118–147 µs a request; this transport takes 39 µs.
 *
 * What one request needs is small, and all of it is here: one write (head and body
 * together), an answer framed by Content-Length, chunked encoding or the connection's end
 * (RFC 9112 §6), interim 1xx answers skipped, HEAD/204/304 without a body, keep-alive
 * unless the platform says `close` (or speaks HTTP/1.0 without asking for it). Bytes come
 * through one reused buffer (`onread`), not a stream. Anything this
 * does not understand is a failed exchange with a code, never a guess.
 *
 * Connections: each origin keeps the keep-alive connections it opened, one request at a
 * time each, and reuses the most recently freed. A connection that failed in any way, or
 * carried an answer it cannot be sure ended cleanly, is closed and forgotten; a
 * `freshConnection` request opens a new one, which then stays for the requests after it,
 * so a dropped connection costs one new connection (the retry's), not two. Idle ones are
 * closed after IDLE_CONNECTION_MS and never keep the process alive.
 *
 * Behaviour the client relies on: redirects are not followed (a 3xx comes back as the
 * answer; the API token is never carried elsewhere), no compression is asked for, and a
 * request without a whole answer within `timeoutMs` fails with an error named
 * `TimeoutError` at that moment, even while still connecting. Failures carry Node's socket
 * codes (ECONNREFUSED, ECONNRESET, EPIPE, the TLS ones) or one of HTTP_WIRE_CODES.
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
   * Send on a new connection, not a pooled keep-alive one (it is pooled after the answer):
   * for the retry of a request whose pooled connection was dropped under it.
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

/** The codes of this transport's own failures (the rest are Node's socket and TLS codes). */
export const HTTP_WIRE_CODES = {
  /** The platform closed the connection before the whole answer came. */
  closed: 'HTTP_CONNECTION_CLOSED',
  /** What came back is not an HTTP/1.1 answer this transport can read whole. */
  badAnswer: 'HTTP_BAD_ANSWER',
} as const;

/** Idle connections are closed after this, before a server's usual 5 s keep-alive closes them under us. */
const IDLE_CONNECTION_MS = 4_000;
/** An answer's status line and headers larger than this are not the platform's. */
const MAX_HEAD_BYTES = 64 * 1024;
/** Nor is a body larger than this (the largest, a big site's snapshot, is about 1 MB). */
const MAX_BODY_BYTES = 64 * 1024 * 1024;
/** A chunk-size or trailer line longer than this is not one. */
const MAX_LINE_BYTES = 8 * 1024;
/** Bytes plain connections read into: one buffer for all of a transport's, reused for every read. */
const READ_BUFFER_BYTES = 64 * 1024;

const END_OF_HEAD = Buffer.from('\r\n\r\n');
const STATUS_LINE = /^HTTP\/1\.([01]) ([1-9][0-9][0-9])(?: [^\r\n]*)?$/;
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const TARGET = /^\/[\x21-\x7e]*$/;
/** Set by the transport itself, so a caller's own would contradict it. */
const OWN_HEADERS = new Set(['host', 'content-length', 'transfer-encoding', 'connection']);

/**
 * A failure of the exchange: Error with a `code`, made without a stack (thousands of
 * dropped connections under faults; the code says what happened, and where is always here).
 */
function wireError(code: string, message: string, name = 'Error'): Error {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    const error = Object.assign(new Error(message), { code });
    error.name = name;
    return error;
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/** Where requests for one `scheme://authority` go, and its idle connections. */
interface Origin {
  secure: boolean;
  /** For connecting: a name or an address (IPv6 without its brackets). */
  host: string;
  port: number;
  /** `Host:` as the URL wrote it. */
  hostHeader: string;
  /** Free connections, the most recently freed last. */
  idle: Connection[];
}

export interface HttpTransportOptions {
  /** Idle connections are closed after this (default IDLE_CONNECTION_MS). */
  idleMs?: number;
  /** Certificates to trust instead of Node's bundled CAs (PEM), for an https platform. */
  ca?: string;
}

/**
 * A transport with its own keep-alive connections, reused across its requests (per origin)
 * and closed when idle.
 */
export function createHttpTransport(options: HttpTransportOptions = {}): HttpTransport {
  const idleMs = options.idleMs ?? IDLE_CONNECTION_MS;
  const open: ConnectionOptions = {
    // Parsed once, not for each connection.
    secureContext: options.ca === undefined ? undefined : createSecureContext({ ca: options.ca }),
    onIdle: () => scheduleSweep(),
    // Safe to share: each read's bytes are handled (and what is kept copied) before the next read.
    readBuffer: Buffer.allocUnsafe(READ_BUFFER_BYTES),
  };
  const origins = new Map<string, Origin>();
  /** Each `scheme://authority` checked once (scheme, no credentials), not each request's whole URL. */
  const originOf = (authority: string): Origin => {
    let origin = origins.get(authority);
    if (origin === undefined) {
      const url = new URL(authority);
      if (url.protocol !== 'https:' && url.protocol !== 'http:')
        throw new TypeError(`Only http and https URLs can be called, not ${url.protocol}`);
      if (url.username || url.password)
        throw new TypeError('A platform URL cannot carry a user name or password.');
      const secure = url.protocol === 'https:';
      origin = {
        secure,
        host: url.hostname.replace(/^\[(.*)\]$/, '$1'),
        port: url.port === '' ? (secure ? 443 : 80) : Number(url.port),
        hostHeader: url.host,
        idle: [],
      };
      origins.set(authority, origin);
    }
    return origin;
  };

  let sweep: ReturnType<typeof setTimeout> | null = null;
  /** Closes connections idle for IDLE_CONNECTION_MS; runs while any are idle. */
  const sweepIdle = (): void => {
    sweep = null;
    const now = performance.now();
    let left = 0;
    for (const origin of origins.values()) {
      const stale = origin.idle.filter((c) => now - c.idleSince >= idleMs);
      for (const connection of stale) connection.close();
      left += origin.idle.length;
    }
    if (left > 0) scheduleSweep();
  };
  const scheduleSweep = (): void => {
    if (sweep !== null) return;
    sweep = setTimeout(sweepIdle, idleMs);
    sweep.unref();
  };

  const take = (origin: Origin, fresh: boolean): Connection => {
    if (!fresh) {
      const now = performance.now();
      for (let free = origin.idle.pop(); free; free = origin.idle.pop()) {
        if (now - free.idleSince < idleMs) return free;
        free.close();
      }
    }
    return new Connection(origin, open);
  };

  return (request) =>
    new Promise<HttpAnswer>((resolve, reject) => {
      let origin: Origin;
      let head: string;
      try {
        // `scheme://authority` ends at the first `/` after `//`; the rest is the request target.
        const { url } = request;
        const slash = url.indexOf('/', url.indexOf('//') + 2);
        origin = originOf(slash === -1 ? url : url.slice(0, slash));
        head = requestHead(request, slash === -1 ? '/' : url.slice(slash), origin.hostHeader);
      } catch (error) {
        reject(error as Error);
        return;
      }
      const connection = take(origin, request.freshConnection === true);
      connection.send(new Exchange(request, resolve, reject), head);
    });
}

/** The request's head and body as one string, or a TypeError for what HTTP cannot carry. */
function requestHead(request: HttpRequest, target: string, hostHeader: string): string {
  const { method, headers, body } = request;
  if (!TOKEN.test(method)) throw new TypeError(`"${method}" is not an HTTP method.`);
  if (!TARGET.test(target))
    throw new TypeError(`The request path ${JSON.stringify(target)} cannot be sent as it is.`);
  let text = `${method} ${target} HTTP/1.1\r\nhost: ${hostHeader}\r\n`;
  for (const name of Object.keys(headers)) {
    const value = headers[name]!;
    if (!TOKEN.test(name) || /[\r\n\0]/.test(value) || OWN_HEADERS.has(name.toLowerCase()))
      throw new TypeError(`The header ${JSON.stringify(name)} cannot be sent.`);
    text += `${name}: ${value}\r\n`;
  }
  if (body !== undefined) return `${text}content-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
  // A POST or PUT without a body still says so, or some servers wait for one.
  return method === 'POST' || method === 'PUT' || method === 'PATCH'
    ? `${text}content-length: 0\r\n\r\n`
    : `${text}\r\n`;
}

interface ConnectionOptions {
  secureContext: SecureContext | undefined;
  readBuffer: Buffer;
  /** Told each time a connection becomes idle. */
  onIdle(): void;
}

/** One keep-alive connection: carries one exchange at a time, then waits in its origin's idle list. */
class Connection {
  /** When it last became free (performance.now()). */
  idleSince = 0;
  private readonly socket: Socket;
  private exchange: Exchange | null = null;
  /** The platform ended it, or it failed: not used again. */
  private closed = false;
  /** Over TLS, whether the handshake is done. */
  private secured = false;

  constructor(
    private readonly origin: Origin,
    private readonly options: ConnectionOptions,
  ) {
    const { host, port } = origin;
    if (origin.secure) {
      // A name is sent for the certificate to match (SNI); an address is matched as it is.
      const servername = /^[\d.]+$|:/.test(host) ? undefined : host;
      this.socket = connectTls({
        host,
        port,
        ...(servername ? { servername } : {}),
        ...(options.secureContext === undefined ? {} : { secureContext: options.secureContext }),
      });
      this.socket.setNoDelay(true);
      this.socket.once('secureConnect', () => (this.secured = true));
      this.socket.on('data', (chunk: Buffer) => this.bytes(chunk, chunk.length));
    } else {
      const buffer = options.readBuffer;
      this.socket = connectTcp({
        host,
        port,
        noDelay: true,
        onread: { buffer, callback: (length) => this.bytes(buffer, length) },
      });
    }
    this.socket.on('end', () => this.ended());
    this.socket.on('close', () => this.ended());
    this.socket.on('error', (error) => this.failed(error));
  }

  send(exchange: Exchange, head: string): void {
    this.exchange = exchange;
    exchange.start(this);
    this.socket.ref();
    this.socket.write(head);
  }

  /** Its exchange ended with the whole answer; `reusable` if nothing makes the connection doubtful. */
  finished(reusable: boolean): void {
    this.exchange = null;
    // Answered before its request was all written (an early 4xx to a large body): the rest
    // would reach the server as the start of the next request.
    if (!reusable || this.closed || this.socket.writableLength > 0) {
      this.close();
      return;
    }
    this.socket.unref();
    this.idleSince = performance.now();
    this.origin.idle.push(this);
    this.options.onIdle();
  }

  /** Ends the connection (an exchange on it has failed, or it idled too long). */
  close(): void {
    this.closed = true;
    if (!this.socket.destroyed) this.socket.destroy();
    this.forget();
  }

  private forget(): void {
    const at = this.origin.idle.indexOf(this);
    if (at !== -1) this.origin.idle.splice(at, 1);
  }

  private bytes(buffer: Buffer, length: number): boolean {
    if (this.exchange) this.exchange.bytes(buffer, length);
    // Bytes nobody asked for (while idle): whatever they are, this connection is not trusted again.
    else this.close();
    return true;
  }

  private ended(): void {
    this.closed = true;
    this.forget();
    // Closed during the handshake: a TLS failure, as Node itself reports it just after.
    if (this.origin.secure && !this.secured)
      this.exchange?.fail(
        wireError(
          'ERR_TLS_CLOSED_IN_HANDSHAKE',
          'The connection was closed before a secure TLS connection was made.',
        ),
      );
    else this.exchange?.ended();
  }

  private failed(error: Error): void {
    this.closed = true;
    this.forget();
    this.exchange?.fail(error);
  }
}

const enum Phase {
  Head,
  Length,
  ChunkSize,
  ChunkData,
  ChunkEnd,
  Trailers,
  UntilClose,
  Done,
}

/**
 * One request's answer as it arrives: the head, then the body as the head frames it. The
 * answer itself (status, headers, text) once whole. One object per request, its methods
 * shared, rather than closures for each callback of each request (sync sends thousands).
 */
class Exchange implements HttpAnswer {
  status = 0;
  text = '';
  private headers: Record<string, string> = {};
  private phase = Phase.Head;
  /** Bytes of an unfinished head or line, kept from an earlier read. */
  private pending: Buffer | null = null;
  private body: Buffer[] = [];
  private bodyBytes = 0;
  /** Body bytes (or chunk bytes) still to come. */
  private remaining = 0;
  private reusable = true;
  private settled = false;
  private connection: Connection | null = null;
  private readonly timer: ReturnType<typeof setTimeout>;

  constructor(
    private readonly request: HttpRequest,
    private readonly resolve: (answer: HttpAnswer) => void,
    private readonly reject: (error: Error) => void,
  ) {
    this.timer = setTimeout(() => this.timeOut(), request.timeoutMs);
  }

  header(name: string): string | null {
    return this.headers[name] ?? null;
  }

  start(connection: Connection): void {
    this.connection = connection;
  }

  /** Reads `length` bytes of `buffer` (reused by the caller afterwards: what is kept is copied). */
  bytes(buffer: Buffer, length: number): void {
    let bytes = buffer.length === length ? buffer : buffer.subarray(0, length);
    if (this.pending) {
      bytes = Buffer.concat([this.pending, bytes]);
      this.pending = null;
    }
    let at = 0;
    const end = bytes.length;
    while (!this.settled && (at < end || this.phase === Phase.Done)) {
      switch (this.phase) {
        case Phase.Head: {
          const stop = bytes.indexOf(END_OF_HEAD, at);
          if (stop === -1 || stop - at > MAX_HEAD_BYTES) {
            if (end - at > MAX_HEAD_BYTES) return this.bad('its headers are too large');
            return this.keep(bytes, at);
          }
          this.head(bytes.toString('latin1', at, stop));
          at = stop + 4;
          break;
        }
        case Phase.Length:
        case Phase.ChunkData: {
          const take = Math.min(this.remaining, end - at);
          this.addBody(bytes, at, at + take);
          at += take;
          this.remaining -= take;
          if (this.remaining === 0)
            this.phase = this.phase === Phase.Length ? Phase.Done : Phase.ChunkEnd;
          break;
        }
        case Phase.ChunkEnd: {
          if (end - at < 2) return this.keep(bytes, at);
          if (bytes[at] !== 13 || bytes[at + 1] !== 10) return this.bad('a chunk does not end');
          at += 2;
          this.phase = Phase.ChunkSize;
          break;
        }
        case Phase.ChunkSize:
        case Phase.Trailers: {
          const stop = bytes.indexOf('\r\n', at, 'latin1');
          if (stop === -1) {
            if (end - at > MAX_LINE_BYTES) return this.bad('a chunk line is too long');
            return this.keep(bytes, at);
          }
          const line = bytes.toString('latin1', at, stop);
          at = stop + 2;
          if (this.phase === Phase.Trailers) {
            if (line === '') this.phase = Phase.Done;
            break;
          }
          const size = /^([0-9A-Fa-f]{1,8})[ \t]*(?:;.*)?$/.exec(line);
          if (!size) return this.bad(`"${line.slice(0, 40)}" is not a chunk size`);
          this.remaining = parseInt(size[1]!, 16);
          if (this.bodyBytes + this.remaining > MAX_BODY_BYTES)
            return this.bad('its body is too large');
          this.phase = this.remaining === 0 ? Phase.Trailers : Phase.ChunkData;
          break;
        }
        case Phase.UntilClose:
          this.addBody(bytes, at, end);
          at = end;
          break;
        case Phase.Done:
          // Anything after the answer was not asked for: the connection is not used again.
          return this.finish(at === end);
      }
    }
  }

  /** The platform closed the connection: the end of an answer framed by it, else a failure. */
  ended(): void {
    if (this.settled) return;
    if (this.phase === Phase.UntilClose) {
      this.finish(false);
      return;
    }
    this.fail(
      wireError(HTTP_WIRE_CODES.closed, 'The connection was closed before the whole answer came.'),
    );
  }

  fail(error: Error): void {
    if (this.settled) return;
    this.settled = true;
    clearTimeout(this.timer);
    this.body = [];
    this.connection?.close();
    this.reject(error);
  }

  private timeOut(): void {
    const { url, timeoutMs } = this.request;
    this.fail(
      wireError('ETIMEDOUT', `No answer from ${url} within ${timeoutMs} ms.`, 'TimeoutError'),
    );
  }

  private bad(what: string): void {
    this.fail(wireError(HTTP_WIRE_CODES.badAnswer, `The answer is not readable HTTP: ${what}.`));
  }

  private keep(bytes: Buffer, from: number): void {
    this.pending = Buffer.from(bytes.subarray(from));
  }

  private addBody(bytes: Buffer, from: number, to: number): void {
    if (to === from) return;
    this.bodyBytes += to - from;
    if (this.bodyBytes > MAX_BODY_BYTES) return this.bad('its body is too large');
    // The common answer arrives whole in one read: decoded at once, nothing copied.
    if (this.body.length === 0 && this.phase === Phase.Length && this.remaining === to - from) {
      this.text = bytes.toString('utf8', from, to);
      return;
    }
    this.body.push(Buffer.from(bytes.subarray(from, to)));
  }

  /** The status line and headers; how the body is framed follows from them (RFC 9112 §6.3). */
  private head(text: string): void {
    const lines = text.split('\r\n');
    const status = STATUS_LINE.exec(lines[0]!);
    if (!status) return this.bad(`"${lines[0]!.slice(0, 40)}" is not a status line`);
    const headers = Object.create(null) as Record<string, string>;
    for (let i = 1; i < lines.length; i++) {
      const line = lines[i]!;
      const colon = line.indexOf(':');
      const name = colon > 0 ? line.slice(0, colon).toLowerCase() : '';
      // No name, or one with spaces or a folded line: not a header this can read for sure.
      if (!TOKEN.test(name)) return this.bad(`"${line.slice(0, 40)}" is not a header`);
      const value = line.slice(colon + 1).trim();
      const before = headers[name];
      headers[name] = before === undefined ? value : `${before}, ${value}`;
    }
    const code = Number(status[2]);
    // An interim answer (100 Continue, 103 Early Hints): the real one follows.
    if (code < 200 && code !== 101) return;
    if (code === 101) return this.bad('the platform switched protocols');
    this.status = code;
    this.headers = headers;
    const connection = headers['connection']?.toLowerCase() ?? '';
    this.reusable =
      status[1] === '1' ? !/(^|,)\s*close\s*(,|$)/.test(connection) : /keep-alive/.test(connection);

    if (this.request.method === 'HEAD' || code === 204 || code === 304) {
      this.phase = Phase.Done;
      return;
    }
    const coding = headers['transfer-encoding'];
    const length = headers['content-length'];
    if (coding !== undefined) {
      // HTTP/1.0 has no transfer codings: an answer that says it uses one is not readable for sure.
      if (status[1] === '0') return this.bad('an HTTP/1.0 answer names a transfer coding');
      // Both framings at once may be a smuggling attempt: read by the coding, then not trusted again.
      if (length !== undefined) this.reusable = false;
      if (/(^|,)\s*chunked\s*$/i.test(coding)) this.phase = Phase.ChunkSize;
      else {
        this.phase = Phase.UntilClose;
        this.reusable = false;
      }
      return;
    }
    if (length !== undefined) {
      const values = new Set(length.split(',').map((v) => v.trim()));
      const [value] = values;
      if (values.size !== 1 || !/^\d{1,15}$/.test(value!))
        return this.bad(`"${length.slice(0, 40)}" is not a content length`);
      this.remaining = Number(value);
      if (this.remaining > MAX_BODY_BYTES) return this.bad('its body is too large');
      this.phase = this.remaining === 0 ? Phase.Done : Phase.Length;
      return;
    }
    this.phase = Phase.UntilClose;
    this.reusable = false;
  }

  private finish(clean: boolean): void {
    if (this.settled) return;
    this.settled = true;
    clearTimeout(this.timer);
    if (this.body.length > 0) {
      const { body } = this;
      this.text =
        body.length === 1 ? body[0]!.toString('utf8') : Buffer.concat(body).toString('utf8');
      this.body = [];
    }
    this.connection?.finished(this.reusable && clean);
    this.connection = null;
    this.resolve(this);
  }
}
