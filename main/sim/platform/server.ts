import { randomBytes, timingSafeEqual } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import type { World } from '../world/schema';
import { ProblemError, problem, sendProblem } from './problem';

export interface PlatformSimulatorOptions {
  world: World;
  /** Bearer token clients must present; a random one is made when omitted. */
  token?: string;
  host?: '127.0.0.1';
  port?: number;
}

export interface PlatformSimulator {
  url: string;
  token: string;
  world: World;
  close(): Promise<void>;
}

const DEFAULT_PAGE_SIZE = 50;
const MAX_PAGE_SIZE = 200;

function tokensEqual(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function paginate<T>(
  items: T[],
  query: { cursor?: string; limit?: string },
): { items: T[]; nextCursor: string | null } {
  const limit = query.limit === undefined ? DEFAULT_PAGE_SIZE : Number(query.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE)
    throw new ProblemError(
      problem(
        400,
        'INVALID_LIMIT',
        'Invalid page size',
        `limit must be a whole number from 1 to ${MAX_PAGE_SIZE}.`,
      ),
    );
  const start =
    query.cursor === undefined ? 0 : Number(Buffer.from(query.cursor, 'base64url').toString());
  if (!Number.isInteger(start) || start < 0)
    throw new ProblemError(
      problem(
        400,
        'INVALID_CURSOR',
        'Invalid cursor',
        'The cursor is not one this server gave out.',
      ),
    );
  const end = start + limit;
  return {
    items: items.slice(start, end),
    nextCursor: end < items.length ? Buffer.from(String(end)).toString('base64url') : null,
  };
}

export function buildPlatformApp(world: World, token: string): FastifyInstance {
  const app = Fastify({ logger: false, forceCloseConnections: true });

  app.setErrorHandler((error, _request, reply) => {
    if (error instanceof ProblemError) return sendProblem(reply, error.problem);
    const status =
      typeof (error as { statusCode?: number }).statusCode === 'number'
        ? (error as { statusCode: number }).statusCode
        : 500;
    return sendProblem(
      reply,
      problem(
        status,
        status >= 500 ? 'INTERNAL' : 'BAD_REQUEST',
        'Request failed',
        (error as Error).message,
      ),
    );
  });
  app.setNotFoundHandler((request, reply) =>
    sendProblem(
      reply,
      problem(404, 'NOT_FOUND', 'Not found', `No resource at ${request.method} ${request.url}.`),
    ),
  );

  app.addHook('onRequest', async (request, reply) => {
    if (request.url === '/v1/health') return;
    const header = request.headers.authorization ?? '';
    const given = header.startsWith('Bearer ') ? header.slice('Bearer '.length) : '';
    if (!given || !tokensEqual(given, token)) {
      reply.header('WWW-Authenticate', 'Bearer realm="platform"');
      return sendProblem(
        reply,
        problem(
          401,
          'UNAUTHENTICATED',
          'Not authenticated',
          'A valid API token is required (Authorization: Bearer …).',
        ),
      );
    }
  });

  const siteOr404 = (siteId: string) => {
    const site = world.sites.find((s) => s.id === siteId);
    if (!site)
      throw new ProblemError(
        problem(404, 'SITE_NOT_FOUND', 'Site not found', `There is no site ${siteId}.`),
      );
    return site;
  };

  app.get('/v1/health', async () => ({ status: 'ok' }));
  app.get('/v1/operator', async () => world.operator);

  app.get<{ Querystring: { cursor?: string; limit?: string } }>('/v1/sites', async (request) =>
    paginate(
      world.sites.map((site) => ({
        id: site.id,
        name: site.name,
        region: site.region,
        city: site.city,
        occupierCount: world.occupiers.filter((o) => o.siteId === site.id).length,
        floorPortCount: world.floorPorts.filter((p) => p.siteId === site.id).length,
      })),
      request.query,
    ),
  );

  app.get<{ Params: { siteId: string } }>('/v1/sites/:siteId', async (request) =>
    siteOr404(request.params.siteId),
  );

  app.get<{ Params: { siteId: string }; Querystring: { cursor?: string; limit?: string } }>(
    '/v1/sites/:siteId/occupiers',
    async (request) => {
      siteOr404(request.params.siteId);
      return paginate(
        world.occupiers.filter((o) => o.siteId === request.params.siteId),
        request.query,
      );
    },
  );

  app.get<{ Params: { siteId: string }; Querystring: { cursor?: string; limit?: string } }>(
    '/v1/sites/:siteId/floor-ports',
    async (request) => {
      siteOr404(request.params.siteId);
      return paginate(
        world.floorPorts.filter((p) => p.siteId === request.params.siteId),
        request.query,
      );
    },
  );

  return app;
}

/** Starts the simulator on a loopback port (a free one unless `port` is given). */
export async function startPlatformSimulator(
  options: PlatformSimulatorOptions,
): Promise<PlatformSimulator> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const app = buildPlatformApp(options.world, token);
  await app.listen({ host: options.host ?? '127.0.0.1', port: options.port ?? 0 });
  const address = app.server.address();
  if (address === null || typeof address === 'string')
    throw new Error('The platform simulator did not get a TCP port.');
  return {
    url: `http://127.0.0.1:${address.port}`,
    token,
    world: options.world,
    close: () => app.close(),
  };
}
