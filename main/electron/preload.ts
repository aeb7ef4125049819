import { contextBridge, ipcRenderer } from 'electron';
import {
  BRIDGE_ERROR_CODES,
  isChannelName,
  isEventName,
  type BridgeReply,
  type DialtoneBridge,
} from '../../shared/ipc';

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
};

contextBridge.exposeInMainWorld('dialtone', bridge);
