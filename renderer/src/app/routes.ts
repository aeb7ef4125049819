import { CHECKLIST_STEPS } from '../../../shared/jobs';

/**
 * Every route of the app, as the URL shows it (after the `#`). The router is built from these
 * (router.test.ts proves the two agree) and the e2e specs visit each, so a new screen is
 * covered by adding its route here. Pure data: Playwright imports this file.
 */
export const routePaths = {
  home: '/',
  sites: '/sites',
  site: '/sites/$siteId',
  jobs: '/jobs',
  newJob: '/jobs/new',
  job: '/jobs/$jobId',
  jobStep: '/jobs/$jobId/$step',
  jobSwitch: '/jobs/$jobId/switch',
  jobConsole: '/jobs/$jobId/console',
  jobReport: '/jobs/$jobId/report',
  bundles: '/bundles',
  bundle: '/bundles/$bundleId',
} as const;

export type RoutePath = (typeof routePaths)[keyof typeof routePaths];

/** The values `$step` may take: each checklist step's URL segment, in the checklist's order. */
export const jobStepSegments: readonly string[] = CHECKLIST_STEPS.map((step) => step.segment);

export { segmentForStep, stepIdForSegment } from '../features/jobs/stepSegments';

/** A concrete URL path for a route, e.g. `/jobs/j-1/numbers`. */
export function pathFor(route: RoutePath, params: Readonly<Record<string, string>> = {}): string {
  return route.replace(/\$(\w+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`${route} needs a value for $${name}`);
    return encodeURIComponent(value);
  });
}
