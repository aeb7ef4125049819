import { createStore } from 'zustand/vanilla';
import type { ResponseOf } from '../../../../shared/ipc';
import type { JobSummary, JobView } from '../../../../shared/jobs';
import type { BridgeClient } from '../../bridge/client';
import { createStoreContext } from '../../common/storeContext';
import { failed, idle, loading, ready, type Loadable } from '../../common/loadable';
import { withPending, withoutPending, type PendingActions } from '../../common/pending';

export type JobPreview = ResponseOf<'jobs:preview'>;

export interface JobListState {
  jobs: Loadable<JobSummary[]>;
  /** Job starts in flight, keyed `create:<siteId>:<occupierId>`. */
  pending: PendingActions;
  /** Why the last job start failed, for the engineer to read; cleared by the next try. */
  createError: string | null;
  /** What a new job for one occupier would cover; `key` says whose (site:occupier). */
  preview: { key: string | null; value: Loadable<JobPreview> };
  load(): Promise<void>;
  /** Reads the preview for the New job screen; an answer for an occupier no longer chosen is dropped. */
  loadPreview(siteId: string, occupierId: string): Promise<void>;
  /** The engineer's name as last given on this machine (null: never given; undefined: not read yet). */
  engineerName: string | null | undefined;
  loadEngineerName(): Promise<void>;
  /**
   * Starts a job; resolves with it, or null when main refused (see createError). Without a
   * name, main records the one last given on this machine.
   */
  create(siteId: string, occupierId: string, engineerName?: string): Promise<JobView | null>;
  /** Main said a job changed: update its row, or add it at the top. */
  applyChanged(summary: JobSummary): void;
}

export const createJobKey = (siteId: string, occupierId: string) =>
  `create:${siteId}:${occupierId}`;

export function createJobListStore(bridge: BridgeClient) {
  return createStore<JobListState>((set, get) => ({
    jobs: idle,
    pending: {},
    createError: null,
    preview: { key: null, value: idle },
    engineerName: undefined,
    async loadEngineerName() {
      try {
        const { engineerName } = await bridge.invoke('jobs:engineer', {});
        set({ engineerName });
      } catch {
        // Not known: the field starts empty and main still records the name typed.
        set({ engineerName: null });
      }
    },
    async loadPreview(siteId, occupierId) {
      const key = `${siteId}:${occupierId}`;
      set({ preview: { key, value: loading } });
      try {
        const answer = await bridge.invoke('jobs:preview', { siteId, occupierId });
        if (get().preview.key === key) set({ preview: { key, value: ready(answer) } });
      } catch (error) {
        if (get().preview.key === key) set({ preview: { key, value: failed(error) } });
      }
    },
    async load() {
      // A reload keeps the rows on screen instead of flashing a spinner.
      if (get().jobs.status !== 'ready') set({ jobs: loading });
      try {
        const { jobs } = await bridge.invoke('jobs:list', {});
        set({ jobs: ready(jobs) });
      } catch (error) {
        set({ jobs: failed(error) });
      }
    },
    async create(siteId, occupierId, engineerName) {
      const key = createJobKey(siteId, occupierId);
      set((state) => ({ pending: withPending(state.pending, key), createError: null }));
      try {
        const name = engineerName?.trim();
        const view = await bridge.invoke('jobs:create', {
          siteId,
          occupierId,
          ...(name ? { engineerName: name } : {}),
        });
        if (name) set({ engineerName: name });
        get().applyChanged(view.summary);
        return view;
      } catch (error) {
        set({ createError: failed(error).message });
        return null;
      } finally {
        set((state) => ({ pending: withoutPending(state.pending, key) }));
      }
    },
    applyChanged(summary) {
      const { jobs } = get();
      if (jobs.status !== 'ready') return;
      const known = jobs.value.some((j) => j.jobId === summary.jobId);
      set({
        jobs: ready(
          known
            ? jobs.value.map((j) => (j.jobId === summary.jobId ? summary : j))
            : [summary, ...jobs.value],
        ),
      });
    },
  }));
}

export const jobListContext = createStoreContext<JobListState>('job list');
export const useJobList = jobListContext.useStore;
