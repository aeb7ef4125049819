import { describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../shared/security/csp';
import {
  isTrustedSenderUrl,
  lockDownSession,
  lockDownWebContents,
  mainWindowOptions,
} from './security';

// electron cannot be loaded in plain Node; this module only needs its types, and the
// fakes below stand in for the objects Electron would hand it.
vi.mock('electron', () => ({}));

const RENDERER = 'file:///opt/Dialtone/resources/app/out/renderer/index.html';

describe('Electron window options', () => {
  it('turns every hardening switch on', () => {
    const options = mainWindowOptions('/app/out/preload/index.cjs');
    expect(options.webPreferences).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });
});

describe('IPC sender check', () => {
  it("trusts only the app's own page", () => {
    expect(isTrustedSenderUrl(RENDERER, RENDERER)).toBe(true);
    expect(isTrustedSenderUrl(`${RENDERER}#/site/1`, RENDERER)).toBe(true);
    expect(isTrustedSenderUrl('file:///tmp/evil.html', RENDERER)).toBe(false);
    expect(isTrustedSenderUrl('https://evil.example/', RENDERER)).toBe(false);
    expect(isTrustedSenderUrl('', RENDERER)).toBe(false);
    expect(isTrustedSenderUrl(undefined, RENDERER)).toBe(false);
    expect(isTrustedSenderUrl('not a url', RENDERER)).toBe(false);
  });

  it('matches the dev server by origin', () => {
    expect(isTrustedSenderUrl('http://localhost:5173/index.html', 'http://localhost:5173')).toBe(
      true,
    );
    expect(isTrustedSenderUrl('http://localhost:5174/', 'http://localhost:5173')).toBe(false);
  });
});

function fakeWebContents() {
  const handlers = new Map<string, (...args: unknown[]) => void>();
  let windowOpenHandler: (() => { action: string }) | null = null;
  return {
    handlers,
    openWindow: () => windowOpenHandler?.(),
    contents: {
      on: (name: string, handler: (...args: unknown[]) => void) => handlers.set(name, handler),
      setWindowOpenHandler: (handler: () => { action: string }) => (windowOpenHandler = handler),
    },
  };
}

describe('web contents lock-down', () => {
  it('denies navigation away from the app, webviews and window.open', () => {
    const fake = fakeWebContents();
    lockDownWebContents(fake.contents as never, RENDERER);
    const away = { preventDefault: vi.fn() };
    fake.handlers.get('will-navigate')?.(away, 'https://evil.example/');
    expect(away.preventDefault).toHaveBeenCalled();
    const home = { preventDefault: vi.fn() };
    fake.handlers.get('will-navigate')?.(home, RENDERER);
    expect(home.preventDefault).not.toHaveBeenCalled();
    const webview = { preventDefault: vi.fn() };
    fake.handlers.get('will-attach-webview')?.(webview);
    expect(webview.preventDefault).toHaveBeenCalled();
    expect(fake.openWindow()).toEqual({ action: 'deny' });
  });
});

describe('session lock-down', () => {
  it('denies permission requests and sets the CSP header', () => {
    let requestHandler: ((c: unknown, p: string, cb: (ok: boolean) => void) => void) | null = null;
    let checkHandler: (() => boolean) | null = null;
    let headersHandler: ((d: unknown, cb: (r: unknown) => void) => void) | null = null;
    lockDownSession({
      setPermissionRequestHandler: (h: typeof requestHandler) => (requestHandler = h),
      setPermissionCheckHandler: (h: typeof checkHandler) => (checkHandler = h),
      webRequest: { onHeadersReceived: (h: typeof headersHandler) => (headersHandler = h) },
    } as never);
    const decision = vi.fn();
    requestHandler!({}, 'media', decision);
    expect(decision).toHaveBeenCalledWith(false);
    expect(checkHandler!()).toBe(false);
    const done = vi.fn();
    headersHandler!({ responseHeaders: { 'x-a': ['1'] } }, done);
    expect(done).toHaveBeenCalledWith({
      responseHeaders: { 'x-a': ['1'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
  });
});
