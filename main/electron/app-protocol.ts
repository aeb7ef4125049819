import { isAbsolute, join, normalize, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Net, Protocol } from 'electron';

/**
 * The renderer is served from a privileged custom scheme (app://dialtone/…) rather than
 * file://, so the page has a real origin, file:// pages get no special powers, and only
 * files inside the renderer folder can ever be loaded (Electron security checklist 18).
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'dialtone';
export const APP_RENDERER_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** Must run before the app is ready. */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** The file under `rendererDirectory` a request names, or null when it names anything else. */
export function rendererFileFor(requestUrl: string, rendererDirectory: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  const file = normalize(join(rendererDirectory, path === '/' ? '/index.html' : path));
  const inside = relative(rendererDirectory, file);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) return null;
  return file;
}

/** Serves app://dialtone/… from the renderer folder; anything else is a 404. */
export function serveRenderer(
  protocol: Pick<Protocol, 'handle'>,
  net: Pick<Net, 'fetch'>,
  rendererDirectory: string,
): void {
  protocol.handle(APP_SCHEME, (request) => {
    const file = rendererFileFor(request.url, rendererDirectory);
    if (file === null) return new Response('Not found', { status: 404 });
    return net.fetch(pathToFileURL(file).href);
  });
}

/**
 * Where the window loads the renderer from: the dev server (ELECTRON_RENDERER_URL) only in
 * an unpackaged app, so a packaged one can never be pointed elsewhere by the environment
 * (checklist 1); otherwise the app scheme.
 */
export function rendererUrlFor(isPackaged: boolean, env: NodeJS.ProcessEnv): string {
  const devServer = env['ELECTRON_RENDERER_URL'];
  return !isPackaged && devServer ? devServer : APP_RENDERER_URL;
}
