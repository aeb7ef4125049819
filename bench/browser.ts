import { existsSync } from 'node:fs';
import { chromium, type Browser } from '@playwright/test';

/**
 * The Chromium a renderer benchmark drives: Playwright's own where it was downloaded, else
 * Debian's; headless, and without the background networking this machine's closed network
 * refuses (the flags playwright.config.ts gives the e2e specs).
 */
export function launchBenchBrowser(): Promise<Browser> {
  const own = existsSync(chromium.executablePath());
  return chromium.launch({
    ...(own ? {} : { executablePath: '/usr/bin/chromium' }),
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
}
