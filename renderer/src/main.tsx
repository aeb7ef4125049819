import '@mantine/core/styles.css';
import { MantineProvider } from '@mantine/core';
import { createHashHistory } from '@tanstack/react-router';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { startBridgeEvents } from './app/bridgeEvents';
import { createAppRouter } from './app/router';
import { createRendererStores } from './app/stores';
import { cssVariablesResolver, theme } from './app/theme';
import { bridge } from './bridge';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

const stores = createRendererStores(bridge);
startBridgeEvents(bridge, stores, window);
void stores.appInfo.getState().load();
void stores.connectivity.getState().load();
// Hash history: the route lives after `#`, so a reload works in Electron (file or custom
// protocol, no server to rewrite paths) and on the browser host alike.
const router = createAppRouter(createHashHistory());

createRoot(root).render(
  <StrictMode>
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver}>
      <App stores={stores} router={router} />
    </MantineProvider>
  </StrictMode>,
);
