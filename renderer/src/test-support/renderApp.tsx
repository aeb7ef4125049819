import { MantineProvider } from '@mantine/core';
import { createHashHistory, createMemoryHistory } from '@tanstack/react-router';
import { render } from '@testing-library/react';
import { createBridgeClient } from '../bridge/client';
import { App } from '../app/App';
import { startBridgeEvents } from '../app/bridgeEvents';
import { createAppRouter } from '../app/router';
import { createRendererStores } from '../app/stores';
import { cssVariablesResolver, theme } from '../app/theme';
import { createFakeBridge, type FakeHandlers } from './fakeBridge';

const demoInfo = {
  name: 'Dialtone',
  version: '0.1.0',
  host: 'browser',
  connection: { kind: 'demo', platformUrl: 'http://127.0.0.1:4010' },
} as const;

const reachable = { reachable: true, workOffline: false, reason: null, checkedAt: null };

/**
 * The whole renderer as main.tsx starts it, on a fake bridge: stores made from it, events
 * subscribed, and a router on the window's hash (as in the app) or in memory at `path`.
 */
export function renderApp({
  handlers,
  path,
}: {
  handlers: FakeHandlers;
  /** In memory at this path; without it, the router reads window.location.hash as the app does. */
  path?: string;
}) {
  const fake = createFakeBridge({
    'app:info': () => demoInfo,
    'sync:status': () => reachable,
    ...handlers,
  });
  const bridge = createBridgeClient(fake.bridge);
  const stores = createRendererStores(bridge);
  const stopEvents = startBridgeEvents(bridge, stores, window);
  void stores.appInfo.getState().load();
  void stores.connectivity.getState().load();
  const history =
    path === undefined ? createHashHistory() : createMemoryHistory({ initialEntries: [path] });
  const router = createAppRouter(history);
  const view = render(
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver}>
      <App stores={stores} router={router} />
    </MantineProvider>,
  );
  return {
    ...view,
    fake,
    stores,
    router,
    history,
    unmount() {
      view.unmount();
      stopEvents();
    },
  };
}
