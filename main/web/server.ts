import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import fastifyStatic from '@fastify/static';
import fastifyWebsocket from '@fastify/websocket';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import type { WebSocket } from 'ws';
import {
  BRIDGE_ERROR_CODES,
  BRIDGE_SOCKET_PATH,
  ClientFrame,
  type ServerFrame,
} from '../../shared/ipc';
import { CONTENT_SECURITY_POLICY } from '../../shared/security/csp';
import { createPeerSubscriptions } from '../bridge/peer-subscriptions';
import type { Router } from '../bridge/router';
import {
  isAllowedHost,
  isAllowedOrigin,
  readCookie,
  sessionCookieName,
  tokensMatch,
} from './security';

export interface BrowserHostOptions {
  router: Router;
  /** Folder of the built renderer (index.html and assets). */
  rendererDir: string;
  port?: number;
  token?: string;
}

export interface BrowserHost {
  url: string;
  /** The URL to open: it carries the session token once, then the host sets a cookie. */
  launchUrl: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

function refuse(reply: FastifyReply, status: number, code: string, message: string) {
  // Close the connection: a refused WebSocket upgrade must not leave its socket hanging.
  return reply
    .code(status)
    .header('connection', 'close')
    .type('application/json')
    .send({ code, message });
}

export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  if (!existsSync(`${options.rendererDir}/index.html`)) {
    throw new Error(
      `The renderer is not built (${options.rendererDir}/index.html is missing). Run "npm run build" first.`,
    );
  }
  const app: FastifyInstance = Fastify({ logger: false, forceCloseConnections: true });
  let port = 0;
  const sockets = new Set<WebSocket>();

  // Registered before the checks below so that its hooks mark upgrade requests first and
  // destroy the socket of an upgrade the checks refuse.
  await app.register(fastifyWebsocket, { options: { maxPayload: 1024 * 1024 } });

  app.addHook('onRequest', async (request, reply) => {
    if (!isAllowedHost(request.headers.host, port)) {
      return refuse(
        reply,
        403,
        'HOST_REFUSED',
        'This Dialtone host only answers requests addressed to its loopback address.',
      );
    }
    if (!isAllowedOrigin(request.headers.origin, port)) {
      return refuse(reply, 403, 'ORIGIN_REFUSED', 'Requests from other web sites are refused.');
    }
    const url = new URL(request.url, `http://127.0.0.1:${port}`);
    const fromQuery = url.searchParams.get('token') ?? undefined;
    const header = request.headers.authorization;
    const fromHeader = header?.startsWith('Bearer ') ? header.slice(7) : undefined;
    const fromCookie = readCookie(request.headers.cookie, sessionCookieName(port));
    const given = fromQuery ?? fromHeader ?? fromCookie;
    if (!tokensMatch(given, token)) {
      return refuse(
        reply,
        401,
        'SESSION_TOKEN_REQUIRED',
        'This page needs the session link Dialtone printed when it started (it ends in ?token=…).',
      );
    }
    if (fromQuery !== undefined && request.method === 'GET' && url.pathname === '/') {
      // Swap the token in the address bar for a cookie scoped to this host, then show the app.
      reply.header(
        'set-cookie',
        `${sessionCookieName(port)}=${encodeURIComponent(token)}; Path=/; HttpOnly; SameSite=Strict`,
      );
      return reply.redirect('/', 303);
    }
  });

  app.addHook('onSend', async (_request, reply, payload) => {
    reply.header('content-security-policy', CONTENT_SECURITY_POLICY);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('x-frame-options', 'DENY');
    reply.header('referrer-policy', 'no-referrer');
    reply.header('cache-control', 'no-store');
    return payload;
  });

  await app.register(fastifyStatic, { root: options.rendererDir, index: ['index.html'] });

  const send = (socket: WebSocket, frame: ServerFrame) => {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(frame));
  };

  const unsubscribe = options.router.subscribe((event, payload) => {
    for (const socket of sockets) send(socket, { type: 'event', event, payload });
  });

  app.register(async (scope) => {
    scope.get(BRIDGE_SOCKET_PATH, { websocket: true }, (socket) => {
      sockets.add(socket);
      // Scoped events reach this socket only, for the subscriptions it asked for.
      const subscriptions = createPeerSubscriptions(options.router, (subscriptionId, payload) =>
        send(socket, { type: 'scoped', subscriptionId, payload }),
      );
      socket.on('close', () => {
        sockets.delete(socket);
        subscriptions.close();
      });
      socket.on('message', (data) => {
        let raw: unknown;
        try {
          raw = JSON.parse(data.toString());
        } catch {
          socket.close(1003, 'bridge frames are JSON');
          return;
        }
        const frame = ClientFrame.safeParse(raw);
        if (!frame.success) {
          const id = (raw as { id?: unknown } | null)?.id;
          if (typeof id === 'number' && Number.isInteger(id) && id >= 0) {
            send(socket, {
              type: 'reply',
              id,
              reply: {
                ok: false,
                error: {
                  code: BRIDGE_ERROR_CODES.badMessage,
                  message: 'The bridge frame is not a request.',
                },
              },
            });
          } else {
            socket.close(1003, 'not a bridge request frame');
          }
          return;
        }
        const message = frame.data;
        switch (message.type) {
          case 'request':
            void options.router
              .dispatch(message.channel, message.request)
              .then((reply) => send(socket, { type: 'reply', id: message.id, reply }));
            return;
          case 'subscribe': {
            const { subscriptionId, event, scope: eventScope } = message;
            const reply = subscriptions.subscribe({ subscriptionId, event, scope: eventScope });
            send(socket, { type: 'reply', id: message.id, reply });
            return;
          }
          case 'unsubscribe':
            subscriptions.unsubscribe({ subscriptionId: message.subscriptionId });
            return;
        }
      });
    });
  });

  await app.listen({ host: '127.0.0.1', port: options.port ?? 0 });
  const address = app.server.address();
  if (address === null || typeof address === 'string')
    throw new Error('The browser host did not get a TCP port.');
  port = address.port;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    launchUrl: `${url}/?token=${token}`,
    port,
    token,
    async close() {
      unsubscribe();
      for (const socket of sockets) socket.terminate();
      await app.close();
    },
  };
}
