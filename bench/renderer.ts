/**
 * Renderer budgets (DESIGN.md): main JS bundle under 350 kB gzip; first screen interactive
 * under 1 s on the browser host. Run after `npm run build`: `npx tsx bench/renderer.ts`.
 * Exits 1 when a figure is over its budget.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { createAppServices } from '../main/app/services';
import { PROJECT_ROOT } from '../main/cli/project-root';
import { startBrowserHost } from '../main/web/server';
import { launchBenchBrowser } from './browser';

const BUNDLE_BUDGET_KB = 350;
const FIRST_SCREEN_BUDGET_MS = 1000;
const RUNS = 5;

const rendererDir = join(PROJECT_ROOT, 'out', 'renderer');
const assets = join(rendererDir, 'assets');
if (!existsSync(assets)) {
  console.error('bench/renderer: build first (npm run build).');
  process.exit(2);
}

const jsFiles = readdirSync(assets).filter((f) => f.endsWith('.js'));
const gzipKb = jsFiles.map((f) => ({
  file: f,
  kb: gzipSync(readFileSync(join(assets, f))).length / 1024,
}));
const mainBundle = gzipKb.reduce((a, b) => (b.kb > a.kb ? b : a));

const services = await createAppServices({
  host: 'browser',
  target: { kind: 'demo' },
  dataDirectory: mkdtempSync(join(tmpdir(), 'dialtone-bench-')),
});
const host = await startBrowserHost({ router: services.router, rendererDir });
const browser = await launchBenchBrowser();
const timings: number[] = [];
try {
  for (let run = 0; run < RUNS; run++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(host.launchUrl);
    // Interactive: the first site's "Open" is visible, enabled, stable and takes the click
    // (Playwright's actionability checks; a trial click does not navigate).
    await page
      .getByRole('link', { name: /^Open / })
      .first()
      .click({ trial: true });
    // Time from navigation start until then.
    const ms = await page.evaluate(() => performance.now());
    timings.push(ms);
    await context.close();
  }
} finally {
  await browser.close();
  await host.close();
  await services.close();
}
timings.sort((a, b) => a - b);
const median = timings[Math.floor(timings.length / 2)] ?? NaN;

console.log(
  `main JS bundle: ${mainBundle.file} ${mainBundle.kb.toFixed(1)} kB gzip (budget ${BUNDLE_BUDGET_KB} kB) — ${mainBundle.kb < BUNDLE_BUDGET_KB ? 'within budget' : 'OVER BUDGET'}`,
);
console.log(
  `first screen interactive: median ${median.toFixed(0)} ms of ${RUNS} cold loads (min ${timings[0]?.toFixed(0)}, max ${timings.at(-1)?.toFixed(0)}; budget ${FIRST_SCREEN_BUDGET_MS} ms) — ${median < FIRST_SCREEN_BUDGET_MS ? 'within budget' : 'OVER BUDGET'}`,
);

const overBudget = [
  mainBundle.kb >= BUNDLE_BUDGET_KB ? 'main JS bundle' : null,
  !(median < FIRST_SCREEN_BUDGET_MS) ? 'first screen interactive' : null,
].filter((name) => name !== null);
if (overBudget.length > 0) {
  console.error(`bench/renderer: over budget: ${overBudget.join(', ')}.`);
  process.exitCode = 1;
}
