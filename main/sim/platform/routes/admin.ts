import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { FaultSettings, type FaultInjector } from '../faults';
import { keypadLogin } from '../domain/handsets';
import type { LinkTable } from '../links';
import { ProblemError, problem } from '../problem';
import type { RegistrationSimulator } from '../registration';
import type { PlatformState } from '../state';

/** Test-only controls, registered only when the simulator is started with `admin: true`. */
export function registerAdminRoutes(
  app: FastifyInstance,
  deps: {
    state: PlatformState;
    links: LinkTable;
    faults: FaultInjector;
    registration: RegistrationSimulator;
    persist(): Promise<void>;
  },
): void {
  const parse = <T extends z.ZodType>(schema: T, value: unknown): z.output<T> => {
    const parsed = schema.safeParse(value);
    if (!parsed.success)
      throw new ProblemError(
        problem(
          400,
          'INVALID_REQUEST',
          'Invalid request',
          parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
        ),
      );
    return parsed.data;
  };

  app.get('/_admin/faults', { config: { admin: true } }, async () => deps.faults.current);
  app.put('/_admin/faults', { config: { admin: true } }, async (request) =>
    deps.faults.set(parse(FaultSettings, request.body)),
  );
  app.get('/_admin/links', { config: { admin: true } }, async () => ({
    up: deps.links.list(),
  }));
  app.put<{ Params: { floorPortId: string } }>(
    '/_admin/links/:floorPortId',
    { config: { admin: true } },
    async (request) => {
      // `mac`: the device the switch sees on the far end (a handset plugged in there).
      const { up, mac } = parse(
        z.object({ up: z.boolean(), mac: z.string().min(1).optional() }).strict(),
        request.body,
      );
      deps.state.floorPort(request.params.floorPortId);
      deps.links.set(request.params.floorPortId, up, mac ?? null);
      return { floorPortId: request.params.floorPortId, up, mac: mac?.toLowerCase() ?? null };
    },
  );
  app.post<{ Params: { handsetId: string } }>(
    '/_admin/handsets/:handsetId/keypad-login',
    { config: { admin: true } },
    async (request) => {
      const { extension, pin } = parse(
        z.object({ extension: z.string().min(1), pin: z.string().min(1) }).strict(),
        request.body,
      );
      const handset = keypadLogin(
        deps.state,
        deps.registration,
        request.params.handsetId,
        extension,
        pin,
      );
      await deps.persist();
      return handset;
    },
  );
}
