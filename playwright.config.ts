import { existsSync } from 'node:fs';
import { chromium, defineConfig } from '@playwright/test';

/**
 * The Chromium npm test's preflight found (DIALTONE_CHROMIUM); run alone, Playwright's own
 * Chromium where it was downloaded, else Debian's.
 */
function chromiumExecutable(): string | undefined {
  const found = process.env['DIALTONE_CHROMIUM'];
  if (found) return found;
  const own = chromium.executablePath();
  if (own && existsSync(own)) return undefined;
  return '/usr/bin/chromium';
}

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results/e2e',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: process.env['PLAYWRIGHT_JSON_OUTPUT_NAME'] ? [['list'], ['json']] : [['list']],
  use: {
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    viewport: { width: 1280, height: 860 },
  },
  projects: [
    {
      name: 'browser',
      testIgnore: /electron\//,
      use: {
        browserName: 'chromium',
        launchOptions: {
          ...(chromiumExecutable() ? { executablePath: chromiumExecutable() } : {}),
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--no-first-run',
            '--disable-sync',
          ],
        },
      },
    },
    {
      name: 'electron',
      testMatch: /electron\/.*\.spec\.ts/,
    },
  ],
});
