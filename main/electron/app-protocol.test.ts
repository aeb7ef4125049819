import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import {
  APP_RENDERER_URL,
  registerAppScheme,
  rendererFileFor,
  rendererUrlFor,
  serveRenderer,
} from './app-protocol';
import { isTrustedSenderUrl } from './security';

// The Electron binary cannot be downloaded here: its API is faked, as in the other tests.
vi.mock('electron', () => ({}));

const RENDERER = '/opt/dialtone/resources/app.asar/out/renderer';

describe('the renderer over a privileged app:// scheme (checklist 18)', () => {
  it('registers app:// as a standard, secure scheme', () => {
    const registerSchemesAsPrivileged = vi.fn();
    registerAppScheme({ registerSchemesAsPrivileged });
    expect(registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) },
    ]);
  });

  it('serves files inside the renderer folder only', async () => {
    let handler: ((request: Request) => Response | Promise<Response>) | null = null;
    const fetch = vi.fn(async () => new Response('file'));
    serveRenderer({ handle: (_scheme, h) => (handler = h) }, { fetch }, RENDERER);
    const answer = (url: string) => handler!(new Request(url));

    expect((await answer(APP_RENDERER_URL)).status).toBe(200);
    expect(fetch).toHaveBeenLastCalledWith(pathToFileURL(join(RENDERER, 'index.html')).href);
    await answer('app://dialtone/assets/index-abc.js');
    expect(fetch).toHaveBeenLastCalledWith(
      pathToFileURL(join(RENDERER, 'assets/index-abc.js')).href,
    );
    // Dot segments are resolved by the URL itself: this stays inside the renderer folder.
    await answer('app://dialtone/%2e%2e/%2e%2e/main/index.js');
    expect(fetch).toHaveBeenLastCalledWith(pathToFileURL(join(RENDERER, 'main/index.js')).href);
    fetch.mockClear();
    for (const outside of [
      'app://dialtone/..%2f..%2fpackage.json',
      'app://dialtone/%2e%2e%2f%2e%2e%2fmain%2findex.js',
      'app://other-host/index.html',
      'app://dialtone/%E0%A4%A',
    ])
      expect((await answer(outside)).status, outside).toBe(404);
    expect(fetch).not.toHaveBeenCalled();
    expect(rendererFileFor('file:///etc/passwd', RENDERER)).toBeNull();
  });

  it('trusts only app://dialtone pages as the bridge sender (an opaque origin is not enough)', () => {
    expect(isTrustedSenderUrl('app://dialtone/index.html#/jobs', APP_RENDERER_URL)).toBe(true);
    expect(isTrustedSenderUrl('app://evil/index.html', APP_RENDERER_URL)).toBe(false);
    expect(isTrustedSenderUrl('data:text/html,<p>hi</p>', APP_RENDERER_URL)).toBe(false);
    expect(isTrustedSenderUrl('file:///opt/dialtone/index.html', APP_RENDERER_URL)).toBe(false);
  });
});

describe('ELECTRON_RENDERER_URL (checklist 1)', () => {
  const env = { ELECTRON_RENDERER_URL: 'http://localhost:5173' };
  it('is honoured only in an unpackaged app', () => {
    expect(rendererUrlFor(false, env)).toBe('http://localhost:5173');
    expect(rendererUrlFor(true, env)).toBe(APP_RENDERER_URL);
    expect(rendererUrlFor(false, {})).toBe(APP_RENDERER_URL);
  });
});

describe('Electron fuses at packaging (checklist 19)', () => {
  it('electron-builder.yml turns off RunAsNode, NODE_OPTIONS and --inspect, and turns on cookie encryption and ASAR integrity', () => {
    const text = readFileSync(join(import.meta.dirname, '../../electron-builder.yml'), 'utf8');
    // The electronFuses block: its indented `name: true|false` lines.
    const block = /^electronFuses:\n((?: {2}\w+: (?:true|false)\n)+)/m.exec(text)?.[1] ?? '';
    const fuses = Object.fromEntries(
      block
        .trim()
        .split('\n')
        .map((line) => line.trim().split(': '))
        .map(([name, value]) => [name, value === 'true']),
    );
    expect(fuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
    expect(text).not.toMatch(/^asar: false/m);
  });
});
