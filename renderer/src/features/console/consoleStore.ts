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
  return createStore<ConsoleState>((set, get) => ({
    key: null,
    text: idle,
    controller: null,
    transcripts: idle,
    opened: null,
    error: null,
    async open(jobId, switchId) {
      if (switchId === null) {
        set({ key: null, text: idle, controller: null });
        return;
      }
      set({ key: { jobId, switchId }, text: loading, error: null });
      await get().refresh();
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
