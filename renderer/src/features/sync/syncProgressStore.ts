import { createStore } from 'zustand/vanilla';
import type { SyncProgress } from '../../../../shared/jobs';
import { createStoreContext } from '../../common/storeContext';

export interface SyncProgressState {
  /** Per job: how far its running sync is, or null when none runs. */
  progress: Readonly<Record<string, SyncProgress | null>>;
  apply(jobId: string, progress: SyncProgress | null): void;
}

/** Live sync progress per job, as main pushes it. */
export function createSyncProgressStore() {
  return createStore<SyncProgressState>((set) => ({
    progress: {},
    apply(jobId, progress) {
      set((state) => ({ progress: { ...state.progress, [jobId]: progress } }));
    },
  }));
}

export const syncProgressContext = createStoreContext<SyncProgressState>('sync progress');
export const useSyncProgress = syncProgressContext.useStore;
