import { z } from 'zod';
import type { KeyValueStore } from './key-value-store';

/** The engineer's own choices on this machine (platform Settings are main/platform/settings.ts). */
export const Preferences = z.object({
  /** The engineer chose "work offline": no platform calls until they switch it off. */
  workOffline: z.boolean().default(false),
  /** The name the engineer last started a job under, offered for the next one. */
  engineerName: z.string().nullable().default(null),
});
export type Preferences = z.infer<typeof Preferences>;

/** Stored under this key since before it was renamed; kept so saved choices survive. */
const PREFERENCES_KEY = 'settings';

export interface PreferencesStore {
  read(): Preferences;
  update(change: Partial<Preferences>): Preferences;
}

export function createPreferencesStore(store: KeyValueStore): PreferencesStore {
  const read = (): Preferences => {
    const parsed = Preferences.safeParse(store.get(PREFERENCES_KEY) ?? {});
    return parsed.success ? parsed.data : Preferences.parse({});
  };
  return {
    read,
    update(change) {
      const next = { ...read(), ...change };
      store.set(PREFERENCES_KEY, next);
      return next;
    },
  };
}
