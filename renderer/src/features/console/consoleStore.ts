import { createStore } from 'zustand/vanilla';
import type { SavedTranscriptView } from '../../../../shared/ipc';
import type { BridgeClient } from '../../bridge/client';
import { failed, idle, loading, ready, type Loadable } from '../../common/loadable';
import { createStoreContext } from '../../common/storeContext';

export interface ConsoleState {
  key: { jobId: string; switchId: string } | null;
  /** What the console has shown so far (redacted by main). */
  text: Loadable<string>;
  controller: string | null;
  transcripts: Loadable<SavedTranscriptView[]>;
  opened: { file: string; text: Loadable<string> } | null;
  error: string | null;
  open(jobId: string, switchId: string | null): Promise<void>;
  refresh(): Promise<void>;
  takeControl(): Promise<void>;
  releaseControl(): Promise<void>;
  type(text: string): Promise<void>;
  loadTranscripts(jobId: string): Promise<void>;
  readTranscript(jobId: string, file: string): Promise<void>;
}

const newActionId = () => `act-${crypto.randomUUID()}`;

export function createConsoleStore(bridge: BridgeClient) {
  let stopLive: (() => void) | null = null;
  return createStore<ConsoleState>((set, get) => ({
    key: null,
    text: idle,
    controller: null,
    transcripts: idle,
    opened: null,
    error: null,
    async open(jobId, switchId) {
      stopLive?.();
      stopLive = null;
      if (switchId === null) {
        set({ key: null, text: idle, controller: null });
        return;
      }
      const key = { jobId, switchId };
      set({ key, text: loading, error: null });
      // Subscribe first, then read what was shown: nothing said in between is lost, and what
      // arrives before the read is already in it (the read replaces, later output appends).
      const pending: string[] = [];
      let stopped = false;
      stopLive = () => {
        stopped = true;
      };
      try {
        const unsubscribe = await bridge.subscribe('console:output', key, ({ text }) => {
          const current = get().text;
          if (get().key !== key) return;
          if (current.status === 'ready') set({ text: ready(current.value + text) });
          else pending.push(text);
        });
        if (stopped) unsubscribe();
        else stopLive = unsubscribe;
      } catch {
        // Without the live stream the panel still shows what was read.
      }
      await get().refresh();
      if (pending.length > 0 && get().key === key) pending.length = 0;
    },
    async refresh() {
      const key = get().key;
      if (!key) return;
      try {
        const { text, controller } = await bridge.invoke('console:open', key);
        if (get().key === key) set({ text: ready(text), controller });
      } catch (error) {
        if (get().key === key) set({ text: failed(error) });
      }
    },
    async takeControl() {
      const key = get().key;
      if (!key) return;
      try {
        const { controller } = await bridge.invoke('console:takeControl', {
          ...key,
          actionId: newActionId(),
        });
        set({ controller, error: null });
      } catch (error) {
        set({ error: error instanceof Error ? error.message : String(error) });
      }
    },
    async releaseControl() {
      const key = get().key;
      if (!key) return;
      try {
        const { controller } = await bridge.invoke('console:releaseControl', {
          ...key,
          actionId: newActionId(),
        });
        set({ controller, error: null });
      } catch (error) {
        set({ error: error instanceof Error ? error.message : String(error) });
      }
    },
    async type(text) {
      const key = get().key;
      if (!key) return;
      try {
        await bridge.invoke('console:type', { ...key, text });
      } catch (error) {
        set({ error: error instanceof Error ? error.message : String(error) });
      }
    },
    async loadTranscripts(jobId) {
      set({ transcripts: loading });
      try {
        const { transcripts } = await bridge.invoke('console:transcripts', { jobId });
        set({ transcripts: ready(transcripts) });
      } catch (error) {
        set({ transcripts: failed(error) });
      }
    },
    async readTranscript(jobId, file) {
      set({ opened: { file, text: loading } });
      try {
        const { text } = await bridge.invoke('console:readTranscript', { jobId, file });
        set({ opened: { file, text: ready(text) } });
      } catch (error) {
        set({ opened: { file, text: failed(error) } });
      }
    },
  }));
}

export const consoleContext = createStoreContext<ConsoleState>('console');
export const useConsole = consoleContext.useStore;
