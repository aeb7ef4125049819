import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { BRIDGE_IPC, channelNames, type BridgeReply } from '../../shared/ipc';
import { createPeerSubscriptions, type PeerSubscriptions } from '../bridge/peer-subscriptions';
import type { Router } from '../bridge/router';
import { isTrustedSenderUrl } from './security';

export const UNTRUSTED_SENDER_CODE = 'BRIDGE_UNTRUSTED_SENDER';

const untrusted: BridgeReply = {
  ok: false,
  error: {
    code: UNTRUSTED_SENDER_CODE,
    message: 'This page is not allowed to use the Dialtone bridge.',
  },
};

/**
 * One `ipcMain.handle` per contract channel, each checking the sender frame before the
 * router sees the request. Broadcast events go to the app's own windows only; scoped events
 * go only to the window that subscribed, and its subscriptions end when it is destroyed or
 * loads a new page (a reload starts with none).
 */
export function registerBridgeIpc(options: {
  ipcMain: IpcMain;
  router: Router;
  rendererUrl: string;
  targets: () => WebContents[];
}): () => void {
  const { ipcMain, router, rendererUrl } = options;
  const trusted = (event: IpcMainInvokeEvent) =>
    isTrustedSenderUrl(event.senderFrame?.url, rendererUrl);

  for (const channel of channelNames) {
    ipcMain.handle(
      channel,
      (event: IpcMainInvokeEvent, request: unknown): Promise<BridgeReply> | BridgeReply =>
        trusted(event) ? router.dispatch(channel, request) : untrusted,
    );
  }

  const peers = new Map<WebContents, PeerSubscriptions>();
  function peerOf(contents: WebContents): PeerSubscriptions {
    const known = peers.get(contents);
    if (known) return known;
    const peer = createPeerSubscriptions(router, (subscriptionId, payload) => {
      if (!contents.isDestroyed()) contents.send(BRIDGE_IPC.scoped, subscriptionId, payload);
    });
    const drop = () => {
      peer.close();
      peers.delete(contents);
    };
    contents.once('destroyed', drop);
    contents.once('did-navigate', drop);
    peers.set(contents, peer);
    return peer;
  }
  ipcMain.handle(BRIDGE_IPC.subscribe, (event: IpcMainInvokeEvent, request: unknown) =>
    trusted(event) ? peerOf(event.sender).subscribe(request) : untrusted,
  );
  ipcMain.handle(BRIDGE_IPC.unsubscribe, (event: IpcMainInvokeEvent, request: unknown) => {
    if (trusted(event)) peers.get(event.sender)?.unsubscribe(request);
  });

  const unsubscribe = router.subscribe((event, payload) => {
    for (const contents of options.targets()) {
      if (!contents.isDestroyed() && isTrustedSenderUrl(contents.getURL(), rendererUrl))
        contents.send(event, payload);
    }
  });
  return () => {
    unsubscribe();
    for (const channel of channelNames) ipcMain.removeHandler(channel);
    ipcMain.removeHandler(BRIDGE_IPC.subscribe);
    ipcMain.removeHandler(BRIDGE_IPC.unsubscribe);
    for (const peer of peers.values()) peer.close();
    peers.clear();
  };
}
