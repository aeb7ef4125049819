import { CodedError } from '../../shared/errors';

/** What sync does about a failed send. */
export type SendFailure =
  /** Timeouts, dropped connections, 5xx, 429: send again with the same idempotency key. */
  | { kind: 'retry'; retryAfterMs: number | null; reason: string }
  /** 412: someone changed the resource since the engineer's change was based on it. */
  | { kind: 'conflict' }
  /** 401/403 or an untrusted certificate: no entry can go until it is fixed; stop the run. */
  | { kind: 'unauthorized'; message: string }
  /** Any other 4xx (or an answer Dialtone cannot read): retrying cannot help. */
  | { kind: 'rejected'; status: number; code: string; message: string };

/** The detail the platform client puts on its CodedErrors (main/platform/platform-errors.ts). */
interface PlatformErrorDetail {
  status?: number;
  retryable?: boolean;
  retryAfterSeconds?: number;
}

export function classifyFailure(error: unknown): SendFailure {
  if (!(error instanceof CodedError))
    return { kind: 'retry', retryAfterMs: null, reason: String(error) };
  const detail = (error.detail ?? {}) as PlatformErrorDetail;
  const status = detail.status;
  if (status === 412) return { kind: 'conflict' };
  if (detail.retryable === true || status === 408 || (status !== undefined && status >= 500))
    return {
      kind: 'retry',
      retryAfterMs: detail.retryAfterSeconds === undefined ? null : detail.retryAfterSeconds * 1000,
      reason: error.message,
    };
  if (status === 401 || status === 403 || error.code === 'PLATFORM_TLS_ERROR')
    return { kind: 'unauthorized', message: error.message };
  return { kind: 'rejected', status: status ?? 0, code: error.code, message: error.message };
}
