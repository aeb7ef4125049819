import { randomBytes } from 'node:crypto';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import { CodedError } from '../../../shared/errors';
import type { Handset } from '../../../shared/platform/schemas';
import type { World } from '../world/schema';
import { hasBearerToken } from './auth';
import { bindOperations, type OperationHandlers } from './bind-operations';
import { keypadLogin } from './domain/handsets';
import { FaultInjector, type FaultSettingsInput } from './faults';
import { IdempotencyStore } from './idempotency';
import { LinkTable } from './links';
import { readStateFile, StateWriter, type PersistedState } from './persistence';
import { ProblemError, problem, sendProblem, writeClientErrorProblem } from './problem';
import { RateLimiter, type RateLimitSettings } from './rate-limit';
import { RegistrationSimulator } from './registration';
import { registerAdminRoutes } from './routes/admin';
import type { RouteContext } from './routes/context';
import { floorPortHandlers } from './routes/floor-ports';
import { handsetHandlers } from './routes/handsets';
import { installationHandlers } from './routes/installation';
import { numberHandlers } from './routes/numbers';
import { siteHandlers } from './routes/sites';
import { snapshotHandlers } from './routes/snapshot';
import { voiceServiceHandlers } from './routes/voice-services';
import { PlatformState } from './state';

export const DEFAULT_REGISTRATION_DELAY_MS = 1_500;

export interface PlatformSimulatorOptions {
  /** The seed. Ignored when `statePath` names an existing state file (that state wins). */
  world: World;
  /** Bearer token clients must present; a random one is made when omitted. */
  token?: string;
  host?: '127.0.0.1';
  port?: number;
  /** Keep the state in this file, written atomically after every change. */
  statePath?: string;
  /** How long a handset takes to register after a login (or after it gets link). */
  registrationDelayMs?: number;
  /** The timer registration countdowns run on (tests pass one they run by hand). */
  registrationSchedule?: (run: () => void, ms: number) => () => void;
  faults?: FaultSettingsInput;
  /** Dice for fault injection (tests pass a fixed sequence). */
  random?: () => number;
  /** A real rate limit per API token (429 with Retry-After once the bucket is empty). */
  rateLimit?: RateLimitSettings;
  /** Clock of the rate limiter, in milliseconds (tests pass their own). */
  now?: () => number;
  /** Enables the test-only `/_admin/*` endpoints (faults, link table). Off by default. */
  admin?: boolean;
}

export interface PlatformSimulator {
  url: string;
  token: string;
  state: PlatformState;
  links: LinkTable;
  registration: RegistrationSimulator;
  faults: FaultInjector;
  /**
   * A person logs a number in on the handset's keypad (extension + PIN): how the handset
   * simulators report a manual login. Throws a ProblemError (code KEYPAD_LOGIN_REFUSED, …).
   */
  keypadLogin(handsetId: string, extension: string, pin: string): Promise<Handset>;
  close(): Promise<void>;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    auth?: boolean;
    admin?: boolean;
  }
}

function initialLinks(world: World): string[] {
  return (
    world.linkedFloorPorts ??
    world.handsets.flatMap((h) => (h.floorPortId === null ? [] : [h.floorPortId]))
  );
}

interface Assembled {
  app: FastifyInstance;
  simulator: Omit<PlatformSimulator, 'url' | 'close'>;
  close(): Promise<void>;
}

async function assemble(options: PlatformSimulatorOptions): Promise<Assembled> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const saved: PersistedState | null = options.statePath
    ? await readStateFile(options.statePath)
    : null;
  const world = saved?.world ?? options.world;
  const state = new PlatformState(world, saved?.siteRevisions);
  const idempotency = new IdempotencyStore(saved?.idempotency);
  const writer = options.statePath
    ? new StateWriter(options.statePath, () => ({
        format: 'dialtone-platform-state',
        formatVersion: 1,
        world: state.toWorld(),
        siteRevisions: state.revisionsRecord(),
        idempotency: idempotency.entries(),
      }))
    : null;
  const persist = () => writer?.flush() ?? Promise.resolve();
  const links = new LinkTable(initialLinks(world));
  const registration = new RegistrationSimulator(state, links, {
    delayMs: options.registrationDelayMs ?? DEFAULT_REGISTRATION_DELAY_MS,
    ...(options.registrationSchedule ? { schedule: options.registrationSchedule } : {}),
    onStateChanged: () => {
      // A background change; a failed write shows up on the next request's write.
      persist().catch(() => undefined);
    },
  });
  const faults = new FaultInjector(options.faults, options.random);
  const limiter = options.rateLimit ? new RateLimiter(options.rateLimit, options.now) : null;
  const rateLimited = (reply: FastifyReply, retryAfterSeconds: number) => {
    reply.header('Retry-After', String(retryAfterSeconds));
    return sendProblem(
      reply,
      problem(
        429,
        'RATE_LIMITED',
        'Too many requests',
        `Rate limited; retry after ${retryAfterSeconds} s.`,
        { retryAfterSeconds },
      ),
    );
  };
  await persist();

  const app = Fastify({
    logger: false,
    forceCloseConnections: true,
    // A URL with a bad escape (`/v1/sites/%E0%A4%A`) is refused as a problem, like any error.
    frameworkErrors: (error, request, reply) =>
      sendProblem(
        reply,
        error.code === 'FST_ERR_BAD_URL'
          ? problem(
              400,
              'INVALID_URL',
              'Invalid request',
              `The request URL is not valid percent-encoding: ${request.url}.`,
            )
          : problem(400, 'INVALID_REQUEST', 'Invalid request', error.message),
      ),
    // Errors Node's HTTP parser finds before there is a request (headers or URL too large).
    clientErrorHandler: (error, socket) => writeClientErrorProblem(error, socket),
  });
  app.setErrorHandler((error, _request, reply) => {
    if (error instanceof ProblemError) return sendProblem(reply, error.problem);
    // A shared rule refused its input (e.g. planAllocation for a region it does not know).
    if (error instanceof CodedError)
      return sendProblem(reply, problem(422, error.code, 'Request refused', error.message));
    const status =
      typeof (error as { statusCode?: number }).statusCode === 'number'
        ? (error as { statusCode: number }).statusCode
        : 500;
    return sendProblem(
      reply,
      problem(
        status,
        status >= 500 ? 'INTERNAL' : 'INVALID_REQUEST',
        status >= 500 ? 'Internal error' : 'Invalid request',
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
    const config = request.routeOptions.config;
    if (config.auth !== false && !hasBearerToken(request, token)) {
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
    if (config.admin) return;
    if (limiter && config.auth !== false) {
      const decision = limiter.take(request.headers.authorization ?? '');
      if (!decision.allowed) return rateLimited(reply, decision.retryAfterSeconds);
    }
    const latency = faults.current.latencyMs;
    if (latency > 0) await new Promise((resolve) => setTimeout(resolve, latency));
    const decision = faults.beforeRequest();
    if (decision.kind === 'dropBefore') {
      reply.hijack();
      request.raw.socket.destroy();
      return;
    }
    if (decision.kind === 'rateLimit') return rateLimited(reply, decision.retryAfterSeconds);
    if (decision.kind === 'serverError')
      return sendProblem(
        reply,
        problem(500, 'INJECTED_FAULT', 'Internal error', 'The simulator injected a failure.'),
      );
  });

  const context: RouteContext = { state, links, registration, now: () => new Date() };
  const handlers = {
    ...siteHandlers(context),
    ...floorPortHandlers(context),
    ...voiceServiceHandlers(context),
    ...numberHandlers(context),
    ...handsetHandlers(context),
    ...snapshotHandlers(context),
    ...installationHandlers(context),
  } satisfies OperationHandlers;
  bindOperations(app, handlers, {
    idempotency,
    persist,
    dropAfterEffect: () => faults.dropAfter(),
  });
  if (options.admin) registerAdminRoutes(app, { state, links, faults, registration, persist });

  return {
    app,
    simulator: {
      token,
      state,
      links,
      registration,
      faults,
      async keypadLogin(handsetId, extension, pin) {
        const handset = keypadLogin(state, registration, handsetId, extension, pin);
        await persist();
        return handset;
      },
    },
    async close() {
      registration.close();
      await app.close();
      await persist();
    },
  };
}

/** Starts the simulator on a loopback port (a free one unless `port` is given). */
export async function startPlatformSimulator(
  options: PlatformSimulatorOptions,
): Promise<PlatformSimulator> {
  const assembled = await assemble(options);
  await assembled.app.listen({ host: options.host ?? '127.0.0.1', port: options.port ?? 0 });
  const address = assembled.app.server.address();
  if (address === null || typeof address === 'string')
    throw new Error('The platform simulator did not get a TCP port.');
  return {
    ...assembled.simulator,
    url: `http://127.0.0.1:${address.port}`,
    close: () => assembled.close(),
  };
}
