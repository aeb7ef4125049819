import { createStore } from 'zustand/vanilla';
import type { SiteSummary } from '../../../../shared/ipc';
import type { BridgeClient } from '../../bridge/client';
import { createStoreContext } from '../../common/storeContext';
import { failed, idle, loading, ready, type Loadable } from '../../common/loadable';

export interface SiteListState {
  sites: Loadable<SiteSummary[]>;
  load(): Promise<void>;
}

/** The operator's sites, as the platform Dialtone is set to lists them. */
export function createSiteListStore(bridge: BridgeClient) {
  return createStore<SiteListState>((set) => ({
    sites: idle,
    async load() {
      set({ sites: loading });
      try {
        const { sites } = await bridge.invoke('sites:list', {});
        set({ sites: ready(sites) });
      } catch (error) {
        set({ sites: failed(error) });
      }
    },
  }));
}

export const siteListContext = createStoreContext<SiteListState>('site list');
export const useSiteList = siteListContext.useStore;
