import { join } from 'node:path';
import { BrowserWindow, app, ipcMain, net, protocol, safeStorage, session } from 'electron';
import Store from 'electron-store';
import { createAppServices } from '../app/services';
import { registerAppScheme, rendererUrlFor, serveRenderer } from './app-protocol';
import { registerBridgeIpc } from './ipc';
import { electronReportPdfPrinter } from './report-pdf';
import { lockDownSession, lockDownWebContents, mainWindowOptions } from './security';
import { safeStorageCipher } from './token-cipher';

// Built layout: out/main/index.js, out/preload/index.cjs, out/renderer/index.html.
const preloadPath = join(import.meta.dirname, '../preload/index.cjs');
const rendererDirectory = join(import.meta.dirname, '../renderer');
const rendererUrl = rendererUrlFor(app.isPackaged, process.env);

app.enableSandbox();
registerAppScheme(protocol);

app.on('web-contents-created', (_event, contents) => lockDownWebContents(contents, rendererUrl));

async function launch(): Promise<void> {
  lockDownSession(session.defaultSession);
  serveRenderer(protocol, net, rendererDirectory);
  const cipher = safeStorageCipher(safeStorage);
  const services = await createAppServices({
    host: 'electron',
    dataDirectory: app.getPath('userData'),
    // electron-store: the same JSON format conf writes under the browser host.
    store: new Store<Record<string, unknown>>({
      name: 'dialtone',
      accessPropertiesByDotNotation: false,
    }),
    ...(cipher ? { cipher } : {}),
    reportPdfPrinter: electronReportPdfPrinter(),
    log: (line) => console.error(line),
  });
  registerBridgeIpc({
    ipcMain,
    router: services.router,
    rendererUrl,
    targets: () => BrowserWindow.getAllWindows().map((window) => window.webContents),
  });
  const window = new BrowserWindow(mainWindowOptions(preloadPath));
  window.once('ready-to-show', () => window.show());
  await window.loadURL(rendererUrl);
  app.on('will-quit', () => void services.close());
}

app.on('window-all-closed', () => app.quit());
app
  .whenReady()
  .then(launch)
  .catch((error: unknown) => {
    console.error('Dialtone could not start:', error);
    app.exit(1);
  });
