import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { CodedError } from '../../../shared/errors';

/** A switch's SSH host key as first seen: `SHA256:` + base64, as OpenSSH prints it. */
export interface PinnedHostKey {
  fingerprint: string;
  pinnedAt: string;
}

/**
 * Where the host key of each switch is kept once seen (with the site's switch, in main).
 * Keyed by whatever names the switch for the caller: a switch id, or `host:port`.
 */
export interface HostKeyStore {
  get(switchKey: string): Promise<PinnedHostKey | null>;
  pin(switchKey: string, fingerprint: string): Promise<void>;
}

/** How a connection checks the switch's host key: pinned on first use, a change refused. */
export interface HostKeyCheck {
  store: HostKeyStore;
  switchKey: string;
  /**
   * The fingerprint the engineer confirmed after being told the key changed (the switch
   * was replaced or re-keyed): that key is trusted and pinned in place of the old one.
   */
  trustNewKey?: string;
}

export function hostKeyChangedError(
  where: string,
  pinned: PinnedHostKey,
  presented: string,
): CodedError {
  return new CodedError(
    'SWITCH_HOST_KEY_CHANGED',
    `The switch at ${where} showed a different SSH host key from the one pinned on ${pinned.pinnedAt.slice(0, 10)}: pinned ${pinned.fingerprint}, now ${presented}. ` +
      'Someone may be in the middle, or the switch was replaced or re-keyed. Dialtone did not log in. ' +
      'If you know the switch changed, confirm the new key to trust it.',
    { pinned: pinned.fingerprint, presented, where },
  );
}

/**
 * Decides on a presented key: true to go on (first use pins it; the pinned key; the new key
 * the engineer confirmed, which is pinned in its place), or the refusal.
 */
export async function checkHostKey(
  check: HostKeyCheck,
  presented: string,
  where: string,
): Promise<true | CodedError> {
  const pinned = await check.store.get(check.switchKey);
  if (pinned?.fingerprint === presented) return true;
  if (!pinned || check.trustNewKey === presented) {
    await check.store.pin(check.switchKey, presented);
    return true;
  }
  return hostKeyChangedError(where, pinned, presented);
}

/** Keys in memory (tests, a session that keeps nothing). */
export function memoryHostKeyStore(now: () => Date = () => new Date()): HostKeyStore {
  const keys = new Map<string, PinnedHostKey>();
  return {
    get: async (switchKey) => keys.get(switchKey) ?? null,
    pin: async (switchKey, fingerprint) => {
      keys.set(switchKey, { fingerprint, pinnedAt: now().toISOString() });
    },
  };
}

/** Keys in one JSON file, replaced whole on each pin (written aside, then renamed). */
export function fileHostKeyStore(path: string, now: () => Date = () => new Date()): HostKeyStore {
  const load = async (): Promise<Record<string, PinnedHostKey>> => {
    try {
      return JSON.parse(await readFile(path, 'utf8')) as Record<string, PinnedHostKey>;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
      throw new CodedError(
        'HOST_KEYS_UNREADABLE',
        `The pinned SSH host keys in ${path} cannot be read (${(error as Error).message}).`,
        { path },
      );
    }
  };
  return {
    get: async (switchKey) => (await load())[switchKey] ?? null,
    pin: async (switchKey, fingerprint) => {
      const keys = await load();
      keys[switchKey] = { fingerprint, pinnedAt: now().toISOString() };
      await mkdir(dirname(path), { recursive: true });
      const aside = `${path}.${randomUUID()}.tmp`;
      await writeFile(aside, JSON.stringify(keys, null, 2) + '\n');
      await rename(aside, path);
    },
  };
}
