import { createStore } from 'zustand/vanilla';
import type { ReplayResult } from '../../../../shared/bundles';
import type { BundleView } from '../../../../shared/ipc';
import type { BridgeClient } from '../../bridge/client';
import { failed, idle, loading, ready, type Loadable } from '../../common/loadable';
import { createStoreContext } from '../../common/storeContext';

export interface BundleState {
  view: Loadable<BundleView>;
  replay: Loadable<ReplayResult>;
  /** Why the last file picked or dropped was refused. */
  refusal: string | null;
  opening: boolean;
  /** Checks and opens a file's bytes in main; resolves with the bundle's id, or null when refused. */
  openFile(file: File): Promise<string | null>;
  load(bundleId: string): Promise<void>;
  runReplay(bundleId: string): Promise<void>;
  /** Packs a job into a bundle in main; the bytes come back to be saved. */
  exportJob(
    jobId: string,
    anonymise: boolean,
  ): Promise<{ fileName: string; data: string; bytes: number }>;
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function createBundleStore(bridge: BridgeClient) {
  return createStore<BundleState>((set, get) => ({
    view: idle,
    replay: idle,
    refusal: null,
    opening: false,
    async openFile(file) {
      set({ opening: true, refusal: null });
      try {
        const data = toBase64(new Uint8Array(await file.arrayBuffer()));
        const view = await bridge.invoke('bundles:open', { fileName: file.name, data });
        set({ view: ready(view), replay: idle, opening: false });
        return view.bundleId;
      } catch (error) {
        set({ opening: false, refusal: error instanceof Error ? error.message : String(error) });
        return null;
      }
    },
    async load(bundleId) {
      const current = get().view;
      if (current.status === 'ready' && current.value.bundleId === bundleId) return;
      set({ view: loading, replay: idle });
      try {
        set({ view: ready(await bridge.invoke('bundles:get', { bundleId })) });
      } catch (error) {
        set({ view: failed(error) });
      }
    },
    exportJob: (jobId, anonymise) => bridge.invoke('bundles:export', { jobId, anonymise }),
    async runReplay(bundleId) {
      set({ replay: loading });
      try {
        set({ replay: ready(await bridge.invoke('bundles:replay', { bundleId })) });
      } catch (error) {
        set({ replay: failed(error) });
      }
    },
  }));
}

export const bundleContext = createStoreContext<BundleState>('bundles');
export const useBundles = bundleContext.useStore;
