import { create } from 'zustand';
import type {
  ChecklistStepId,
  ConflictChoice,
  JobSummary,
  JobView,
  SyncProgress,
} from '../../../shared/jobs';
import type { Connectivity } from '../../../shared/ipc';
import { bridge } from '../bridge';

type Loadable<T> =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'ready'; value: T }
  | { status: 'failed'; message: string };

export type Section = 'sites' | 'jobs';

interface JobState {
  section: Section;
  jobs: Loadable<JobSummary[]>;
  openJobId: string | null;
  view: Loadable<JobView>;
  connectivity: Connectivity | null;
  progress: Record<string, SyncProgress | null>;
  /** The last failed action, for the engineer to read; cleared by the next success. */
  actionError: string | null;
  busy: boolean;
  showSection(section: Section): void;
  loadJobs(): Promise<void>;
  loadConnectivity(): Promise<void>;
  createJob(siteId: string, occupierId: string): Promise<void>;
  openJob(jobId: string): Promise<void>;
  closeJob(): void;
  archiveJob(): Promise<void>;
  markStep(stepId: ChecklistStepId, done: boolean): Promise<void>;
  setPortRole(floorPortId: string, roleId: string): Promise<void>;
  syncNow(): Promise<void>;
  setWorkOffline(workOffline: boolean): Promise<void>;
  resolveConflict(entryId: string, choice: ConflictChoice): Promise<void>;
  retryEntry(entryId: string): Promise<void>;
  discardEntry(entryId: string): Promise<void>;
}

/** Made once per click and resent with any retry, so main records the action once. */
const newActionId = () => crypto.randomUUID();

export const useJobStore = create<JobState>((set, get) => {
  /** Runs a change to the open job and shows the job as main answers it. */
  async function act(run: (jobId: string) => Promise<JobView>): Promise<void> {
    const jobId = get().openJobId;
    if (!jobId) return;
    set({ busy: true });
    try {
      const view = await run(jobId);
      if (get().openJobId === jobId)
        set({ view: { status: 'ready', value: view }, actionError: null });
    } catch (error) {
      set({ actionError: (error as Error).message });
    } finally {
      set({ busy: false });
    }
  }

  return {
    section: 'sites',
    jobs: { status: 'idle' },
    openJobId: null,
    view: { status: 'idle' },
    connectivity: null,
    progress: {},
    actionError: null,
    busy: false,
    showSection(section) {
      set({ section, openJobId: null, view: { status: 'idle' } });
      if (section === 'jobs') void get().loadJobs();
    },
    async loadJobs() {
      if (get().jobs.status !== 'ready') set({ jobs: { status: 'loading' } });
      try {
        const { jobs } = await bridge.invoke('jobs:list', {});
        set({ jobs: { status: 'ready', value: jobs } });
      } catch (error) {
        set({ jobs: { status: 'failed', message: (error as Error).message } });
      }
    },
    async loadConnectivity() {
      try {
        set({ connectivity: await bridge.invoke('sync:status', {}) });
      } catch {
        // Shown as unknown; the next connectivity event fills it in.
      }
    },
    async createJob(siteId, occupierId) {
      set({ busy: true, actionError: null });
      try {
        const view = await bridge.invoke('jobs:create', { siteId, occupierId });
        set({
          section: 'jobs',
          openJobId: view.summary.jobId,
          view: { status: 'ready', value: view },
        });
        void get().loadJobs();
      } catch (error) {
        set({ actionError: (error as Error).message });
      } finally {
        set({ busy: false });
      }
    },
    async openJob(jobId) {
      set({ section: 'jobs', openJobId: jobId, view: { status: 'loading' }, actionError: null });
      try {
        const view = await bridge.invoke('jobs:open', { jobId });
        if (get().openJobId === jobId) set({ view: { status: 'ready', value: view } });
      } catch (error) {
        if (get().openJobId === jobId)
          set({ view: { status: 'failed', message: (error as Error).message } });
      }
    },
    closeJob() {
      set({ openJobId: null, view: { status: 'idle' }, actionError: null });
      void get().loadJobs();
    },
    archiveJob: () =>
      act((jobId) => bridge.invoke('jobs:archive', { jobId, actionId: newActionId() })),
    markStep: (stepId, done) =>
      act((jobId) =>
        bridge.invoke('jobs:markStep', { jobId, actionId: newActionId(), stepId, done, note: '' }),
      ),
    setPortRole: (floorPortId, roleId) =>
      act((jobId) =>
        bridge.invoke('jobs:setPortRole', { jobId, actionId: newActionId(), floorPortId, roleId }),
      ),
    syncNow: () => act((jobId) => bridge.invoke('sync:now', { jobId })),
    async setWorkOffline(workOffline) {
      try {
        set({ connectivity: await bridge.invoke('sync:setWorkOffline', { workOffline }) });
      } catch (error) {
        set({ actionError: (error as Error).message });
      }
    },
    resolveConflict: (entryId, choice) =>
      act((jobId) =>
        bridge.invoke('sync:resolveConflict', { jobId, actionId: newActionId(), entryId, choice }),
      ),
    retryEntry: (entryId) =>
      act((jobId) => bridge.invoke('sync:retryEntry', { jobId, actionId: newActionId(), entryId })),
    discardEntry: (entryId) =>
      act((jobId) =>
        bridge.invoke('sync:discardEntry', { jobId, actionId: newActionId(), entryId }),
      ),
  };
});

// Re-reads the open job after main says it changed: one read in flight, one more queued.
let refreshing = false;
let refreshAgain = false;
async function refreshOpenJob(): Promise<void> {
  if (refreshing) {
    refreshAgain = true;
    return;
  }
  refreshing = true;
  try {
    do {
      refreshAgain = false;
      const jobId = useJobStore.getState().openJobId;
      if (!jobId) return;
      const view = await bridge.invoke('jobs:open', { jobId });
      if (useJobStore.getState().openJobId === jobId)
        useJobStore.setState({ view: { status: 'ready', value: view } });
    } while (refreshAgain);
  } catch {
    // The next change event tries again.
  } finally {
    refreshing = false;
  }
}

bridge.on('jobs:changed', (summary) => {
  const { jobs, openJobId } = useJobStore.getState();
  if (jobs.status === 'ready') {
    const known = jobs.value.some((j) => j.jobId === summary.jobId);
    useJobStore.setState({
      jobs: {
        status: 'ready',
        value: known
          ? jobs.value.map((j) => (j.jobId === summary.jobId ? summary : j))
          : [summary, ...jobs.value],
      },
    });
  }
  if (openJobId === summary.jobId) void refreshOpenJob();
});

bridge.on('sync:progress', ({ jobId, progress }) => {
  useJobStore.setState((state) => ({ progress: { ...state.progress, [jobId]: progress } }));
});

bridge.on('sync:connectivityChanged', (connectivity) => useJobStore.setState({ connectivity }));
