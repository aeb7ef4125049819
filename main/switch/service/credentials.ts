import { z } from 'zod';
import type { KeyValueStore } from '../../jobs/key-value-store';
import type { TokenCipher } from '../../platform/settings';
import type { SwitchLogin } from '../session';

/** How a switch's login is held: encrypted at rest by the OS keychain, or in memory for this run. */
export type CredentialKeeping = 'encrypted' | 'memory';

export interface SwitchCredentialVault {
  /** How logins are kept on this laptop (the Connect screen says which). */
  readonly keeping: CredentialKeeping;
  get(switchId: string): SwitchLogin | null;
  /** Keeps a login that worked; an empty one (a console line that asked for none) is not kept. */
  remember(switchId: string, login: SwitchLogin): void;
  forget(switchId: string): void;
  /** Every secret known, so transcripts and streams can keep them out. */
  secrets(): string[];
}

const STORE_KEY = 'switchCredentials';
const Stored = z.record(z.string(), z.string());
const Login = z.object({
  username: z.string(),
  password: z.string(),
  enableSecret: z.string().optional(),
});

/** No user name, password or enable secret: nothing that would be worth holding. */
function isEmptyLogin(login: SwitchLogin): boolean {
  return login.username === '' && login.password === '' && !login.enableSecret;
}

/**
 * Switch logins, asked once per switch and kept in main only: with a cipher (Electron
 * safeStorage) they are stored encrypted; without one they live in memory for the run and
 * are never written to disk.
 */
export function createCredentialVault(options: {
  store?: KeyValueStore;
  cipher?: TokenCipher;
}): SwitchCredentialVault {
  const memory = new Map<string, SwitchLogin>();
  const { store, cipher } = options;
  const persistent = store !== undefined && cipher !== undefined;

  if (persistent) {
    const stored = Stored.safeParse(store.get(STORE_KEY) ?? {});
    for (const [switchId, encrypted] of Object.entries(stored.success ? stored.data : {})) {
      try {
        const login = Login.safeParse(JSON.parse(cipher.decrypt(encrypted)));
        // An empty one was kept by earlier versions: it says nothing worth holding.
        if (login.success && !isEmptyLogin(login.data)) memory.set(switchId, login.data);
      } catch {
        // Encrypted by another keychain (a copied profile): ask again.
      }
    }
  }

  const save = () => {
    if (!persistent) return;
    const out: Record<string, string> = {};
    for (const [switchId, login] of memory) out[switchId] = cipher.encrypt(JSON.stringify(login));
    store.set(STORE_KEY, out);
  };

  return {
    keeping: persistent ? 'encrypted' : 'memory',
    get: (switchId) => memory.get(switchId) ?? null,
    remember(switchId, login) {
      if (isEmptyLogin(login)) return;
      memory.set(switchId, { ...login });
      save();
    },
    forget(switchId) {
      memory.delete(switchId);
      save();
    },
    secrets() {
      const all: string[] = [];
      for (const login of memory.values()) {
        all.push(login.password);
        if (login.enableSecret) all.push(login.enableSecret);
      }
      return all.filter((secret) => secret.length > 0);
    },
  };
}
