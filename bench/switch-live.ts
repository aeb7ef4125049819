/**
 * Live switch budget (DESIGN.md): a plug-in event in the simulator reaches the faceplate's
 * port colour in under 300 ms (median of 20, browser host). Then a bulk apply of the voice role
 * to 24 ports over the in-process demo switch, with each port's result as it finishes.
 * Run after `npm run build`: `npx tsx bench/switch-live.ts`.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { routerCall, startDemoApp } from '../main/app/test-support/demo-app';
import { PROJECT_ROOT } from '../main/cli/project-root';
import { startBrowserHost } from '../main/web/server';
import { launchBenchBrowser } from './browser';

const BUDGET_MS = 300;
const RUNS = 20;
const rendererDir = join(PROJECT_ROOT, 'out', 'renderer');
if (!existsSync(join(rendererDir, 'index.html'))) {
  console.error('bench/switch-live: build first (npm run build).');
  process.exit(2);
}

const services = await startDemoApp(mkdtempSync(join(tmpdir(), 'dialtone-bench-switch-')));
const call = routerCall(services);
const job = await call<{ state: { jobId: string } }>('jobs:create', {
  siteId: 'lon-shoreditch',
  occupierId: 'occ-brightwater',
});
const jobId = job.state.jobId;
await call('switch:connect', { jobId, switchId: 'lon-sw-2f-a', route: { kind: 'demo' } });

const host = await startBrowserHost({ router: services.router, rendererDir });
const browser = await launchBenchBrowser();
const live = services.demoEquipment.live;
const timings: number[] = [];
try {
  const page = await browser.newPage();
  await page.goto(`${host.launchUrl}#/jobs/${jobId}/switch`);
  const port = page.locator('[data-port="Gi1/0/1"]');
  await port.waitFor();
  // The page notes the wall-clock time of each change of a port's drawn state. (Strings: this
  // file is type-checked without the DOM.)
  await page.evaluate(`(() => {
    window.__changes = [];
    new MutationObserver(() => window.__changes.push(Date.now())).observe(document.body, {
      subtree: true, attributes: true, attributeFilter: ['data-link'],
    });
  })()`);
  for (let run = 0; run < RUNS; run++) {
    const up = run % 2 === 0;
    const seen = (await page.evaluate('window.__changes.length')) as number;
    const started = Date.now();
    if (up) live.plug('hs-bw-1', 'lon-shoreditch-2F-001');
    else live.unplug('hs-bw-1');
    await page.waitForFunction(
      ({ expected, before }) => {
        // Typed by hand: this file is checked without the DOM library.
        const page = globalThis as unknown as {
          document: { querySelector(s: string): { getAttribute(n: string): string | null } | null };
          __changes: number[];
        };
        const port = page.document.querySelector('[data-port="Gi1/0/1"]');
        return port?.getAttribute('data-link') === expected && page.__changes.length > before;
      },
      { expected: up ? 'up' : 'down', before: seen },
    );
    const changedAt = (await page.evaluate(`window.__changes[${seen}]`)) as number;
    timings.push(changedAt - started);
  }
} finally {
  await browser.close();
  await host.close();
}

// Bulk apply: the voice role to 24 interfaces in one session, each reported as it finishes.
const catalogue = (await services.jobs.jobs.state(jobId)).snapshot.site.roleCatalogue;
const voice = catalogue.find((r) => r.id === 'voice-pc')!;
const key = { jobId, switchId: 'lon-sw-2f-a' };
const bulkStart = performance.now();
let changed = 0;
for (let n = 1; n <= 24; n++) {
  const result = await services.switches.service.applyRole(key, `Gi1/0/${n}`, voice);
  if (result.changed) changed++;
  console.log(
    `  port ${String(n).padStart(2)}/24 Gi1/0/${n}: ${result.verified ? 'verified' : 'NOT verified'}${result.changed ? `, ${result.commands.length} commands` : ', already right'} at ${(performance.now() - bulkStart).toFixed(0)} ms`,
  );
}
const bulkMs = performance.now() - bulkStart;
await services.close();

timings.sort((a, b) => a - b);
const median = timings[Math.floor(timings.length / 2)] ?? NaN;
console.log(
  `plug-in → faceplate port change: median ${median.toFixed(0)} ms of ${RUNS} (min ${timings[0]}, max ${timings.at(-1)}; budget ${BUDGET_MS} ms) — ${median < BUDGET_MS ? 'within budget' : 'OVER BUDGET'}`,
);
console.log(
  `bulk apply of 24 ports (in-process demo switch): ${(bulkMs / 1000).toFixed(2)} s, ${changed} changed`,
);
