import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backoffDelay } from './backoff';
import { seededRandom } from './clock';
import { classifyFailure } from './failure';
import { CodedError } from '../../shared/errors';

const policy = { baseMs: 100, maxMs: 5_000, attemptsBeforeHealthCheck: 5 };

describe('backoff', () => {
  it('waits a random time up to base·2^attempt, never more than the cap', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 60 }),
        fc.double({ min: 0, max: 0.999999, noNaN: true }),
        (attempt, r) => {
          const delay = backoffDelay(attempt, () => r, policy);
          expect(delay).toBeGreaterThanOrEqual(0);
          expect(delay).toBeLessThanOrEqual(Math.min(policy.maxMs, policy.baseMs * 2 ** attempt));
        },
      ),
    );
  });

  it('spreads retries out (jitter) and repeats exactly with the same seed', () => {
    const delays = (seed: number) => {
      const random = seededRandom(seed);
      return Array.from({ length: 8 }, () => backoffDelay(6, random, policy));
    };
    expect(new Set(delays(1)).size).toBeGreaterThan(4);
    expect(delays(1)).toEqual(delays(1));
  });
});

describe('classifyFailure', () => {
  const failure = (code: string, detail: unknown) =>
    classifyFailure(new CodedError(code, 'm', detail));
  it.each([
    ['a 5xx is retried', failure('PLATFORM_INTERNAL', { status: 500, retryable: true }), 'retry'],
    [
      'a lost connection is retried',
      failure('PLATFORM_CONNECTION_LOST', { retryable: true }),
      'retry',
    ],
    [
      'a 412 is a conflict',
      failure('PLATFORM_VERSION_MISMATCH', { status: 412, retryable: false }),
      'conflict',
    ],
    [
      'a 409 needs attention',
      failure('PLATFORM_POOL_EXHAUSTED', { status: 409, retryable: false }),
      'rejected',
    ],
    [
      'a 401 stops the run',
      failure('PLATFORM_UNAUTHORIZED', { status: 401, retryable: false }),
      'unauthorized',
    ],
  ])('%s', (_name, result, kind) => expect(result.kind).toBe(kind));

  it("honours a 429's Retry-After", () => {
    expect(
      failure('PLATFORM_RATE_LIMITED', { status: 429, retryable: true, retryAfterSeconds: 3 }),
    ).toEqual({
      kind: 'retry',
      retryAfterMs: 3_000,
      reason: 'm',
    });
  });
});
