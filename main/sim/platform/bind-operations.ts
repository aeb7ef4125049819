import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import {
  etagOf,
  operations,
  parseIfMatch,
  type OperationId,
  type OperationInput,
  type OperationOutput,
  type OperationSpec,
} from '../../../shared/platform/contract';
import { IdempotencyStore, requestFingerprint } from './idempotency';
import { ProblemError, problem } from './problem';

/** A handler's answer: the body, and the version to send as `ETag` when the operation has one. */
export interface OperationResult<K extends OperationId> {
  body: OperationOutput<K>;
  version?: number;
}

/**
 * One synchronous handler per operation: a mutation checks everything and then changes the
 * state in one go, so it is atomic and two requests never interleave.
 */
export type OperationHandlers = {
  [K in OperationId]: (input: OperationInput<K>) => OperationResult<K>;
};

export interface BindingDeps {
  idempotency: IdempotencyStore;
  /** Resolves once the state after this mutation is durable (a no-op without `--state`). */
  persist(): Promise<void>;
  /** Fault injection: close the connection after the mutation took effect, without answering. */
  dropAfterEffect(): boolean;
}

/** How many times a header appears in the request as sent (`rawHeaders` is name, value, …). */
function headerLines(rawHeaders: readonly string[], name: string): number {
  let count = 0;
  for (let i = 0; i < rawHeaders.length; i += 2) if (rawHeaders[i]!.toLowerCase() === name) count++;
  return count;
}

function invalid(where: string, error: z.ZodError): ProblemError {
  const issues = error.issues.map((issue) => ({
    path: [where, ...issue.path.map(String)].join('.'),
    message: issue.message,
  }));
  return new ProblemError(
    problem(
      400,
      'INVALID_REQUEST',
      'Invalid request',
      `The request is not valid: ${issues
        .slice(0, 3)
        .map((i) => `${i.path}: ${i.message}`)
        .join('; ')}.`,
      { issues },
    ),
  );
}

function parsePart<T extends z.ZodType>(schema: T, value: unknown, where: string): z.output<T> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw invalid(where, parsed.error);
  return parsed.data;
}

function readIfMatch(request: FastifyRequest, spec: OperationSpec): number | null {
  const header = request.headers['if-match'];
  if (spec.ifMatch === 'none' || header === undefined) {
    if (spec.ifMatch === 'required')
      throw new ProblemError(
        problem(
          428,
          'PRECONDITION_REQUIRED',
          'If-Match required',
          'This change needs If-Match with the version you read (the ETag), so it cannot overwrite a newer change.',
        ),
      );
    return null;
  }
  const version = parseIfMatch(Array.isArray(header) ? (header[0] ?? '') : header);
  if (version === undefined)
    throw new ProblemError(
      problem(
        400,
        'INVALID_IF_MATCH',
        'Invalid If-Match',
        'If-Match must be an ETag this server gave out, such as "3".',
      ),
    );
  return version;
}

function send(
  reply: FastifyReply,
  status: number,
  body: unknown,
  etag: string | null,
  replayed: boolean,
): FastifyReply {
  if (etag !== null) reply.header('ETag', etag);
  if (replayed) reply.header('Idempotent-Replayed', 'true');
  return reply.code(status).type('application/json').send(body);
}

function drop(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  reply.hijack();
  request.raw.socket.destroy();
  return reply;
}

/** Registers a route per contract operation: validation, If-Match, idempotency, persistence. */
export function bindOperations(
  app: FastifyInstance,
  handlers: OperationHandlers,
  deps: BindingDeps,
): void {
  for (const operationId of Object.keys(operations) as OperationId[]) {
    const spec: OperationSpec = operations[operationId];
    const handler = handlers[operationId] as (input: unknown) => OperationResult<OperationId>;
    app.route({
      method: spec.method.toUpperCase() as 'GET',
      url: spec.path.replace(/\{(\w+)\}/g, ':$1'),
      config: { auth: spec.auth },
      handler: async (request, reply) => {
        const params = parsePart(spec.params, request.params, 'path');
        const query = parsePart(spec.query, request.query, 'query');
        const body = spec.body === null ? undefined : parsePart(spec.body, request.body, 'body');
        const ifMatch = readIfMatch(request, spec);
        const rawKey = request.headers['idempotency-key'];
        // Node joins repeated header lines with ", ", which would make a new key: refuse.
        if (spec.mutation && headerLines(request.raw.rawHeaders, 'idempotency-key') > 1)
          throw new ProblemError(
            problem(
              400,
              'INVALID_IDEMPOTENCY_KEY',
              'Invalid Idempotency-Key',
              'The request carries more than one Idempotency-Key header; send exactly one.',
            ),
          );
        const key = spec.mutation && typeof rawKey === 'string' ? rawKey : null;

        if (key !== null) {
          IdempotencyStore.validateKey(key);
          const fingerprint = requestFingerprint(operationId, params, body);
          const found = deps.idempotency.lookup(key, fingerprint);
          if (found.kind === 'replay') {
            // A replayed answer can be lost on the way like the first one.
            if (deps.dropAfterEffect()) return drop(request, reply);
            const { status, body: stored, etag } = found.result;
            return send(reply, status, stored, etag, true);
          }
          const result = handler({ params, query, body, ifMatch });
          const etag = spec.etag && result.version !== undefined ? etagOf(result.version) : null;
          deps.idempotency.remember(key, {
            fingerprint,
            status: spec.status,
            body: result.body,
            etag,
          });
          await deps.persist();
          if (deps.dropAfterEffect()) return drop(request, reply);
          return send(reply, spec.status, result.body, etag, false);
        }

        const result = handler({ params, query, body, ifMatch });
        const etag = spec.etag && result.version !== undefined ? etagOf(result.version) : null;
        if (spec.mutation) {
          await deps.persist();
          if (deps.dropAfterEffect()) return drop(request, reply);
        }
        return send(reply, spec.status, result.body, etag, false);
      },
    });
  }
}
