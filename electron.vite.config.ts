import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import { CONTENT_SECURITY_POLICY } from './shared/security/csp';

/** Writes the one CSP into index.html, so the file:// page under Electron carries it too. */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'dialtone-csp',
    transformIndexHtml: (html) =>
      html.replace(
        '<!-- csp -->',
        // frame-ancestors only works as a header (the browser host sends it); a meta tag ignores it.
        `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY.replace(/; frame-ancestors [^;]+/, '')}" />`,
      ),
  };
}

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: { input: { index: 'main/electron/main.ts' } },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload cannot require packages: bundle everything it uses.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: 'main/electron/preload.ts' },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'renderer',
    base: './',
    build: {
      outDir: 'out/renderer',
      minify: true,
      rollupOptions: { input: 'renderer/index.html' },
    },
    plugins: [react(), contentSecurityPolicy()],
  },
});
