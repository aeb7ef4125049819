import { contextBridge, ipcRenderer } from 'electron';
import {
  BRIDGE_ERROR_CODES,
  BRIDGE_IPC,
  isChannelName,
  isEventName,
  type BridgeReply,
  type DialtoneBridge,
} from '../../shared/ipc';

/** This page's scoped subscriptions, by the id it gave main. */
const scopedListeners = new Map<number, (payload: unknown) => void>();
let nextSubscriptionId = 1;
let listeningForScoped = false;

// Only contract channels and events pass; the page never touches ipcRenderer itself.
const bridge: DialtoneBridge = {
  invoke(channel, request): Promise<BridgeReply> {
    if (!isChannelName(channel)) {
      return Promise.resolve({
        ok: false,
        error: {
          code: BRIDGE_ERROR_CODES.unknownChannel,
          message: `There is no bridge channel named ${String(channel)}.`,
        },
      });
    }
    return ipcRenderer.invoke(channel, request) as Promise<BridgeReply>;
  },
  on(event, listener) {
    if (!isEventName(event)) throw new Error(`There is no bridge event named ${String(event)}.`);
    const wrapped = (_event: unknown, payload: unknown) => listener(payload);
    ipcRenderer.on(event, wrapped);
    return () => {
      ipcRenderer.removeListener(event, wrapped);
    };
  },
  // Main checks the event name and the scope; the page only ever talks on the bridge's own names.
  subscribe(event, scope, listener) {
    if (!listeningForScoped) {
      listeningForScoped = true;
      ipcRenderer.on(BRIDGE_IPC.scoped, (_event, subscriptionId: unknown, payload: unknown) => {
        if (typeof subscriptionId === 'number') scopedListeners.get(subscriptionId)?.(payload);
      });
    }
    const subscriptionId = nextSubscriptionId++;
    scopedListeners.set(subscriptionId, listener);
    const ready = (
      ipcRenderer.invoke(BRIDGE_IPC.subscribe, {
        subscriptionId,
        event,
        scope,
      }) as Promise<BridgeReply>
    ).then((reply) => {
      if (!reply.ok) scopedListeners.delete(subscriptionId);
      return reply;
    });
    return {
      ready,
      unsubscribe() {
        if (!scopedListeners.delete(subscriptionId)) return;
        void ipcRenderer.invoke(BRIDGE_IPC.unsubscribe, { subscriptionId });
      },
    };
  },
};

contextBridge.exposeInMainWorld('dialtone', bridge);
