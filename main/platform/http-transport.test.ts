import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createPlatformClient } from './client';
import { createHttpTransport, type HttpTransport } from './http-transport';

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
    // Ten requests one after another: without keep-alive, ten connections. (undici may open a
    // second while the first is still being marked free after its answer.)
    expect(platform.connections()).toBeLessThanOrEqual(2);
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
