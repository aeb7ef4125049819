import { create } from 'zustand';
import type { SiteDetail, SiteSummary } from '../../../shared/ipc';
import { bridge } from '../bridge';

type Loadable<T> =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'ready'; value: T }
  | { status: 'failed'; message: string };

interface SiteState {
  sites: Loadable<SiteSummary[]>;
  openSiteId: string | null;
  detail: Loadable<SiteDetail>;
  loadSites(): Promise<void>;
  openSite(siteId: string): Promise<void>;
  closeSite(): void;
}

export const useSiteStore = create<SiteState>((set, get) => ({
  sites: { status: 'idle' },
  openSiteId: null,
  detail: { status: 'idle' },
  async loadSites() {
    set({ sites: { status: 'loading' } });
    try {
      const { sites } = await bridge.invoke('sites:list', {});
      set({ sites: { status: 'ready', value: sites } });
    } catch (error) {
      set({ sites: { status: 'failed', message: (error as Error).message } });
    }
  },
  async openSite(siteId) {
    set({ openSiteId: siteId, detail: { status: 'loading' } });
    try {
      const detail = await bridge.invoke('sites:get', { siteId });
      // Ignore a late answer for a site the engineer has already left.
      if (get().openSiteId === siteId) set({ detail: { status: 'ready', value: detail } });
    } catch (error) {
      if (get().openSiteId === siteId)
        set({ detail: { status: 'failed', message: (error as Error).message } });
    }
  },
  closeSite() {
    set({ openSiteId: null, detail: { status: 'idle' } });
  },
}));
