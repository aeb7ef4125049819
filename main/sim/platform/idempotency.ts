import { createHash } from 'node:crypto';
import { ProblemError, problem } from './problem';

/** The first answer to a mutation sent with an `Idempotency-Key`, kept to answer retries. */
export interface IdempotentResult {
  fingerprint: string;
  status: number;
  body: unknown;
  etag: string | null;
}

export type IdempotencyLookup = { kind: 'new' } | { kind: 'replay'; result: IdempotentResult };

const MAX_KEY_LENGTH = 255;
/** Keys kept; the oldest are forgotten first (a real platform expires them after a day or so). */
export const IDEMPOTENCY_KEYS_KEPT = 50_000;

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value) ?? 'null';
}

/** What makes two requests "the same": the operation, its path parameters and its body. */
export function requestFingerprint(operationId: string, params: unknown, body: unknown): string {
  return createHash('sha256')
    .update(canonicalJson({ operationId, params, body: body ?? null }))
    .digest('base64url');
}

/**
 * Idempotency keys of successful mutations. Same key and fingerprint: the stored answer;
 * same key, other request: 422. Failed requests are not stored (they changed nothing).
 */
export class IdempotencyStore {
  private readonly results: Map<string, IdempotentResult>;

  constructor(
    entries: [string, IdempotentResult][] = [],
    private readonly capacity = IDEMPOTENCY_KEYS_KEPT,
  ) {
    this.results = new Map(entries);
  }

  static validateKey(key: string): void {
    if (key.length === 0 || key.length > MAX_KEY_LENGTH)
      throw new ProblemError(
        problem(
          400,
          'INVALID_IDEMPOTENCY_KEY',
          'Invalid Idempotency-Key',
          `An Idempotency-Key is 1 to ${MAX_KEY_LENGTH} characters.`,
        ),
      );
  }

  lookup(key: string, fingerprint: string): IdempotencyLookup {
    const result = this.results.get(key);
    if (!result) return { kind: 'new' };
    if (result.fingerprint !== fingerprint)
      throw new ProblemError(
        problem(
          422,
          'IDEMPOTENCY_KEY_REUSED',
          'Idempotency-Key reused',
          'This Idempotency-Key was already used for a different request. Use a new key for a new request.',
        ),
      );
    return { kind: 'replay', result };
  }

  remember(key: string, result: IdempotentResult): void {
    this.results.set(key, result);
    while (this.results.size > this.capacity) {
      const oldest = this.results.keys().next();
      if (oldest.done) break;
      this.results.delete(oldest.value);
    }
  }

  entries(): [string, IdempotentResult][] {
    return [...this.results.entries()];
  }

  get size(): number {
    return this.results.size;
  }
}
