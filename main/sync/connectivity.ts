import type { PreferencesStore } from '../jobs';

export interface ConnectivityState {
  /** The platform answered its last health check (and the OS did not say the network went). */
  reachable: boolean;
  /** The engineer chose "work offline". */
  workOffline: boolean;
  /** Why the platform is not reachable, for the engineer. */
  reason: string | null;
  checkedAt: string | null;
}

export interface Connectivity {
  state(): ConnectivityState;
  /** Sync may talk to the platform: reachable and not working offline. */
  canSync(): boolean;
  check(): Promise<ConnectivityState>;
  setWorkOffline(workOffline: boolean): ConnectivityState;
  /** From the host's OS events (Electron's `online`/`offline`): offline at once, online re-checks. */
  reportOsOnline(online: boolean): void;
  /** Sync saw the platform stop answering. */
  reportUnreachable(reason: string): void;
  onChange(listener: (state: ConnectivityState) => void): () => void;
  /** Checks health every `intervalMs` until `stop`. */
  start(intervalMs: number): void;
  stop(): void;
}

export function createConnectivity(options: {
  /** True when the platform answers; false, or why not in the engineer's words, when not. */
  health(): Promise<boolean | string>;
  preferences: PreferencesStore;
  now?: () => Date;
}): Connectivity {
  const now = options.now ?? (() => new Date());
  let state: ConnectivityState = {
    reachable: false,
    workOffline: options.preferences.read().workOffline,
    reason: 'Not checked yet.',
    checkedAt: null,
  };
  const listeners = new Set<(state: ConnectivityState) => void>();
  let timer: ReturnType<typeof setInterval> | null = null;
  let checking: Promise<ConnectivityState> | null = null;

  function set(change: Partial<ConnectivityState>): ConnectivityState {
    const next = { ...state, ...change };
    const changed =
      next.reachable !== state.reachable ||
      next.workOffline !== state.workOffline ||
      next.reason !== state.reason;
    state = next;
    if (changed) for (const listener of listeners) listener(state);
    return state;
  }

  async function check(): Promise<ConnectivityState> {
    if (state.workOffline) return state;
    checking ??= options
      .health()
      .catch(() => false)
      .then((answer) =>
        set({
          reachable: answer === true,
          reason:
            answer === true
              ? null
              : typeof answer === 'string'
                ? answer
                : 'The platform does not answer. Changes are kept here and sent when it answers again.',
          checkedAt: now().toISOString(),
        }),
      )
      .finally(() => {
        checking = null;
      });
    return checking;
  }

  return {
    state: () => state,
    canSync: () => state.reachable && !state.workOffline,
    check,
    setWorkOffline(workOffline) {
      options.preferences.update({ workOffline });
      const next = set({ workOffline });
      if (!workOffline) void check();
      return next;
    },
    reportOsOnline(online) {
      if (online) void check();
      else set({ reachable: false, reason: 'The laptop has no network connection.' });
    },
    reportUnreachable(reason) {
      set({ reachable: false, reason });
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    start(intervalMs) {
      void check();
      timer ??= setInterval(() => void check(), intervalMs);
      timer.unref?.();
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = null;
    },
  };
}
