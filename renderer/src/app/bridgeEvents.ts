import type { BridgeClient } from '../bridge/client';
import type { RendererStores } from './stores';

/**
 * Connects main's pushed events (and the OS's online/offline) to the stores. Started once by
 * main.tsx (or a test), never at import time; returns the function that stops it all.
 */
export function startBridgeEvents(
  bridge: BridgeClient,
  stores: RendererStores,
  target: Pick<Window, 'addEventListener' | 'removeEventListener'> & {
    navigator: { onLine: boolean };
  },
): () => void {
  const stops = [
    bridge.on('app:connectionChanged', (connection) =>
      stores.appInfo.getState().applyConnection(connection),
    ),
    bridge.on('jobs:changed', (summary) => {
      stores.jobList.getState().applyChanged(summary);
      void stores.openJob.getState().refresh(summary.jobId);
    }),
    bridge.on('switch:changed', ({ jobId }) => void stores.switches.getState().changed(jobId)),
    bridge.on('sync:progress', ({ jobId, progress }) =>
      stores.syncProgress.getState().apply(jobId, progress),
    ),
    bridge.on('sync:connectivityChanged', (connectivity) =>
      stores.connectivity.getState().apply(connectivity),
    ),
  ];
  // The OS knows first when the network goes: tell main's connectivity at once.
  const report = () => void stores.connectivity.getState().reportNetwork(target.navigator.onLine);
  target.addEventListener('online', report);
  target.addEventListener('offline', report);
  return () => {
    for (const stop of stops) stop();
    target.removeEventListener('online', report);
    target.removeEventListener('offline', report);
  };
}
