import { createStore } from 'zustand/vanilla';
import type { AppInfo, ConnectionState } from '../../../shared/ipc';
import type { BridgeClient } from '../bridge/client';
import { createStoreContext } from '../common/storeContext';
import { failed } from '../common/loadable';

export interface AppInfoState {
  info: AppInfo | null;
  error: string | null;
  load(): Promise<void>;
  /** Main pushed the platform Dialtone now talks to. */
  applyConnection(connection: ConnectionState): void;
}

/** Dialtone's version, host and configured platform, for the header. */
export function createAppInfoStore(bridge: BridgeClient) {
  return createStore<AppInfoState>((set, get) => ({
    info: null,
    error: null,
    async load() {
      try {
        set({ info: await bridge.invoke('app:info', {}), error: null });
      } catch (error) {
        set({ error: failed(error).message });
      }
    },
    applyConnection(connection) {
      const info = get().info;
      if (info) set({ info: { ...info, connection } });
    },
  }));
}

export const appInfoContext = createStoreContext<AppInfoState>('app info');
export const useAppInfo = appInfoContext.useStore;
