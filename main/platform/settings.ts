import { z } from 'zod';
import { CodedError } from '../../shared/errors';
import type { Operator } from '../../shared/platform/schemas';
import { createPlatformClient } from './client';
import type { HttpTransport } from './http-transport';
import { PLATFORM_ERROR_CODES } from './platform-errors';
import type { PlatformTargetView } from '../../shared/ipc';
import type { KeyValueStore } from '../jobs/key-value-store';

/**
 * Which platform Dialtone talks to: the built-in demo, or a real platform (base URL and API
 * token). The token stays in main: encrypted with the injected cipher (Electron safeStorage)
 * when there is one, otherwise held in memory for this run only — never plain text on disk.
 */

/** Encrypts secrets for storage at rest, e.g. a wrapper around Electron's `safeStorage`. */
export interface TokenCipher {
  encrypt(plain: string): string;
  decrypt(stored: string): string;
}

export const SETTINGS_ERROR_CODES = {
  invalidUrl: 'SETTINGS_INVALID_URL',
  invalidToken: 'SETTINGS_INVALID_TOKEN',
  tokenRefused: 'SETTINGS_TOKEN_REFUSED',
  unreachable: 'SETTINGS_UNREACHABLE',
  tls: 'SETTINGS_TLS_ERROR',
  notAPlatform: 'SETTINGS_NOT_A_PLATFORM',
  checkFailed: 'SETTINGS_CHECK_FAILED',
} as const;

const SETTINGS_KEY = 'platformTarget';

const StoredTarget = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('demo') }),
  z.object({
    kind: z.literal('platform'),
    baseUrl: z.string(),
    /** Present only when a cipher encrypted it. */
    encryptedToken: z.string().optional(),
  }),
]);
type StoredTarget = z.infer<typeof StoredTarget>;

/** What main connects with (the UI sees its PlatformTargetView: never the token). */
export type PlatformTarget =
  | { kind: 'demo' }
  | { kind: 'platform'; baseUrl: string; token: string }
  | { kind: 'platform'; baseUrl: string; token: null; reason: string };

export interface PlatformCheck {
  baseUrl: string;
  operator: Operator;
}

export interface PlatformSettingsOptions {
  store: KeyValueStore;
  /** Absent when the host has no secure storage (browser host without one, Linux without a keyring). */
  cipher?: TokenCipher;
  /** How the test call reaches the platform (tests wrap it to check answers). */
  transport?: HttpTransport;
  /** How long the test call may take. */
  timeoutMs?: number;
}

export interface PlatformSettings {
  current(): PlatformTargetView;
  /** What main connects with now, token included. */
  target(): PlatformTarget;
  /** Checks a URL and token with a test call; throws a SETTINGS_* CodedError saying what is wrong. */
  check(input: { baseUrl: string; token: string }): Promise<PlatformCheck>;
  /** Checks, then keeps them; nothing is kept when the check fails. */
  usePlatform(input: { baseUrl: string; token: string }): Promise<PlatformCheck>;
  useDemo(): void;
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** A base URL the platform client can use: https, or http only on this computer. */
export function normaliseBaseUrl(input: string): string {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    throw new CodedError(
      SETTINGS_ERROR_CODES.invalidUrl,
      `"${input}" is not a web address. Enter the platform's API address, e.g. https://api.platform.example.`,
    );
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname)))
    throw new CodedError(
      SETTINGS_ERROR_CODES.invalidUrl,
      `Use an https:// address for the platform (plain http is only allowed for a platform on this computer); "${input}" is not one.`,
    );
  if (url.username || url.password || url.search || url.hash)
    throw new CodedError(
      SETTINGS_ERROR_CODES.invalidUrl,
      'The platform address must not contain a user name, password, query or fragment; put the token in the token field.',
    );
  return url.toString().replace(/\/+$/, '');
}

function checkToken(token: string): string {
  const trimmed = token.trim();
  if (trimmed.length === 0 || /\s/.test(trimmed))
    throw new CodedError(
      SETTINGS_ERROR_CODES.invalidToken,
      'The API token is empty or contains spaces. Paste the whole token as the platform gave it.',
    );
  // An HTTP header carries visible ASCII only: anything else (a control character, an
  // accented letter or a curly quote from a document) cannot be a token, and would be sent
  // as nothing at all and reported as "unreachable".
  if (!/^[\x21-\x7e]+$/.test(trimmed))
    throw new CodedError(
      SETTINGS_ERROR_CODES.invalidToken,
      'This is not a valid API token: it contains characters a token cannot have (control characters or letters outside plain ASCII, as a copy from a document can bring). Paste the token as the platform gave it.',
    );
  return trimmed;
}

function explainCheckFailure(error: unknown, baseUrl: string): CodedError {
  const code = error instanceof CodedError ? error.code : '';
  const reason = error instanceof Error ? error.message : String(error);
  switch (code) {
    case PLATFORM_ERROR_CODES.unauthorized:
      return new CodedError(
        SETTINGS_ERROR_CODES.tokenRefused,
        `The platform at ${baseUrl} refused this API token (401). Check that you pasted the whole token and that it has not expired or been revoked. Nothing was saved.`,
      );
    case PLATFORM_ERROR_CODES.unreachable:
    case PLATFORM_ERROR_CODES.timeout:
    case PLATFORM_ERROR_CODES.connectionLost:
      return new CodedError(
        SETTINGS_ERROR_CODES.unreachable,
        `Dialtone could not reach ${baseUrl}: ${reason} Check the address, the network and any VPN or proxy. Nothing was saved.`,
      );
    case PLATFORM_ERROR_CODES.tls:
      return new CodedError(
        SETTINGS_ERROR_CODES.tls,
        `The secure (TLS) connection to ${baseUrl} failed: ${reason} Nothing was saved.`,
      );
    case PLATFORM_ERROR_CODES.badResponse:
    case 'PLATFORM_NOT_FOUND':
    case 'PLATFORM_HTTP_404':
      return new CodedError(
        SETTINGS_ERROR_CODES.notAPlatform,
        `${baseUrl} answered, but not as the platform API does (${reason}). Check that the address is the API's root. Nothing was saved.`,
      );
    default:
      return new CodedError(
        SETTINGS_ERROR_CODES.checkFailed,
        `The test call to ${baseUrl} failed: ${reason} Nothing was saved.`,
      );
  }
}

export function createPlatformSettings(options: PlatformSettingsOptions): PlatformSettings {
  let tokenInMemory: { baseUrl: string; token: string } | null = null;

  const stored = (): StoredTarget => {
    const parsed = StoredTarget.safeParse(options.store.get(SETTINGS_KEY));
    return parsed.success ? parsed.data : { kind: 'demo' };
  };

  async function check(input: { baseUrl: string; token: string }): Promise<PlatformCheck> {
    const baseUrl = normaliseBaseUrl(input.baseUrl);
    const token = checkToken(input.token);
    const client = createPlatformClient({
      baseUrl,
      token,
      timeoutMs: options.timeoutMs ?? 10_000,
      ...(options.transport ? { transport: options.transport } : {}),
    });
    try {
      return { baseUrl, operator: await client.getOperator() };
    } catch (error) {
      throw explainCheckFailure(error, baseUrl);
    }
  }

  return {
    current() {
      const target = stored();
      if (target.kind === 'demo') return { kind: 'demo' };
      const token =
        target.encryptedToken !== undefined
          ? 'encrypted'
          : tokenInMemory?.baseUrl === target.baseUrl
            ? 'memory'
            : 'missing';
      return { kind: 'platform', baseUrl: target.baseUrl, token };
    },
    target() {
      const target = stored();
      if (target.kind === 'demo') return { kind: 'demo' };
      if (target.encryptedToken !== undefined) {
        if (!options.cipher)
          return {
            kind: 'platform',
            baseUrl: target.baseUrl,
            token: null,
            reason: 'The saved token cannot be decrypted here (no secure storage). Enter it again.',
          };
        try {
          return {
            kind: 'platform',
            baseUrl: target.baseUrl,
            token: options.cipher.decrypt(target.encryptedToken),
          };
        } catch {
          return {
            kind: 'platform',
            baseUrl: target.baseUrl,
            token: null,
            reason:
              'The saved token could not be decrypted (the keyring changed?). Enter it again.',
          };
        }
      }
      if (tokenInMemory?.baseUrl === target.baseUrl)
        return { kind: 'platform', baseUrl: target.baseUrl, token: tokenInMemory.token };
      return {
        kind: 'platform',
        baseUrl: target.baseUrl,
        token: null,
        reason:
          'The token was kept in memory only (no secure storage) and is gone. Enter it again.',
      };
    },
    check,
    async usePlatform(input) {
      const result = await check(input);
      const token = checkToken(input.token);
      if (options.cipher) {
        options.store.set(SETTINGS_KEY, {
          kind: 'platform',
          baseUrl: result.baseUrl,
          encryptedToken: options.cipher.encrypt(token),
        } satisfies StoredTarget);
        tokenInMemory = null;
      } else {
        options.store.set(SETTINGS_KEY, {
          kind: 'platform',
          baseUrl: result.baseUrl,
        } satisfies StoredTarget);
        tokenInMemory = { baseUrl: result.baseUrl, token };
      }
      return result;
    },
    useDemo() {
      options.store.set(SETTINGS_KEY, { kind: 'demo' } satisfies StoredTarget);
      tokenInMemory = null;
    },
  };
}
