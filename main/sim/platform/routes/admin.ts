import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { FaultSettings, type FaultInjector } from '../faults';
import type { LinkTable } from '../links';
import { ProblemError, problem } from '../problem';
import type { PlatformState } from '../state';

/** Test-only controls, registered only when the simulator is started with `admin: true`. */
export function registerAdminRoutes(
  app: FastifyInstance,
  deps: { state: PlatformState; links: LinkTable; faults: FaultInjector },
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
      const { up } = parse(z.object({ up: z.boolean() }).strict(), request.body);
      deps.state.floorPort(request.params.floorPortId);
      deps.links.set(request.params.floorPortId, up);
      return { floorPortId: request.params.floorPortId, up };
    },
  );
}
