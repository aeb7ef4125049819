import {
  createRootRoute,
  createRoute,
  createRouter,
  notFound,
  redirect,
  type RouterHistory,
} from '@tanstack/react-router';
import { BundleScreen } from '../features/bundles/BundleScreen';
import { BundlesScreen } from '../features/bundles/BundlesScreen';
import { ConsoleScreen } from '../features/console/ConsoleScreen';
import { JobScreen } from '../features/jobs/JobScreen';
import { JobsScreen } from '../features/jobs/JobsScreen';
import { NewJobScreen } from '../features/jobs/NewJobScreen';
import { ReportScreen } from '../features/report/ReportScreen';
import { SiteScreen } from '../features/sites/SiteScreen';
import { SitesScreen } from '../features/sites/SitesScreen';
import { SwitchScreen } from '../features/switch/SwitchScreen';
import { JobLandingRoute, JobStepRoute } from './JobStepRoute';
import { NotFoundScreen } from './NotFoundScreen';
import { stepIdForSegment } from './routes';
import { Shell } from './Shell';

// Paths here must match routes.ts (router.test.ts checks); a feature adds its screen in both.
const rootRoute = createRootRoute({ component: Shell, notFoundComponent: NotFoundScreen });

const homeRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/',
  beforeLoad: () => {
    throw redirect({ to: '/sites', replace: true });
  },
});

const sitesRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'sites',
  component: SitesScreen,
});

const siteRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'sites/$siteId',
  component: SiteScreen,
});

const jobsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'jobs',
  component: JobsScreen,
});

const optionalId = (value: unknown) =>
  typeof value === 'string' && value.length > 0 ? value : undefined;

/** `?site=` and `?occupier=` keep the engineer's choice in the URL (both optional). */
const newJobRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'jobs/new',
  validateSearch: (search: Record<string, unknown>): { site?: string; occupier?: string } => {
    const site = optionalId(search['site']);
    const occupier = site ? optionalId(search['occupier']) : undefined;
    return { ...(site ? { site } : {}), ...(occupier ? { occupier } : {}) };
  },
  component: NewJobScreen,
});

const jobRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'jobs/$jobId',
  component: JobScreen,
});

const jobLandingRoute = createRoute({
  getParentRoute: () => jobRoute,
  path: '/',
  component: JobLandingRoute,
});

const jobStepRoute = createRoute({
  getParentRoute: () => jobRoute,
  path: '$step',
  beforeLoad: ({ params }) => {
    if (!stepIdForSegment(params.step)) throw notFound({ routeId: rootRoute.id });
  },
  component: JobStepRoute,
});

const jobSwitchRoute = createRoute({
  getParentRoute: () => jobRoute,
  path: 'switch',
  component: SwitchScreen,
});

const jobConsoleRoute = createRoute({
  getParentRoute: () => jobRoute,
  path: 'console',
  component: ConsoleScreen,
});

// Not inside the job's frame (checklist, sync panels): the report is a document of its own.
const jobReportRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'jobs/$jobId/report',
  component: ReportScreen,
});

const bundlesRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'bundles',
  component: BundlesScreen,
});

const bundleRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'bundles/$bundleId',
  component: BundleScreen,
});

export const routeTree = rootRoute.addChildren([
  homeRoute,
  sitesRoute,
  siteRoute,
  jobsRoute,
  newJobRoute,
  jobReportRoute,
  bundlesRoute,
  bundleRoute,
  jobRoute.addChildren([jobLandingRoute, jobSwitchRoute, jobConsoleRoute, jobStepRoute]),
]);

/** The app's router on the given history: hash history in the app, memory history in tests. */
export function createAppRouter(history: RouterHistory) {
  return createRouter({ routeTree, history, defaultNotFoundComponent: NotFoundScreen });
}

export type AppRouter = ReturnType<typeof createAppRouter>;

declare module '@tanstack/react-router' {
  interface Register {
    router: AppRouter;
  }
}
