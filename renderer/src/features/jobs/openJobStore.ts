import { createStore } from 'zustand/vanilla';
import type { ChannelName, RequestOf } from '../../../../shared/ipc';
import type { ConflictChoice, JobView } from '../../../../shared/jobs';
import { BridgeError, type BridgeClient } from '../../bridge/client';
import { createStoreContext } from '../../common/storeContext';
import { failed, idle, loading, ready, type Loadable } from '../../common/loadable';
import { withPending, withoutPending, type PendingActions } from '../../common/pending';

/** Keys of the open job's actions, so each control waits only for its own action. */
export const jobActionKey = {
  archive: 'archive',
  syncNow: 'syncNow',
  reportPdf: 'reportPdf',
  setPortRole: (floorPortId: string) => `setPortRole:${floorPortId}`,
  outboxEntry: (entryId: string) => `entry:${entryId}`,
  installation: (what: string) => `installation:${what}`,
} as const;

/** The guided job's channels: each takes the job and an action id, and answers the job's view. */
export type InstallationChannel = Exclude<
  Extract<ChannelName, `installation:${string}`>,
  'installation:demoKeypadLogin'
>;
export type InstallationRequest<C extends InstallationChannel> = Omit<
  RequestOf<C>,
  'jobId' | 'actionId'
>;

export interface OpenJobState {
  /** The job the route shows. */
  jobId: string | null;
  view: Loadable<JobView>;
  pending: PendingActions;
  /** The last failed action, for the engineer to read; cleared by the next success. */
  actionError: string | null;
  open(jobId: string): Promise<void>;
  /** Shows a view main just returned (e.g. from creating the job) without reading it again. */
  show(view: JobView): void;
  close(): void;
  /** Main said this job changed: read it again (one read in flight, one more queued). */
  refresh(jobId: string): Promise<void>;
  archive(): Promise<void>;
  setPortRole(floorPortId: string, roleId: string): Promise<void>;
  syncNow(): Promise<void>;
  resolveConflict(entryId: string, choice: ConflictChoice): Promise<void>;
  retryEntry(entryId: string): Promise<void>;
  discardEntry(entryId: string): Promise<void>;
  /**
   * The report on screen as a PDF made by main (Electron): the file it wrote; 'print' when this
   * host makes PDFs with its print dialog instead; null when it failed (see actionError).
   */
  saveReportPdf(): Promise<{ path: string } | 'print' | null>;
  /** One guided-job action (`key` is its pending key, e.g. jobActionKey.installation('ring:+44…')). */
  installation<C extends InstallationChannel>(
    key: string,
    channel: C,
    request: InstallationRequest<C>,
  ): Promise<void>;
  /** Demo only: the simulated person types `e164`'s keypad steps on its simulated handset. */
  demoKeypadLogin(e164: string): Promise<void>;
}

/** Made once per click and resent with any retry, so main records the action once. */
const newActionId = () => crypto.randomUUID();

export function createOpenJobStore(bridge: BridgeClient) {
  let refreshing = false;
  let refreshAgain = false;

  return createStore<OpenJobState>((set, get) => {
    /** Runs a change to the open job and shows the job as main answers it. */
    async function act(key: string, run: (jobId: string) => Promise<JobView>): Promise<void> {
      const jobId = get().jobId;
      if (!jobId) return;
      set((state) => ({ pending: withPending(state.pending, key) }));
      try {
        const view = await run(jobId);
        if (get().jobId === jobId) set({ view: ready(view), actionError: null });
      } catch (error) {
        if (get().jobId === jobId) set({ actionError: failed(error).message });
      } finally {
        set((state) => ({ pending: withoutPending(state.pending, key) }));
      }
    }

    return {
      jobId: null,
      view: idle,
      pending: {},
      actionError: null,
      async open(jobId) {
        set({ jobId, view: loading, actionError: null, pending: {} });
        try {
          const view = await bridge.invoke('jobs:open', { jobId });
          if (get().jobId === jobId) set({ view: ready(view) });
        } catch (error) {
          if (get().jobId === jobId) set({ view: failed(error) });
        }
      },
      show(view) {
        set({ jobId: view.summary.jobId, view: ready(view), actionError: null, pending: {} });
      },
      close() {
        set({ jobId: null, view: idle, actionError: null, pending: {} });
      },
      async refresh(jobId) {
        if (get().jobId !== jobId) return;
        if (refreshing) {
          refreshAgain = true;
          return;
        }
        refreshing = true;
        try {
          do {
            refreshAgain = false;
            const current = get().jobId;
            if (current !== jobId) return;
            const view = await bridge.invoke('jobs:open', { jobId });
            if (get().jobId === jobId) set({ view: ready(view) });
          } while (refreshAgain);
        } catch {
          // The next change event tries again.
        } finally {
          refreshing = false;
        }
      },
      archive: () =>
        act(jobActionKey.archive, (jobId) =>
          bridge.invoke('jobs:archive', { jobId, actionId: newActionId() }),
        ),
      setPortRole: (floorPortId, roleId) =>
        act(jobActionKey.setPortRole(floorPortId), (jobId) =>
          bridge.invoke('jobs:setPortRole', {
            jobId,
            actionId: newActionId(),
            floorPortId,
            roleId,
          }),
        ),
      syncNow: () => act(jobActionKey.syncNow, (jobId) => bridge.invoke('sync:now', { jobId })),
      resolveConflict: (entryId, choice) =>
        act(jobActionKey.outboxEntry(entryId), (jobId) =>
          bridge.invoke('sync:resolveConflict', {
            jobId,
            actionId: newActionId(),
            entryId,
            choice,
          }),
        ),
      retryEntry: (entryId) =>
        act(jobActionKey.outboxEntry(entryId), (jobId) =>
          bridge.invoke('sync:retryEntry', { jobId, actionId: newActionId(), entryId }),
        ),
      installation: (key, channel, request) =>
        act(
          key,
          (jobId) =>
            bridge.invoke(channel, {
              ...request,
              jobId,
              actionId: newActionId(),
            } as RequestOf<typeof channel>) as Promise<JobView>,
        ),
      async demoKeypadLogin(e164) {
        const jobId = get().jobId;
        if (!jobId) return;
        const key = jobActionKey.installation(`demoKeypad:${e164}`);
        set((state) => ({ pending: withPending(state.pending, key) }));
        try {
          await bridge.invoke('installation:demoKeypadLogin', { jobId, e164 });
          if (get().jobId === jobId) set({ actionError: null });
        } catch (error) {
          if (get().jobId === jobId) set({ actionError: failed(error).message });
        } finally {
          set((state) => ({ pending: withoutPending(state.pending, key) }));
        }
      },
      discardEntry: (entryId) =>
        act(jobActionKey.outboxEntry(entryId), (jobId) =>
          bridge.invoke('sync:discardEntry', { jobId, actionId: newActionId(), entryId }),
        ),
      async saveReportPdf() {
        let outcome: { path: string } | 'print' | null = null;
        await act(jobActionKey.reportPdf, async (jobId) => {
          try {
            const saved = await bridge.invoke('installation:saveReportPdf', {
              jobId,
              actionId: newActionId(),
            });
            outcome = { path: saved.path };
            return saved.view;
          } catch (error) {
            if (!(error instanceof BridgeError && error.code === 'REPORT_PDF_UNAVAILABLE'))
              throw error;
            outcome = 'print';
            return bridge.invoke('jobs:open', { jobId });
          }
        });
        return outcome;
      },
    };
  });
}

export const openJobContext = createStoreContext<OpenJobState>('open job');
export const useOpenJob = openJobContext.useStore;
