import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { channelNames, type BridgeReply } from '../../shared/ipc';
import type { Router } from '../bridge/router';
import { isTrustedSenderUrl } from './security';

export const UNTRUSTED_SENDER_CODE = 'BRIDGE_UNTRUSTED_SENDER';

/**
 * One `ipcMain.handle` per contract channel, each checking the sender frame before the
 * router sees the request. Events go to the app's own windows only.
 */
export function registerBridgeIpc(options: {
  ipcMain: IpcMain;
  router: Router;
  rendererUrl: string;
  targets: () => WebContents[];
}): () => void {
  const { ipcMain, router, rendererUrl } = options;
  for (const channel of channelNames) {
    ipcMain.handle(
      channel,
      (event: IpcMainInvokeEvent, request: unknown): Promise<BridgeReply> | BridgeReply => {
        if (!isTrustedSenderUrl(event.senderFrame?.url, rendererUrl)) {
          return {
            ok: false,
            error: {
              code: UNTRUSTED_SENDER_CODE,
              message: 'This page is not allowed to use the Dialtone bridge.',
            },
          };
        }
        return router.dispatch(channel, request);
      },
    );
  }
  const unsubscribe = router.subscribe((event, payload) => {
    for (const contents of options.targets()) {
      if (!contents.isDestroyed() && isTrustedSenderUrl(contents.getURL(), rendererUrl))
        contents.send(event, payload);
    }
  });
  return () => {
    unsubscribe();
    for (const channel of channelNames) ipcMain.removeHandler(channel);
  };
}
