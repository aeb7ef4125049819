import { create } from 'zustand';
import type { AppInfo } from '../../../shared/ipc';
import { bridge } from '../bridge';

interface AppState {
  info: AppInfo | null;
  error: string | null;
  load(): Promise<void>;
}

export const useAppStore = create<AppState>((set) => ({
  info: null,
  error: null,
  async load() {
    try {
      set({ info: await bridge.invoke('app:info', {}), error: null });
    } catch (error) {
      set({ error: (error as Error).message });
    }
  },
}));

bridge.on('app:connectionChanged', (connection) => {
  const info = useAppStore.getState().info;
  if (info) useAppStore.setState({ info: { ...info, connection } });
});
