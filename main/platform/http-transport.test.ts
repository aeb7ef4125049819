import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { createServer as createTcpServer, type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { afterEach, describe, expect, it } from 'vitest';
import { createPlatformClient } from './client';
import { createHttpTransport, type HttpRequest, type HttpTransport } from './http-transport';
import { LOCALHOST_CERTIFICATE, LOCALHOST_KEY } from './test-support/localhost-certificate';

/** A real HTTP server on loopback answering with `handle`; counts the connections it took. */
async function serve(
  handle: (request: IncomingMessage, response: ServerResponse, body: string) => void,
): Promise<{ url: string; connections: () => number; server: Server }> {
  let connections = 0;
  const server = createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (body += chunk));
    request.on('end', () => handle(request, response, body));
  });
  server.on('connection', () => connections++);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, connections: () => connections, server };
}

const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

const json = (response: ServerResponse, status: number, value: unknown) => {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(value));
};

describe('the platform client over its HTTP transport', () => {
  it('keeps its connections alive across requests and sends a UTF-8 body whole', async () => {
    const bodies: string[] = [];
    const platform = await serve((request, response, body) => {
      bodies.push(`${request.headers['content-length']} ${body}`);
      json(response, 200, { roleId: 'voice-pc' });
    });
    servers.push(platform.server);
    const transport = createHttpTransport();
    const sent = Array.from({ length: 10 }, (_, i) => `{"note":"café ☎ ${i}"}`);
    for (const body of sent)
      await transport({
        method: 'PUT',
        url: `${platform.url}/v1/x`,
        headers: { 'content-type': 'application/json' },
        body,
        timeoutMs: 5_000,
      });
    expect(bodies).toEqual(sent.map((body) => `${Buffer.byteLength(body)} ${body}`));
    // Ten requests one after another: without keep-alive, ten connections.
    expect(platform.connections()).toBe(1);
  });

  it('does not follow a redirect: the 3xx is the answer, and the token goes nowhere else', async () => {
    let elsewhere = 0;
    const other = await serve((_request, response) => {
      elsewhere++;
      json(response, 200, { status: 'ok' });
    });
    const platform = await serve((_request, response) => {
      response.writeHead(302, { location: `${other.url}/v1/health` });
      response.end();
    });
    servers.push(other.server, platform.server);
    const client = createPlatformClient({ baseUrl: platform.url, token: 't' });
    await expect(client.getOperator()).rejects.toMatchObject({
      code: 'PLATFORM_HTTP_302',
      detail: { status: 302, retryable: false },
    });
    expect(elsewhere).toBe(0);
  });

  it('an answer cut off mid-body is CONNECTION_LOST, outcome unknown for a mutation', async () => {
    const platform = await serve((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': '500' });
      response.write('{"id":"fp-1",');
      setImmediate(() => response.socket?.destroy());
    });
    servers.push(platform.server);
    const client = createPlatformClient({ baseUrl: platform.url, token: 't' });
    await expect(
      client.setFloorPortRole('fp-1', 'voice-pc', { idempotencyKey: 'k-1', ifMatch: 3 }),
    ).rejects.toMatchObject({
      code: 'PLATFORM_CONNECTION_LOST',
      detail: { retryable: true, outcomeUnknown: true },
    });
  });

  it('a port nobody listens on is UNREACHABLE', async () => {
    const platform = await serve(() => undefined);
    const { url } = platform;
    await new Promise((resolve) => platform.server.close(resolve));
    const client = createPlatformClient({ baseUrl: url, token: 't' });
    await expect(client.getOperator()).rejects.toMatchObject({
      code: 'PLATFORM_UNREACHABLE',
      detail: { retryable: true, outcomeUnknown: false },
    });
  });

  describe('a dropped connection is retried once, at once, on a fresh connection', () => {
    /** The server's view: each request's idempotency key and the socket it came on. */
    async function dropping(drops: number) {
      const seen: { key: string | undefined; socket: object }[] = [];
      let dropped = 0;
      const platform = await serve((request, response) => {
        seen.push({ key: request.headers['idempotency-key'] as string, socket: request.socket });
        if (request.url === '/v1/health') return json(response, 200, { status: 'ok' });
        if (dropped < drops) {
          dropped++;
          request.socket.destroy();
          return;
        }
        json(response, 200, {
          id: 'fp-1',
          siteId: 's-1',
          label: 'FP 1',
          floorId: 'f-1',
          spaceId: 'sp-1',
          switchId: 'sw-1',
          interfaceName: 'Gi1/0/1',
          roleId: 'voice-pc',
          allocation: { kind: 'operator' },
          version: 4,
        });
      });
      servers.push(platform.server);
      return { platform, seen };
    }

    it('dropped once on a keep-alive connection: sent again on a new one with the same key', async () => {
      const { platform, seen } = await dropping(1);
      const client = createPlatformClient({ baseUrl: platform.url, token: 't' });
      await client.health(); // The connection is established and kept alive.
      const result = await client.setFloorPortRole('fp-1', 'voice-pc', {
        idempotencyKey: 'k-1',
        ifMatch: 3,
      });
      expect(result).toMatchObject({ version: 4 });
      expect(seen.map((s) => s.key)).toEqual([undefined, 'k-1', 'k-1']);
      // The retry is on a connection no earlier request used.
      expect(seen.slice(0, 2).map((s) => s.socket)).not.toContain(seen[2]!.socket);
      // That new connection is kept for what follows: the drop cost one connection, not two.
      await client.health();
      expect(seen[3]!.socket).toBe(seen[2]!.socket);
      expect(platform.connections()).toBe(2);
    });

    it('dropped twice: two requests, then CONNECTION_LOST for the caller to back off from', async () => {
      const { platform, seen } = await dropping(5);
      const client = createPlatformClient({ baseUrl: platform.url, token: 't' });
      await expect(
        client.setFloorPortRole('fp-1', 'voice-pc', { idempotencyKey: 'k-1', ifMatch: 3 }),
      ).rejects.toMatchObject({
        code: 'PLATFORM_CONNECTION_LOST',
        detail: { retryable: true, outcomeUnknown: true, connectionDropped: true },
      });
      expect(seen.map((s) => s.key)).toEqual(['k-1', 'k-1']);
    });

    it('refused, timed out or a 5xx: sent once', async () => {
      let sent = 0;
      const counting =
        (inner: HttpTransport): HttpTransport =>
        (request) => {
          sent++;
          return inner(request);
        };
      const refused = await serve(() => undefined);
      await new Promise((resolve) => refused.server.close(resolve));
      const silent = await serve(() => undefined);
      const failing = await serve((_request, response) => json(response, 500, {}));
      servers.push(silent.server, failing.server);
      const cases: [string, number | undefined, string][] = [
        [refused.url, undefined, 'PLATFORM_UNREACHABLE'],
        [silent.url, 200, 'PLATFORM_TIMEOUT'],
        [failing.url, undefined, 'PLATFORM_HTTP_500'],
      ];
      for (const [baseUrl, timeoutMs, code] of cases) {
        sent = 0;
        const client = createPlatformClient({
          baseUrl,
          token: 't',
          transport: counting(createHttpTransport()),
          ...(timeoutMs === undefined ? {} : { timeoutMs }),
        });
        await expect(
          client.setFloorPortRole('fp-1', 'voice-pc', { idempotencyKey: 'k-1', ifMatch: 3 }),
        ).rejects.toMatchObject({ code });
        expect(sent, code).toBe(1);
      }
    });
  });

  it('callForVersion reads only the version (nested where asked), and an answer without one is BAD_RESPONSE, outcome unknown', async () => {
    const answers: unknown[] = [
      { version: 7, anything: 'else' },
      { voiceService: { version: 3 } },
      { roleId: 'voice-pc' },
      { version: -1 },
    ];
    const platform = await serve((_request, response) => json(response, 200, answers.shift()));
    servers.push(platform.server);
    const client = createPlatformClient({ baseUrl: platform.url, token: 't' });
    const role = {
      params: { floorPortId: 'fp-1' },
      body: { roleId: 'voice-pc' },
    } as const;
    await expect(
      client.callForVersion('setFloorPortRole', role, { idempotencyKey: 'k-1', ifMatch: 1 }),
    ).resolves.toBe(7);
    await expect(
      client.callForVersion(
        'addVoiceService',
        { params: { siteId: 's', occupierId: 'o' }, body: { quantity: 2 } },
        { idempotencyKey: 'k-2' },
        'voiceService',
      ),
    ).resolves.toBe(3);
    for (const key of ['k-3', 'k-4'])
      await expect(
        client.callForVersion('setFloorPortRole', role, { idempotencyKey: key, ifMatch: 1 }),
      ).rejects.toMatchObject({
        code: 'PLATFORM_BAD_RESPONSE',
        detail: { retryable: false, outcomeUnknown: true },
      });
  });
});

/**
 * A server that writes its answers byte for byte as `answer` says: HTTP as servers other
 * than Node's write it (chunked, split anywhere, interim answers, no length, HTTP/1.0),
 * and answers no server should send. Counts connections, their closes, and requests.
 */
async function raw(answer: (request: string, socket: Socket, index: number) => void) {
  let connections = 0;
  let closed = 0;
  const requests: string[] = [];
  const sockets: Socket[] = [];
  const server = createTcpServer((socket) => {
    connections++;
    sockets.push(socket);
    socket.on('close', () => closed++);
    let buffered = '';
    socket.setEncoding('latin1');
    socket.on('error', () => undefined);
    socket.on('data', (chunk: string) => {
      buffered += chunk;
      // Whole requests only (head, then as many bytes as it says).
      for (;;) {
        const end = buffered.indexOf('\r\n\r\n');
        if (end === -1) return;
        const length = Number(/content-length: (\d+)/i.exec(buffered.slice(0, end))?.[1] ?? 0);
        if (buffered.length < end + 4 + length) return;
        const request = buffered.slice(0, end + 4 + length);
        buffered = buffered.slice(request.length);
        requests.push(request);
        answer(request, socket, requests.length - 1);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const close = async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => server.close(resolve));
  };
  return {
    url: `http://127.0.0.1:${port}`,
    connections: () => connections,
    closed: () => closed,
    requests,
    close,
  };
}

/** Writes `text` one piece after another, each on a later turn of the loop, so reads split there. */
function writeInPieces(socket: Socket, pieces: string[], then?: () => void): void {
  const [first, ...rest] = pieces;
  if (first === undefined) {
    then?.();
    return;
  }
  socket.write(first, 'latin1', () => setTimeout(() => writeInPieces(socket, rest, then), 2));
}

const get = (url: string, more: Partial<HttpRequest> = {}): HttpRequest => ({
  method: 'GET',
  url,
  headers: { accept: 'application/json' },
  timeoutMs: 5_000,
  ...more,
});

describe('the HTTP transport reads answers as servers other than Node write them', () => {
  const closing: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const close of closing.splice(0)) await close();
  });
  async function rawServer(answer: Parameters<typeof raw>[0]) {
    const server = await raw(answer);
    closing.push(server.close);
    return server;
  }

  it('a chunked answer split anywhere, with extensions and trailers, is read whole; the connection is kept', async () => {
    const body = '{"roleId":"voice-pc","label":"2F-001 café ☎"}';
    const bytes = Buffer.from(body).toString('latin1');
    const server = await rawServer((_request, socket) => {
      const wire =
        'HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n' +
        `${(10).toString(16)};ext=1\r\n${bytes.slice(0, 10)}\r\n` +
        `${(bytes.length - 10).toString(16).toUpperCase()}\r\n${bytes.slice(10)}\r\n` +
        '0\r\nX-Trailer: yes\r\n\r\n';
      // Split one byte at a time around the head's end and each chunk line, in larger pieces elsewhere.
      const pieces: string[] = [];
      for (let at = 0; at < wire.length;) {
        const step = at > 60 && at < 80 ? 1 : 7;
        pieces.push(wire.slice(at, at + step));
        at += step;
      }
      writeInPieces(socket, pieces);
    });
    const transport = createHttpTransport();
    for (let i = 0; i < 2; i++) {
      const answer = await transport(get(`${server.url}/v1/x`));
      expect(answer.status).toBe(200);
      expect(answer.text).toBe(body);
      expect(answer.header('content-type')).toBe('application/json');
    }
    expect(server.connections()).toBe(1);
  });

  it('an answer of 1.5 MB in Content-Length arrives in many reads and is read whole', async () => {
    const body = JSON.stringify({ numbers: Array.from({ length: 40_000 }, (_, i) => `+4420${i}`) });
    const server = await rawServer((_request, socket) => {
      socket.write(`HTTP/1.1 200 OK\r\ncontent-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    });
    const answer = await createHttpTransport()(get(`${server.url}/v1/x`));
    expect(answer.text.length).toBe(body.length);
    expect(answer.text).toBe(body);
  });

  it('interim 1xx answers are skipped; HEAD, 204 and 304 have no body and keep the connection', async () => {
    const server = await rawServer((request, socket, index) => {
      if (index === 0)
        socket.write(
          'HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nlink: </x>\r\n\r\nHTTP/1.1 201 Created\r\ncontent-length: 2\r\n\r\n{}',
        );
      // A HEAD answer says the length of the body a GET would have had, and sends none.
      else if (request.startsWith('HEAD'))
        socket.write('HTTP/1.1 200 OK\r\ncontent-length: 99\r\n\r\n');
      else if (index === 2) socket.write('HTTP/1.1 204 No Content\r\n\r\n');
      else socket.write('HTTP/1.1 304 Not Modified\r\netag: "3"\r\n\r\n');
    });
    const transport = createHttpTransport();
    const answers = [];
    for (const method of ['POST', 'HEAD', 'DELETE', 'GET'])
      answers.push(await transport(get(`${server.url}/v1/x`, { method })));
    expect(answers.map((a) => `${a.status}:${a.text}`)).toEqual(['201:{}', '200:', '204:', '304:']);
    expect(answers[3]!.header('etag')).toBe('"3"');
    expect(server.connections()).toBe(1);
    // A POST without a body says its length is 0, so the server does not wait for one.
    expect(server.requests[0]).toMatch(/\r\ncontent-length: 0\r\n\r\n$/);
  });

  it('an answer framed by the connection closing is read to its end; that connection is not reused', async () => {
    const server = await rawServer((_request, socket) => {
      writeInPieces(socket, ['HTTP/1.1 200 OK\r\n\r\n{"a":', '1}'], () => socket.end());
    });
    const transport = createHttpTransport();
    expect((await transport(get(`${server.url}/v1/x`))).text).toBe('{"a":1}');
    expect((await transport(get(`${server.url}/v1/x`))).text).toBe('{"a":1}');
    expect(server.connections()).toBe(2);
  });

  it('`connection: close`, HTTP/1.0, or bytes after the answer: read, and the connection not used again', async () => {
    const answers = [
      'HTTP/1.1 200 OK\r\nConnection: close\r\ncontent-length: 1\r\n\r\n1',
      'HTTP/1.0 200 OK\r\ncontent-length: 1\r\n\r\n2',
      'HTTP/1.0 200 OK\r\nconnection: keep-alive\r\ncontent-length: 1\r\n\r\n3',
      'HTTP/1.1 200 OK\r\ncontent-length: 1\r\n\r\n4HTTP/1.1 200 OK\r\n\r\n',
      'HTTP/1.1 200 OK\r\ncontent-length: 1\r\n\r\n5',
      // Both framings: read by the chunks (as RFC 9112 says), then not trusted again.
      'HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\ncontent-length: 99\r\n\r\n1\r\n6\r\n0\r\n\r\n',
      'HTTP/1.1 200 OK\r\ncontent-length: 1\r\n\r\n7',
    ];
    const server = await rawServer((_request, socket, index) => socket.write(answers[index]!));
    const transport = createHttpTransport();
    const texts = [];
    for (let i = 0; i < answers.length; i++)
      texts.push((await transport(get(`${server.url}/v1/x`))).text);
    expect(texts).toEqual(['1', '2', '3', '4', '5', '6', '7']);
    // New connections for the 2nd (after close), 3rd (after 1.0), 5th (after stray bytes) and
    // 7th (after both framings); the 4th went on the HTTP/1.0 keep-alive one, the 6th on the 5th's.
    expect(server.connections()).toBe(5);
  });

  it.each([
    ['a status line that is not one', 'HTTP/2 200 OK\r\n\r\n', /not a status line/],
    [
      'a folded header line',
      'HTTP/1.1 200 OK\r\nx-a: 1\r\n  more\r\ncontent-length: 0\r\n\r\n',
      /not a header/,
    ],
    [
      'two different lengths',
      'HTTP/1.1 200 OK\r\ncontent-length: 5\r\ncontent-length: 6\r\n\r\n',
      /content length/,
    ],
    [
      'a length that is not a number',
      'HTTP/1.1 200 OK\r\ncontent-length: 1e3\r\n\r\n',
      /content length/,
    ],
    [
      'a chunk size that is not one',
      'HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\nzz\r\n',
      /chunk size/,
    ],
    [
      'a chunk without its end',
      'HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n2\r\nabcd',
      /chunk does not end/,
    ],
    [
      'a switch of protocols',
      'HTTP/1.1 101 Switching Protocols\r\nupgrade: h2c\r\n\r\n',
      /switched protocols/,
    ],
  ])(
    '%s is a failed exchange (HTTP_BAD_ANSWER), and the client says it could not read it',
    async (_what, wire, reason) => {
      const server = await rawServer((_request, socket) => socket.write(wire));
      await expect(createHttpTransport()(get(`${server.url}/v1/x`))).rejects.toMatchObject({
        code: 'HTTP_BAD_ANSWER',
        message: expect.stringMatching(reason),
      });
      const client = createPlatformClient({ baseUrl: server.url, token: 't' });
      await expect(
        client.setFloorPortRole('fp-1', 'voice-pc', { idempotencyKey: 'k-1', ifMatch: 3 }),
      ).rejects.toMatchObject({
        code: 'PLATFORM_BAD_RESPONSE',
        message: expect.stringMatching(/cannot read.*sending it again is safe/),
        detail: { retryable: true, outcomeUnknown: true },
      });
    },
  );

  it('headers over 64 KiB are a bad answer, not memory without end', async () => {
    const server = await rawServer((_request, socket) => {
      socket.write(`HTTP/1.1 200 OK\r\nx-big: ${'a'.repeat(70 * 1024)}`);
    });
    await expect(createHttpTransport()(get(`${server.url}/v1/x`))).rejects.toMatchObject({
      code: 'HTTP_BAD_ANSWER',
      message: expect.stringMatching(/headers are too large/),
    });
  });

  it('the platform closing a kept connection while it is idle: the next request opens another and is answered', async () => {
    const server = await rawServer((_request, socket, index) => {
      socket.write(`HTTP/1.1 200 OK\r\ncontent-length: 1\r\n\r\n${index}`);
      if (index === 0) socket.end();
    });
    const transport = createHttpTransport();
    expect((await transport(get(`${server.url}/v1/x`))).text).toBe('0');
    // The server's side closes once the transport has answered its FIN, which it does on
    // seeing the end: by then its idle connection is forgotten.
    await expect.poll(() => server.closed()).toBe(1);
    expect((await transport(get(`${server.url}/v1/x`))).text).toBe('1');
    expect(server.connections()).toBe(2);
  });

  it('an idle connection is closed by the transport after its idle time', async () => {
    const server = await rawServer((_request, socket) => {
      socket.write('HTTP/1.1 200 OK\r\ncontent-length: 0\r\n\r\n');
    });
    const transport = createHttpTransport({ idleMs: 30 });
    await transport(get(`${server.url}/v1/x`));
    await expect.poll(() => server.closed(), { timeout: 5_000 }).toBe(1);
  });

  it('kept connections never keep the process alive', async () => {
    const server = await rawServer((_request, socket) =>
      socket.write('HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\nok'),
    );
    // A bare node process that asks once and closes nothing; its idle time is a minute.
    const bundled = await build({
      stdin: {
        contents: `import { createHttpTransport } from './http-transport';
          const answer = await createHttpTransport({ idleMs: 60_000 })({
            method: 'GET', url: process.argv[2], headers: {}, timeoutMs: 5_000,
          });
          console.log(answer.text);`,
        resolveDir: import.meta.dirname,
        loader: 'ts',
      },
      bundle: true,
      platform: 'node',
      format: 'esm',
      write: false,
      logLevel: 'silent',
    });
    const script = join(mkdtempSync(join(tmpdir(), 'dialtone-transport-')), 'ask-once.mjs');
    writeFileSync(script, bundled.outputFiles[0]!.text);
    // With its connection or idle timer holding the loop open, this would not end within the
    // minute, and the test would time out.
    const { stdout } = await promisify(execFile)(process.execPath, [script, `${server.url}/v1/x`]);
    expect(stdout.trim()).toBe('ok');
    expect(server.connections()).toBe(1);
  });

  it('answered before its request was all written: that connection is not used again', async () => {
    // Answers at the first bytes of each request and reads no more, so a large body stays unsent.
    const sockets: Socket[] = [];
    const server = createTcpServer((socket) => {
      sockets.push(socket);
      socket.once('data', () => {
        socket.pause();
        socket.write('HTTP/1.1 413 Content Too Large\r\ncontent-length: 0\r\n\r\n');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    closing.push(async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    });
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/x`;
    const transport = createHttpTransport();
    const big = await transport(
      get(url, { method: 'PUT', body: 'x'.repeat(32 * 1024 * 1024), timeoutMs: 10_000 }),
    );
    expect(big.status).toBe(413);
    const next = await transport(get(url));
    expect(next.status).toBe(413);
    expect(sockets).toHaveLength(2);
  });

  it('a TLS handshake the server closes is a TLS failure, not a dropped connection', async () => {
    const server = await rawServer(() => undefined);
    // Reads (so it sees the client's close) and ends at once, as a proxy that refuses TLS may.
    const closer = createTcpServer((socket) => socket.resume().end());
    await new Promise<void>((resolve) => closer.listen(0, '127.0.0.1', resolve));
    closing.push(() => new Promise((resolve) => closer.close(resolve)));
    const { port } = closer.address() as AddressInfo;
    await expect(
      createHttpTransport()(get(`https://127.0.0.1:${port}/v1/x`)),
    ).rejects.toMatchObject({
      code: 'ERR_TLS_CLOSED_IN_HANDSHAKE',
    });
    const client = createPlatformClient({ baseUrl: `https://127.0.0.1:${port}`, token: 't' });
    await expect(client.getOperator()).rejects.toMatchObject({ code: 'PLATFORM_TLS_ERROR' });
    expect(server.connections()).toBe(0);
  });

  it('a name with several addresses, none answering, is unreachable (refused), not a lost connection', async () => {
    const refused = await raw(() => undefined);
    await refused.close();
    const port = new URL(refused.url).port;
    // localhost is ::1 and 127.0.0.1 here: Node tries each, and reports the failures together.
    const client = createPlatformClient({ baseUrl: `http://localhost:${port}`, token: 't' });
    await expect(client.getOperator()).rejects.toMatchObject({
      code: 'PLATFORM_UNREACHABLE',
      detail: { networkCode: 'ECONNREFUSED' },
    });
  });

  it('header names are looked up as given, nothing inherited; HTTP/1.0 with a transfer coding is refused', async () => {
    const server = await rawServer((_request, socket, index) =>
      socket.write(
        index === 0
          ? 'HTTP/1.1 200 OK\r\nX-Mixed-Case: Yes\r\ncontent-length: 0\r\n\r\n'
          : 'HTTP/1.0 200 OK\r\ntransfer-encoding: chunked\r\n\r\n0\r\n\r\n',
      ),
    );
    const transport = createHttpTransport();
    const answer = await transport(get(`${server.url}/v1/x`));
    expect(answer.header('x-mixed-case')).toBe('Yes');
    expect(answer.header('constructor')).toBeNull();
    expect(answer.header('__proto__')).toBeNull();
    await expect(transport(get(`${server.url}/v1/x`))).rejects.toMatchObject({
      code: 'HTTP_BAD_ANSWER',
      message: expect.stringMatching(/HTTP\/1\.0/),
    });
  });

  it('what HTTP cannot carry is refused before anything is sent', async () => {
    const server = await rawServer(() => undefined);
    const transport = createHttpTransport();
    const refused = [
      get(`${server.url}/v1/x`, { headers: { 'x-note': 'a\r\nx-injected: 1' } }),
      get(`${server.url}/v1/x`, { headers: { 'bad name': '1' } }),
      get(`${server.url}/v1/x`, { headers: { 'content-length': '5' } }),
      get(`${server.url}/v1/a b`),
      get(`${server.url}/v1/x`, { method: 'GET /' }),
      get('ftp://127.0.0.1/x'),
      get('http://user:pw@127.0.0.1/x'),
    ];
    for (const request of refused) await expect(transport(request)).rejects.toThrow(TypeError);
    expect(server.connections()).toBe(0);
  });

  it('over TLS: a trusted certificate is answered on a kept connection; an untrusted one is a TLS failure', async () => {
    let connections = 0;
    const server = createHttpsServer(
      { key: LOCALHOST_KEY, cert: LOCALHOST_CERTIFICATE },
      (_r, response) => json(response, 200, { status: 'ok' }),
    );
    server.on('secureConnection', () => connections++);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    servers.push(server as unknown as Server);
    const { port } = server.address() as AddressInfo;
    for (const host of ['localhost', '127.0.0.1']) {
      const trusting = createHttpTransport({ ca: LOCALHOST_CERTIFICATE });
      for (let i = 0; i < 3; i++)
        expect((await trusting(get(`https://${host}:${port}/v1/health`))).text).toBe(
          '{"status":"ok"}',
        );
    }
    expect(connections).toBe(2);
    const client = createPlatformClient({ baseUrl: `https://localhost:${port}`, token: 't' });
    await expect(client.getOperator()).rejects.toMatchObject({
      code: 'PLATFORM_TLS_ERROR',
      detail: { retryable: false },
    });
  });
});
