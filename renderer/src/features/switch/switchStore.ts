import { createStore } from 'zustand/vanilla';
import type {
  CablingView,
  RoleApplyResult,
  RolesView,
  SwitchOverview,
  SwitchRouteRequest,
} from '../../../../shared/ipc';
import type { PortFacts } from '../../../../shared/switch/facts';
import { BridgeError, type BridgeClient } from '../../bridge/client';
import { failed, idle, loading, ready, type Loadable } from '../../common/loadable';
import { createStoreContext } from '../../common/storeContext';

export interface SwitchLoginInput {
  username: string;
  password: string;
  enableSecret?: string;
}

/** An SSH host key that changed since it was pinned, as main refused it: both fingerprints. */
export interface HostKeyChange {
  pinned: string;
  presented: string;
}

function hostKeyChangeOf(error: unknown): HostKeyChange | null {
  if (!(error instanceof BridgeError) || error.code !== 'SWITCH_HOST_KEY_CHANGED') return null;
  const detail = error.detail as Partial<HostKeyChange> | undefined;
  return typeof detail?.pinned === 'string' && typeof detail.presented === 'string'
    ? { pinned: detail.pinned, presented: detail.presented }
    : null;
}

export interface SwitchState {
  jobId: string | null;
  overview: Loadable<SwitchOverview>;
  ports: Record<string, Loadable<PortFacts[]>>;
  cabling: Loadable<CablingView>;
  roles: Loadable<RolesView>;
  /** Which screens are showing, so a change re-reads only what is on screen. */
  watching: { cabling: boolean; roles: boolean };
  /** Per action: `connect:<switchId>`, `plug:<handsetId>`, `apply`. */
  pending: Record<string, boolean>;
  /** Per action: the last failure, for the engineer. */
  errors: Record<string, string | null>;
  applyProgress: RoleApplyResult[] | null;
  /** Per switch: the changed SSH host key its last connect was refused for. */
  hostKeyChanges: Record<string, HostKeyChange | null>;
  serialPorts: { value: string; label: string }[];
  loadSerialPorts(): Promise<void>;
  open(jobId: string): Promise<void>;
  connect(switchId: string, route: SwitchRouteRequest, login?: SwitchLoginInput): Promise<boolean>;
  confirm(switchId: string): Promise<void>;
  /** "Trust the new key": pins the key the switch presented; true when main took it. */
  trustHostKey(switchId: string, fingerprint: string): Promise<boolean>;
  disconnect(switchId: string): Promise<void>;
  loadPorts(switchId: string, refresh?: boolean): Promise<void>;
  watch(screen: 'cabling' | 'roles', on: boolean): void;
  loadCabling(): Promise<void>;
  planCabling(handsetId: string, floorPortId: string): Promise<void>;
  demoPlug(handsetId: string, floorPortId: string | null): Promise<void>;
  loadRoles(): Promise<void>;
  applyRoles(floorPortIds: string[]): Promise<void>;
  /** Live link changes and port facts of one switch, while a screen shows it; returns the stop. */
  follow(switchId: string): () => void;
  /** Main says the job's switch work changed: read again what is on screen. */
  changed(jobId: string): Promise<void>;
}

const newActionId = () => `act-${crypto.randomUUID()}`;

export function createSwitchStore(bridge: BridgeClient) {
  return createStore<SwitchState>((set, get) => {
    const busy = (key: string, on: boolean, error: string | null = null) =>
      set((s) => ({
        pending: { ...s.pending, [key]: on },
        errors: on ? s.errors : { ...s.errors, [key]: error },
      }));
    const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

    async function loadOverview(jobId: string) {
      try {
        const overview = await bridge.invoke('switch:overview', { jobId });
        if (get().jobId !== jobId) return;
        set({ overview: ready(overview) });
        for (const item of overview.switches) if (item.session) void get().loadPorts(item.switchId);
      } catch (error) {
        if (get().jobId === jobId) set({ overview: failed(error) });
      }
    }

    return {
      jobId: null,
      overview: idle,
      ports: {},
      cabling: idle,
      roles: idle,
      watching: { cabling: false, roles: false },
      pending: {},
      errors: {},
      applyProgress: null,
      hostKeyChanges: {},
      serialPorts: [],
      async loadSerialPorts() {
        try {
          const { ports } = await bridge.invoke('switch:serialPorts', {});
          set({
            serialPorts: ports.map((p) => ({
              value: p.path,
              label: p.adapter ? `${p.path} — ${p.adapter}` : p.path,
            })),
          });
        } catch {
          set({ serialPorts: [] });
        }
      },
      async open(jobId) {
        if (get().jobId !== jobId)
          set({
            jobId,
            overview: loading,
            ports: {},
            cabling: idle,
            roles: idle,
            applyProgress: null,
          });
        await loadOverview(jobId);
      },
      async connect(switchId, route, login) {
        const jobId = get().jobId;
        if (!jobId) return false;
        const key = `connect:${switchId}`;
        busy(key, true);
        try {
          await bridge.invoke('switch:connect', {
            jobId,
            switchId,
            route,
            ...(login ? { login } : {}),
          });
          busy(key, false);
          set((s) => ({ hostKeyChanges: { ...s.hostKeyChanges, [switchId]: null } }));
          await loadOverview(jobId);
          return true;
        } catch (error) {
          busy(key, false, messageOf(error));
          const change = hostKeyChangeOf(error);
          set((s) => ({ hostKeyChanges: { ...s.hostKeyChanges, [switchId]: change } }));
          return false;
        }
      },
      async trustHostKey(switchId, fingerprint) {
        const jobId = get().jobId;
        if (!jobId) return false;
        const key = `trustHostKey:${switchId}`;
        busy(key, true);
        try {
          await bridge.invoke('switch:trustHostKey', { jobId, switchId, fingerprint });
          busy(key, false);
          set((s) => ({ hostKeyChanges: { ...s.hostKeyChanges, [switchId]: null } }));
          return true;
        } catch (error) {
          busy(key, false, messageOf(error));
          return false;
        }
      },
      async confirm(switchId) {
        const jobId = get().jobId;
        if (!jobId) return;
        const key = `confirm:${switchId}`;
        busy(key, true);
        try {
          await bridge.invoke('switch:confirmIdentity', {
            jobId,
            switchId,
            actionId: newActionId(),
          });
          busy(key, false);
          await loadOverview(jobId);
        } catch (error) {
          busy(key, false, messageOf(error));
        }
      },
      async disconnect(switchId) {
        const jobId = get().jobId;
        if (!jobId) return;
        const key = `disconnect:${switchId}`;
        busy(key, true);
        try {
          await bridge.invoke('switch:disconnect', { jobId, switchId });
          busy(key, false);
          set((s) => ({ ports: { ...s.ports, [switchId]: idle } }));
          await loadOverview(jobId);
        } catch (error) {
          busy(key, false, messageOf(error));
        }
      },
      async loadPorts(switchId, refresh = false) {
        const jobId = get().jobId;
        if (!jobId) return;
        if (get().ports[switchId]?.status !== 'ready')
          set((s) => ({ ports: { ...s.ports, [switchId]: loading } }));
        try {
          const { ports } = await bridge.invoke('switch:ports', { jobId, switchId, refresh });
          if (get().jobId === jobId)
            set((s) => ({ ports: { ...s.ports, [switchId]: ready(ports) } }));
        } catch (error) {
          if (get().jobId === jobId)
            set((s) => ({ ports: { ...s.ports, [switchId]: failed(error) } }));
        }
      },
      watch(screen, on) {
        set((s) => ({ watching: { ...s.watching, [screen]: on } }));
      },
      async loadCabling() {
        const jobId = get().jobId;
        if (!jobId) return;
        if (get().cabling.status !== 'ready') set({ cabling: loading });
        try {
          const cabling = await bridge.invoke('switch:cabling', { jobId });
          if (get().jobId === jobId) set({ cabling: ready(cabling) });
        } catch (error) {
          if (get().jobId === jobId) set({ cabling: failed(error) });
        }
      },
      async planCabling(handsetId, floorPortId) {
        const jobId = get().jobId;
        if (!jobId) return;
        const key = `plan:${handsetId}`;
        busy(key, true);
        try {
          const cabling = await bridge.invoke('switch:planCabling', {
            jobId,
            actionId: newActionId(),
            handsetId,
            floorPortId,
          });
          set({ cabling: ready(cabling) });
          busy(key, false);
        } catch (error) {
          busy(key, false, messageOf(error));
        }
      },
      async demoPlug(handsetId, floorPortId) {
        const jobId = get().jobId;
        if (!jobId) return;
        const key = `plug:${handsetId}`;
        busy(key, true);
        try {
          const cabling = await bridge.invoke('switch:demoPlug', { jobId, handsetId, floorPortId });
          set({ cabling: ready(cabling) });
          busy(key, false);
        } catch (error) {
          busy(key, false, messageOf(error));
        }
      },
      async loadRoles() {
        const jobId = get().jobId;
        if (!jobId) return;
        if (get().roles.status !== 'ready') set({ roles: loading });
        try {
          const roles = await bridge.invoke('switch:roles', { jobId });
          if (get().jobId === jobId) set({ roles: ready(roles) });
        } catch (error) {
          if (get().jobId === jobId) set({ roles: failed(error) });
        }
      },
      async applyRoles(floorPortIds) {
        const jobId = get().jobId;
        if (!jobId || floorPortIds.length === 0) return;
        busy('apply', true);
        set({ applyProgress: [] });
        const actionId = newActionId();
        // One port per call, so the bar moves as each port is applied, read back and verified.
        try {
          for (const [index, floorPortId] of floorPortIds.entries()) {
            const { results } = await bridge.invoke('switch:applyRoles', {
              jobId,
              actionId: `${actionId}-${index}`,
              floorPortIds: [floorPortId],
            });
            const result = results[0];
            if (result)
              set((s) => ({
                applyProgress: [
                  ...(s.applyProgress ?? []),
                  { ...result, index: index + 1, total: floorPortIds.length },
                ],
              }));
          }
          busy('apply', false);
        } catch (error) {
          busy('apply', false, messageOf(error));
        }
        await get().loadRoles();
      },
      follow(switchId) {
        const jobId = get().jobId;
        if (!jobId) return () => undefined;
        let stopped = false;
        let stop: (() => void) | null = null;
        void bridge
          .subscribe('switch:live', { jobId, switchId }, ({ links, ports }) => {
            const current = get().ports[switchId];
            if (get().jobId !== jobId || current?.status !== 'ready') return;
            const byName = new Map(current.value.map((p) => [p.interfaceName, p]));
            for (const link of links) {
              const port = byName.get(link.interfaceName);
              if (port)
                byName.set(link.interfaceName, { ...port, link: link.link, readAt: link.at });
            }
            for (const port of ports) byName.set(port.interfaceName, port);
            set((s) => ({ ports: { ...s.ports, [switchId]: ready([...byName.values()]) } }));
          })
          .then(
            (unsubscribe) => {
              if (stopped) unsubscribe();
              else stop = unsubscribe;
            },
            () => undefined,
          );
        return () => {
          stopped = true;
          stop?.();
        };
      },
      async changed(jobId) {
        if (get().jobId !== jobId) return;
        await loadOverview(jobId);
        if (get().watching.cabling) await get().loadCabling();
        if (get().watching.roles && !get().pending.apply) await get().loadRoles();
      },
    };
  });
}

export const switchContext = createStoreContext<SwitchState>('switch');
export const useSwitch = switchContext.useStore;
