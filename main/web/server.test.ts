import { mkdtempSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import type { ServerFrame } from '../../shared/ipc';
import { createAppServices, type AppServices } from '../app/services';
import { startBrowserHost, type BrowserHost } from './server';
import {
  call,
  openSocket as openHostSocket,
  opened,
  socketWithToken,
} from './test-support/bridge-socket';

let services: AppServices;
let host: BrowserHost;

beforeAll(async () => {
  const rendererDir = mkdtempSync(join(tmpdir(), 'dialtone-renderer-'));
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><div id="root"></div>');
  services = await createAppServices({
    host: 'browser',
    target: { kind: 'demo' },
    dataDirectory: mkdtempSync(join(tmpdir(), 'dialtone-web-')),
  });
  host = await startBrowserHost({ router: services.router, rendererDir });
});

afterAll(async () => {
  await host?.close();
  await services?.close();
});

/** A raw HTTP GET, so the test controls the Host and Origin headers exactly. */
function get(path: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>(
    (resolve, reject) => {
      const req = httpRequest(
        {
          host: '127.0.0.1',
          port: host.port,
          path,
          method: 'GET',
          headers: { host: `127.0.0.1:${host.port}`, ...headers },
        },
        (res) => {
          let body = '';
          res.on('data', (chunk: Buffer) => (body += chunk.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
        },
      );
      req.on('error', reject);
      req.end();
    },
  );
}

function openSocket(headers: Record<string, string>) {
  return openHostSocket(host, headers);
}

function refusedStatus(ws: WebSocket) {
  return new Promise<number>((resolve) => {
    ws.once('unexpected-response', (req, res) => {
      resolve(res.statusCode ?? 0);
      req.destroy();
    });
    ws.once('open', () => resolve(101));
    ws.once('error', () => undefined);
  });
}

describe('browser host', () => {
  it('refuses a request without the session token', async () => {
    const res = await get('/');
    expect(res.status).toBe(401);
    expect(JSON.parse(res.body)).toMatchObject({ code: 'SESSION_TOKEN_REQUIRED' });
  });

  it('refuses a wrong token', async () => {
    expect((await get('/?token=not-the-token')).status).toBe(401);
    expect((await get('/', { cookie: `dialtone_session_${host.port}=nope` })).status).toBe(401);
  });

  it('treats a malformed session cookie (bad percent-encoding) as no token: a typed 401, not a 500', async () => {
    for (const value of ['%E0%A4%A', '%', '%zz']) {
      const res = await get('/', { cookie: `dialtone_session_${host.port}=${value}` });
      expect(res.status, value).toBe(401);
      expect(JSON.parse(res.body), value).toMatchObject({ code: 'SESSION_TOKEN_REQUIRED' });
    }
  });

  it('refuses a foreign Host header even with the right token (DNS rebinding)', async () => {
    const res = await get(`/?token=${host.token}`, { host: `evil.example:${host.port}` });
    expect(res.status).toBe(403);
    expect(JSON.parse(res.body)).toMatchObject({ code: 'HOST_REFUSED' });
  });

  it('refuses a foreign Origin even with the right token', async () => {
    const res = await get(`/index.html`, {
      origin: 'http://evil.example',
      cookie: `dialtone_session_${host.port}=${host.token}`,
    });
    expect(res.status).toBe(403);
    expect(JSON.parse(res.body)).toMatchObject({ code: 'ORIGIN_REFUSED' });
  });

  it('trades the token in the URL for a host-only cookie and serves the app with a CSP', async () => {
    const first = await get(`/?token=${host.token}`);
    expect(first.status).toBe(303);
    expect(String(first.headers['set-cookie'])).toMatch(/HttpOnly; SameSite=Strict/);
    const page = await get('/', { cookie: `dialtone_session_${host.port}=${host.token}` });
    expect(page.status).toBe(200);
    expect(page.body).toContain('id="root"');
    expect(String(page.headers['content-security-policy'])).toContain("script-src 'self'");
  });

  it('refuses bridge connections without a token or from a foreign origin', async () => {
    expect(await refusedStatus(openSocket({ origin: host.url }))).toBe(401);
    expect(
      await refusedStatus(
        openSocket({
          origin: 'http://evil.example',
          cookie: `dialtone_session_${host.port}=${host.token}`,
        }),
      ),
    ).toBe(403);
  });

  it('serves contract requests over the bridge socket', async () => {
    const ws = socketWithToken(host);
    await opened(ws);
    const frame = await call(ws, 1, 'sites:list', {});
    expect(frame).toMatchObject({ type: 'reply', id: 1, reply: { ok: true } });
    ws.close();
  });

  it('answers a request that fails its schema with a typed error and keeps serving', async () => {
    const ws = socketWithToken(host);
    await opened(ws);
    const bad = await call(ws, 7, 'sites:get', { siteId: 12 });
    expect(bad).toMatchObject({
      type: 'reply',
      id: 7,
      reply: { ok: false, error: { code: 'BRIDGE_INVALID_REQUEST' } },
    });
    const unknown = await call(ws, 8, 'switch:wipe', {});
    expect(unknown).toMatchObject({
      reply: { ok: false, error: { code: 'BRIDGE_UNKNOWN_CHANNEL' } },
    });
    const good = await call(ws, 9, 'sites:get', { siteId: 'lon-shoreditch' });
    expect(good).toMatchObject({
      reply: { ok: true, response: { site: { id: 'lon-shoreditch' } } },
    });
    ws.close();
  });

  it('pushes contract events to connected renderers', async () => {
    const ws = socketWithToken(host);
    await opened(ws);
    const event = new Promise<ServerFrame>((resolve) =>
      ws.once('message', (d) => resolve(JSON.parse(d.toString()))),
    );
    services.router.emit('app:connectionChanged', {
      kind: 'offline',
      platformUrl: 'http://x',
      reason: 'test',
    });
    expect(await event).toEqual({
      type: 'event',
      event: 'app:connectionChanged',
      payload: { kind: 'offline', platformUrl: 'http://x', reason: 'test' },
    });
    ws.close();
  });
});
