import { describe, expect, it } from 'vitest';
import { networkFailure, problemFailure } from './platform-errors';

/** A failed exchange as the transport rejects it: Node's socket or TLS code, or its own. */
function wireFailure(code: string, message = 'boom'): Error {
  return Object.assign(new Error(message), { code });
}

describe('platform client failures', () => {
  it.each([
    ['DEPTH_ZERO_SELF_SIGNED_CERT', 'PLATFORM_TLS_ERROR'],
    ['SELF_SIGNED_CERT_IN_CHAIN', 'PLATFORM_TLS_ERROR'],
    ['CERT_HAS_EXPIRED', 'PLATFORM_TLS_ERROR'],
    ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'PLATFORM_TLS_ERROR'],
    ['ERR_TLS_CERT_ALTNAME_INVALID', 'PLATFORM_TLS_ERROR'],
    ['ERR_SSL_WRONG_VERSION_NUMBER', 'PLATFORM_TLS_ERROR'],
    ['ECONNREFUSED', 'PLATFORM_UNREACHABLE'],
    ['ENOTFOUND', 'PLATFORM_UNREACHABLE'],
    ['HTTP_CONNECTION_CLOSED', 'PLATFORM_CONNECTION_LOST'],
    ['ECONNRESET', 'PLATFORM_CONNECTION_LOST'],
  ])('an exchange failing with %s is %s', (cause, code) => {
    expect(networkFailure(wireFailure(cause), 'https://p.example', false).code).toBe(code);
  });

  it('a lost connection during a mutation says the outcome is unknown and a retry is safe', () => {
    const error = networkFailure(wireFailure('HTTP_CONNECTION_CLOSED'), 'https://p.example', true);
    expect(error.detail).toEqual({
      retryable: true,
      outcomeUnknown: true,
      connectionDropped: true,
      networkCode: 'HTTP_CONNECTION_CLOSED',
    });
    expect(error.message).toContain('sending it again is safe');
  });

  it.each(['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'EPIPE', 'ECONNRESET'])(
    'an exchange failing with %s is told in sentences, the code kept for support only',
    (cause) => {
      const error = networkFailure(wireFailure(cause), 'http://127.0.0.1:4010', false);
      expect(error.message).not.toMatch(/[A-Z]{2,}_|E[A-Z]{4,}|\(|\)/);
      expect(error.message).toMatch(/^The (platform|connection) .*\.$/);
      expect((error.detail as { networkCode?: string }).networkCode).toBe(cause);
    },
  );

  it('an answer the transport cannot read is a bad response, said with what was wrong', () => {
    const error = networkFailure(
      wireFailure('HTTP_BAD_ANSWER', 'The answer is not readable HTTP: a chunk does not end.'),
      'http://127.0.0.1:4010',
      false,
    );
    expect(error.code).toBe('PLATFORM_BAD_RESPONSE');
    expect(error.message).toBe(
      'The platform at http://127.0.0.1:4010 answered in a way Dialtone cannot read. The answer is not readable HTTP: a chunk does not end.',
    );
    expect(error.detail).toEqual({
      retryable: true,
      outcomeUnknown: false,
      networkCode: 'HTTP_BAD_ANSWER',
    });
  });

  it('a name whose addresses all failed is read by the attempt that says most', () => {
    const attempts = (...codes: string[]) =>
      Object.assign(
        new AggregateError(codes.map((code) => Object.assign(new Error(code), { code }))),
        { code: codes[0] },
      );
    // IPv6 has no route, IPv4 refuses: the platform is stopped, not the network down.
    expect(
      networkFailure(attempts('ENETUNREACH', 'ECONNREFUSED'), 'x', false).detail,
    ).toMatchObject({
      networkCode: 'ECONNREFUSED',
    });
    // IPv6 attempt timed out (Node's 250 ms per attempt), IPv4 has no route either.
    expect(networkFailure(attempts('ETIMEDOUT', 'EHOSTUNREACH'), 'x', false).code).toBe(
      'PLATFORM_UNREACHABLE',
    );
  });

  it('the platform stopped: nothing answers at its address, said so', () => {
    expect(networkFailure(wireFailure('ECONNREFUSED'), 'http://127.0.0.1:4010', true).message).toBe(
      'The platform at http://127.0.0.1:4010 cannot be reached: nothing answers at that address, so the platform is stopped or the address is wrong. Check the network and the address, or work offline.',
    );
  });

  it('only a connection reset or closed under the request counts as dropped', () => {
    const dropped = (code: string) =>
      (networkFailure(wireFailure(code), 'x', true).detail as { connectionDropped?: boolean })
        .connectionDropped === true;
    expect(['HTTP_CONNECTION_CLOSED', 'ECONNRESET', 'EPIPE'].map(dropped)).toEqual([
      true,
      true,
      true,
    ]);
    expect(['ECONNREFUSED', 'HTTP_BAD_ANSWER', 'ENOTFOUND'].map(dropped)).toEqual([
      false,
      false,
      false,
    ]);
    const timeout = Object.assign(new Error('late'), { name: 'TimeoutError' });
    expect(networkFailure(timeout, 'x', true).detail).not.toHaveProperty('connectionDropped');
  });

  it('a problem keeps its code and human message; 429 and 5xx are retryable', () => {
    const conflict = problemFailure(
      409,
      { code: 'POOL_EXHAUSTED', detail: 'The pool has 2 free numbers; 5 are needed.' },
      '',
      'https://p.example',
      null,
    );
    expect(conflict).toMatchObject({
      code: 'PLATFORM_POOL_EXHAUSTED',
      message: 'The pool has 2 free numbers; 5 are needed.',
      detail: { status: 409, retryable: false },
    });
    expect(problemFailure(429, {}, '', 'x', '12').detail).toMatchObject({
      retryable: true,
      retryAfterSeconds: 12,
    });
    expect(problemFailure(502, undefined, '<html>Bad gateway</html>', 'x', null)).toMatchObject({
      code: 'PLATFORM_HTTP_502',
      message: '<html>Bad gateway</html>',
      detail: { retryable: true },
    });
  });
});
