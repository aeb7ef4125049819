import { createStore } from 'zustand/vanilla';
import type { SiteDetail } from '../../../../shared/ipc';
import type { BridgeClient } from '../../bridge/client';
import { createStoreContext } from '../../common/storeContext';
import { failed, idle, loading, ready, type Loadable } from '../../common/loadable';

export interface SiteDetailState {
  /** The site the route shows; its detail is ignored if it arrives after the engineer left. */
  siteId: string | null;
  detail: Loadable<SiteDetail>;
  open(siteId: string): Promise<void>;
  close(): void;
}

export function createSiteDetailStore(bridge: BridgeClient) {
  return createStore<SiteDetailState>((set, get) => ({
    siteId: null,
    detail: idle,
    async open(siteId) {
      set({ siteId, detail: loading });
      try {
        const detail = await bridge.invoke('sites:get', { siteId });
        if (get().siteId === siteId) set({ detail: ready(detail) });
      } catch (error) {
        if (get().siteId === siteId) set({ detail: failed(error) });
      }
    },
    close() {
      set({ siteId: null, detail: idle });
    },
  }));
}

export const siteDetailContext = createStoreContext<SiteDetailState>('site detail');
export const useSiteDetail = siteDetailContext.useStore;
