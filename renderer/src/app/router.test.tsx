import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createMemoryHistory } from '@tanstack/react-router';
import { jobView } from '../test-support/jobViews';
import { renderApp } from '../test-support/renderApp';
import { createAppRouter } from './router';
import { jobStepSegments, pathFor, routePaths } from './routes';

const sites = {
  sites: [
    {
      id: 'lon-shoreditch',
      name: 'Shoreditch Works',
      region: 'GB',
      city: 'London',
      occupierCount: 2,
      floorPortCount: 24,
    },
  ],
};

function routerPaths(): string[] {
  const router = createAppRouter(createMemoryHistory());
  const paths = Object.values(router.routesById).map((route) =>
    route.fullPath.length > 1 ? route.fullPath.replace(/\/$/, '') : route.fullPath,
  );
  return [...new Set(paths)].sort();
}

describe('routes in the URL', () => {
  it('the exported route list is exactly the router’s, so e2e specs visit every screen', () => {
    expect(routerPaths()).toEqual([...Object.values(routePaths)].sort());
  });

  it('a reload on a job step opens the same job on the same step', async () => {
    window.location.hash = `#${pathFor(routePaths.jobStep, { jobId: 'job-1', step: 'numbers' })}`;
    const handlers = { 'jobs:open': () => jobView('job-1') };
    const first = renderApp({ handlers });
    expect(await screen.findByRole('heading', { name: 'Numbers', level: 2 })).toBeTruthy();
    first.unmount();

    // A reload: a new renderer, new stores, the same address.
    const second = renderApp({ handlers });
    expect(await screen.findByRole('heading', { name: 'Numbers', level: 2 })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Brightwater Legal', level: 1 })).toBeTruthy();
    expect(window.location.hash).toBe('#/jobs/job-1/numbers');
    expect(second.fake.callsTo('jobs:open').map((c) => c.request)).toEqual([{ jobId: 'job-1' }]);
  });

  it('opening a job lands on its first open step (Numbers on a new job), and the step links move between steps', async () => {
    const app = renderApp({
      handlers: { 'jobs:open': () => jobView('job-1') },
      path: '/jobs/job-1',
    });
    await waitFor(() => expect(app.router.state.location.pathname).toBe('/jobs/job-1/numbers'));
    const checklist = screen.getByRole('navigation', { name: 'Checklist' });
    const cabling = screen
      .getAllByRole('link', { name: /Cabling/ })
      .find((l) => checklist.contains(l));
    fireEvent.click(cabling!);
    expect(await screen.findByRole('heading', { name: 'Cabling', level: 2 })).toBeTruthy();
    expect(app.router.state.location.pathname).toBe('/jobs/job-1/cabling');
    app.router.history.back();
    expect(await screen.findByRole('heading', { name: 'Numbers', level: 2 })).toBeTruthy();
  });

  it.each(['/no-such-page', '/jobs/job-1/no-such-step', '/sites/a/b/c'])(
    '%s says the page is not found and offers the way home',
    async (path) => {
      renderApp({
        handlers: { 'jobs:open': () => jobView('job-1'), 'sites:list': () => sites },
        path,
      });
      expect(await screen.findByRole('heading', { name: 'Page not found', level: 1 })).toBeTruthy();
      fireEvent.click(screen.getByRole('link', { name: 'Go to the sites' }));
      expect(await screen.findByRole('list', { name: 'Sites' })).toBeTruthy();
    },
  );

  it('the home address opens the sites, and every step id has its route', async () => {
    const app = renderApp({ handlers: { 'sites:list': () => sites }, path: '/' });
    expect(await screen.findByRole('list', { name: 'Sites' })).toBeTruthy();
    expect(app.router.state.location.pathname).toBe('/sites');
    expect(jobStepSegments).toContain('port-roles');
  });
});
