import { createStore } from 'zustand/vanilla';
import type { Connectivity } from '../../../../shared/ipc';
import type { BridgeClient } from '../../bridge/client';
import { createStoreContext } from '../../common/storeContext';
import { failed } from '../../common/loadable';

export interface ConnectivityState {
  /** Null until main first answered: reachability unknown, which is not offline. */
  connectivity: Connectivity | null;
  /** True while a "work offline" change is on its way to main. */
  changingWorkOffline: boolean;
  error: string | null;
  load(): Promise<void>;
  setWorkOffline(workOffline: boolean): Promise<void>;
  /** The OS says the network went or came back. */
  reportNetwork(online: boolean): Promise<void>;
  /** Main pushed a change. */
  apply(connectivity: Connectivity): void;
}

/** Whether the platform can be reached now, as main's connectivity monitor sees it. */
export function createConnectivityStore(bridge: BridgeClient) {
  return createStore<ConnectivityState>((set) => ({
    connectivity: null,
    changingWorkOffline: false,
    error: null,
    async load() {
      try {
        set({ connectivity: await bridge.invoke('sync:status', {}) });
      } catch {
        // Shown as unknown; the next connectivity event fills it in.
      }
    },
    async setWorkOffline(workOffline) {
      set({ changingWorkOffline: true, error: null });
      try {
        set({ connectivity: await bridge.invoke('sync:setWorkOffline', { workOffline }) });
      } catch (error) {
        set({ error: failed(error).message });
      } finally {
        set({ changingWorkOffline: false });
      }
    },
    async reportNetwork(online) {
      try {
        set({ connectivity: await bridge.invoke('sync:reportNetwork', { online }) });
      } catch {
        // Main's own health check notices too.
      }
    },
    apply(connectivity) {
      set({ connectivity });
    },
  }));
}

export const connectivityContext = createStoreContext<ConnectivityState>('connectivity');
export const useConnectivity = connectivityContext.useStore;
