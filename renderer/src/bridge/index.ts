import type { DialtoneBridge } from '../../../shared/ipc';
import { createBridgeClient } from './client';
import { createWebSocketBridge } from './websocketBridge';

declare global {
  interface Window {
    /** Set by the Electron preload; absent under the browser host. */
    dialtone?: DialtoneBridge;
  }
}

export const bridge = createBridgeClient(window.dialtone ?? createWebSocketBridge(window.location));
export { BridgeError } from './client';
