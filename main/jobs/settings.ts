import { z } from 'zod';
import type { KeyValueStore } from './key-value-store';

export const Settings = z.object({
  /** The engineer chose "work offline": no platform calls until they switch it off. */
  workOffline: z.boolean().default(false),
});
export type Settings = z.infer<typeof Settings>;

const SETTINGS_KEY = 'settings';

export interface SettingsStore {
  read(): Settings;
  update(change: Partial<Settings>): Settings;
}

export function createSettingsStore(store: KeyValueStore): SettingsStore {
  const read = (): Settings => {
    const parsed = Settings.safeParse(store.get(SETTINGS_KEY) ?? {});
    return parsed.success ? parsed.data : Settings.parse({});
  };
  return {
    read,
    update(change) {
      const next = { ...read(), ...change };
      store.set(SETTINGS_KEY, next);
      return next;
    },
  };
}
