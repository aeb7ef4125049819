import { createStore } from 'zustand/vanilla';
import type { PlatformTargetView } from '../../../../shared/ipc';
import type { BridgeClient } from '../../bridge/client';
import { createStoreContext } from '../../common/storeContext';
import { failed } from '../../common/loadable';

export interface SettingsState {
  target: PlatformTargetView | null;
  saving: boolean;
  error: string | null;
  /** What the last successful save said, for the engineer to read. */
  confirmation: string | null;
  /** Reads the current target; resolves with it (null when it could not be read). */
  load(): Promise<PlatformTargetView | null>;
  connectToPlatform(baseUrl: string, token: string): Promise<boolean>;
  switchToDemo(): Promise<boolean>;
  clearMessages(): void;
}

/** Which platform Dialtone talks to. Whoever shows platform data reloads it after a save. */
export function createSettingsStore(bridge: BridgeClient) {
  return createStore<SettingsState>((set) => {
    async function save(run: () => Promise<{ target: PlatformTargetView; confirmation: string }>) {
      set({ saving: true, error: null, confirmation: null });
      try {
        const { target, confirmation } = await run();
        set({ target, saving: false, confirmation });
        return true;
      } catch (error) {
        set({ saving: false, error: failed(error).message });
        return false;
      }
    }
    return {
      target: null,
      saving: false,
      error: null,
      confirmation: null,
      async load() {
        try {
          const { target } = await bridge.invoke('settings:get', {});
          set({ target });
          return target;
        } catch (error) {
          set({ error: failed(error).message });
          return null;
        }
      },
      connectToPlatform: (baseUrl, token) =>
        save(async () => {
          const result = await bridge.invoke('settings:usePlatform', { baseUrl, token });
          return { target: result.target, confirmation: `Connected to ${result.operatorName}.` };
        }),
      switchToDemo: () =>
        save(async () => ({
          target: (await bridge.invoke('settings:useDemo', {})).target,
          confirmation: 'Using the built-in demo platform.',
        })),
      clearMessages: () => set({ error: null, confirmation: null }),
    };
  });
}

export const settingsContext = createStoreContext<SettingsState>('settings');
export const useSettings = settingsContext.useStore;
