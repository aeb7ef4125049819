import { expect, test as base, type Page } from '@playwright/test';
import { jobStepSegments, pathFor, routePaths, type RoutePath } from '../renderer/src/app/routes';
import { checkAccessibility, summariseAll } from './test-support/axe-check';
import { test } from './test-support/dialtone-host';

/** One screen in one state: how to get there and what shows it is ready to be checked. */
interface Visit {
  route: RoutePath;
  state: 'empty' | 'loaded' | 'failed' | 'offline' | 'dialog' | 'not found';
  path: string;
  ready: (page: Page) => Promise<void>;
  /** Done on the ready page before the check, e.g. opening a dialog. */
  then?: (page: Page) => Promise<void>;
}

const SITE_ID = 'lon-shoreditch';

const visible = (find: (page: Page) => ReturnType<Page['getByRole']>) => async (page: Page) =>
  expect(find(page)).toBeVisible();

const stepHeading = (title: RegExp) =>
  visible((page) => page.getByRole('heading', { name: title, level: 2 }));

/**
 * The loaded state of every route, keyed by route so that adding a route to routes.ts
 * without a visit here fails the type check (and the coverage assertion below).
 */
function loadedVisits(jobId: string): Record<RoutePath, Visit[]> {
  return {
    [routePaths.home]: [
      {
        route: routePaths.home,
        state: 'loaded',
        path: '/',
        ready: visible((page) => page.getByRole('list', { name: 'Sites' })),
      },
    ],
    [routePaths.sites]: [
      {
        route: routePaths.sites,
        state: 'loaded',
        path: pathFor(routePaths.sites),
        ready: visible((page) => page.getByRole('list', { name: 'Sites' })),
      },
    ],
    [routePaths.site]: [
      {
        route: routePaths.site,
        state: 'loaded',
        path: pathFor(routePaths.site, { siteId: SITE_ID }),
        ready: visible((page) => page.getByRole('table', { name: 'Floor ports' })),
      },
    ],
    [routePaths.jobs]: [
      {
        route: routePaths.jobs,
        state: 'loaded',
        path: pathFor(routePaths.jobs),
        ready: visible((page) => page.getByRole('table', { name: 'Jobs' })),
      },
    ],
    [routePaths.newJob]: [
      {
        route: routePaths.newJob,
        state: 'empty',
        path: pathFor(routePaths.newJob),
        ready: visible((page) => page.getByRole('combobox', { name: 'Site' })),
      },
      {
        // Orchard's job was started above: the screen offers to continue it.
        route: routePaths.newJob,
        state: 'loaded',
        path: `${pathFor(routePaths.newJob)}?site=${SITE_ID}&occupier=occ-orchard`,
        ready: visible((page) => page.getByRole('link', { name: 'Continue that job' })),
      },
      {
        route: routePaths.newJob,
        state: 'loaded',
        path: `${pathFor(routePaths.newJob)}?site=${SITE_ID}&occupier=occ-northwind`,
        ready: visible((page) => page.getByRole('region', { name: 'What the job covers' })),
      },
    ],
    [routePaths.job]: [
      {
        route: routePaths.job,
        state: 'loaded',
        path: pathFor(routePaths.job, { jobId }),
        ready: visible((page) => page.getByRole('navigation', { name: 'Checklist' })),
      },
    ],
    [routePaths.jobSwitch]: [
      {
        route: routePaths.jobSwitch,
        state: 'loaded',
        path: pathFor(routePaths.jobSwitch, { jobId }),
        ready: visible((page) => page.getByRole('button', { name: /^Connect to / }).first()),
      },
    ],
    [routePaths.jobConsole]: [
      {
        route: routePaths.jobConsole,
        state: 'loaded',
        path: pathFor(routePaths.jobConsole, { jobId }),
        ready: visible((page) => page.getByRole('region', { name: 'Saved transcripts' })),
      },
    ],
    [routePaths.jobReport]: [
      {
        // A draft (Orchard's job is not signed off); the signed report is checked by report.spec.
        route: routePaths.jobReport,
        state: 'loaded',
        path: pathFor(routePaths.jobReport, { jobId }),
        ready: visible((page) =>
          page.getByRole('heading', { name: 'Installation report', level: 1 }),
        ),
      },
    ],
    [routePaths.bundles]: [
      {
        route: routePaths.bundles,
        state: 'loaded',
        path: pathFor(routePaths.bundles),
        ready: visible((page) => page.getByRole('heading', { name: 'Support bundles', level: 1 })),
      },
    ],
    [routePaths.bundle]: [
      {
        // No bundle is open in this run: the screen says so.
        route: routePaths.bundle,
        state: 'failed',
        path: pathFor(routePaths.bundle, { bundleId: 'no-such-bundle' }),
        ready: visible((page) => page.getByRole('alert').first()),
      },
    ],
    [routePaths.jobStep]: jobStepSegments.map((step) => ({
      route: routePaths.jobStep,
      state: 'loaded' as const,
      path: pathFor(routePaths.jobStep, { jobId, step }),
      ready: async (page: Page) => {
        await expect(page).toHaveURL(new RegExp(`/${step}$`));
        await expect(
          page.getByRole('navigation', { name: 'Checklist' }).locator('[aria-current="page"]'),
        ).toBeVisible();
      },
    })),
  };
}

async function goTo(page: Page, origin: string, path: string) {
  await page.goto(`${origin}/#${path}`);
}

base('the check fails a page with a button that has no name', async ({ page }, testInfo) => {
  await page.setContent(
    '<!doctype html><html lang="en"><head><title>Probe</title></head>' +
      '<body><main><h1>Probe</h1><button type="button"></button></main></body></html>',
  );
  const report = await checkAccessibility(page, 'probe: unnamed button', testInfo);
  expect(report.blocking.map((v) => v.id)).toContain('button-name');
});

test('every route, in its main states, has no critical or serious axe violation', async ({
  dialtone,
  page,
}, testInfo) => {
  test.setTimeout(240_000);
  await page.goto(dialtone.launchUrl);
  await expect(page.getByRole('list', { name: 'Sites' })).toBeVisible();
  const origin = new URL(page.url()).origin;
  const visits: Visit[] = [];

  // Empty: a fresh data folder has no jobs yet.
  visits.push({
    route: routePaths.jobs,
    state: 'empty',
    path: pathFor(routePaths.jobs),
    ready: visible((page) => page.getByText('No jobs yet.')),
  });
  const failures: string[] = [];
  const covered = new Set<RoutePath>();
  // Screenshots are named by route, not by the random job id.
  let jobIdPattern = /^$/;
  async function run(visit: Visit) {
    await goTo(page, origin, visit.path);
    await visit.ready(page);
    await visit.then?.(page);
    const label = `${visit.state} ${visit.path}`;
    const report = await checkAccessibility(page, label, testInfo);
    const name = `${visit.state}-${visit.path}`.replace(jobIdPattern, 'job').replace(/\W+/g, '_');
    await page.screenshot({
      path: testInfo.outputPath(`axe-${name}.png`),
      fullPage: true,
    });
    covered.add(visit.route);
    // Every route in every state is held to no finding at all, moderate and minor included.
    failures.push(...summariseAll(report).map((line) => `${label}: ${line}`));
  }
  for (const visit of visits.splice(0)) await run(visit);

  // Loaded: a job started from the site page, then every route with real data. (Orchard's
  // 3F-004, changed below, is a port no other spec touches: specs share one demo platform.)
  await goTo(page, origin, pathFor(routePaths.site, { siteId: SITE_ID }));
  await page.getByRole('button', { name: 'Start a job for Orchard Design Studio' }).click();
  await expect(page).toHaveURL(/#\/jobs\/[^/]+\/[^/]+$/);
  const jobId = /#\/jobs\/([^/]+)\//.exec(page.url())?.[1];
  if (!jobId) throw new Error(`No job id in ${page.url()}`);
  jobIdPattern = new RegExp(jobId, 'g');
  const loaded = loadedVisits(jobId);
  for (const route of Object.values(routePaths)) {
    expect(loaded[route].length, `no loaded visit for ${route}`).toBeGreaterThan(0);
    for (const visit of loaded[route]) await run(visit);
  }

  // Connected: the demo switch's faceplate, and its live console.
  await goTo(page, origin, pathFor(routePaths.jobSwitch, { jobId }));
  await page.getByRole('button', { name: 'Connect to sw-3f-a' }).click();
  await run({
    route: routePaths.jobSwitch,
    state: 'loaded',
    path: pathFor(routePaths.jobSwitch, { jobId }),
    ready: visible((page) => page.getByRole('figure', { name: 'Faceplate of sw-3f-a' })),
  });
  await run({
    route: routePaths.jobConsole,
    state: 'loaded',
    path: pathFor(routePaths.jobConsole, { jobId }),
    ready: visible((page) => page.getByRole('button', { name: /Take control/ })),
  });

  // Failed: a site and a job that do not exist.
  await run({
    route: routePaths.site,
    state: 'failed',
    path: pathFor(routePaths.site, { siteId: 'no-such-site' }),
    ready: visible((page) => page.getByRole('alert').filter({ hasText: 'Could not load' })),
  });
  await run({
    route: routePaths.jobStep,
    state: 'failed',
    path: pathFor(routePaths.jobStep, { jobId: 'no-such-job', step: 'cabling' }),
    ready: visible((page) => page.getByRole('alert').filter({ hasText: 'Could not open' })),
  });
  await run({
    route: routePaths.home,
    state: 'not found',
    path: '/no-such-page',
    ready: visible((page) => page.getByRole('heading', { name: 'Page not found' })),
  });

  // Offline: work offline, change a port role so it waits in the outbox.
  await goTo(page, origin, pathFor(routePaths.jobStep, { jobId, step: 'port-roles' }));
  const workOffline = page.getByRole('switch', { name: 'Work offline' });
  await workOffline.click();
  await expect(workOffline).toBeChecked();
  await page.getByRole('combobox', { name: 'Role for 3F-004' }).click();
  await page.getByRole('option', { name: 'Voice + PC' }).click();
  await expect(page.getByLabel(/^Sync status: Offline · 1 queued/)).toBeVisible();
  for (const visit of [
    {
      route: routePaths.jobStep,
      path: pathFor(routePaths.jobStep, { jobId, step: 'port-roles' }),
      ready: stepHeading(/Port roles/),
    },
    {
      route: routePaths.jobs,
      path: pathFor(routePaths.jobs),
      ready: visible((page) => page.getByLabel(/^Sync status: Offline · 1 queued/)),
    },
    {
      route: routePaths.sites,
      path: pathFor(routePaths.sites),
      ready: visible((page) => page.getByLabel(/^Connection: Offline/)),
    },
  ])
    await run({ ...visit, state: 'offline' });
  await goTo(page, origin, pathFor(routePaths.jobStep, { jobId, step: 'port-roles' }));
  await workOffline.click();
  await expect(page.getByLabel(/^Sync status: Synced/)).toBeVisible();

  // A dialog open: Settings, with the real-platform fields showing.
  await run({
    route: routePaths.sites,
    state: 'dialog',
    path: pathFor(routePaths.sites),
    ready: visible((page) => page.getByRole('list', { name: 'Sites' })),
    then: async (page) => {
      await page.getByRole('button', { name: 'Settings' }).click();
      const dialog = page.getByRole('dialog', { name: 'Platform settings' });
      await dialog.getByRole('radio', { name: /A real platform/ }).check();
      await expect(dialog.getByRole('textbox', { name: 'API address' })).toBeVisible();
      // Checked once the opening transition is over, so colours are the final ones.
      await expect(dialog).toHaveCSS('opacity', '1');
    },
  });

  expect([...covered].sort()).toEqual([...Object.values(routePaths)].sort());
  expect(failures, failures.join('\n')).toEqual([]);
});
