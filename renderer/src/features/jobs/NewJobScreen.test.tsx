import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { describeJobCoverage, type JobSnapshot } from '../../../../shared/jobs';
import shoreditch from '../../../../shared/numbers/test-support/shoreditch-snapshot.json';
import { FakeBridgeFailure, type FakeHandlers } from '../../test-support/fakeBridge';
import { jobView } from '../../test-support/jobViews';
import { renderApp } from '../../test-support/renderApp';

const snapshot = shoreditch as JobSnapshot;

/** main's answers, from the Shoreditch snapshot through the real coverage function. */
function handlers(unfinished: Record<string, string> = {}): FakeHandlers {
  return {
    'sites:list': () => ({
      sites: [
        {
          id: snapshot.site.id,
          name: snapshot.site.name,
          region: snapshot.site.region,
          city: snapshot.site.city,
          occupierCount: snapshot.occupiers.length,
          floorPortCount: snapshot.floorPorts.length,
        },
      ],
    }),
    'sites:get': () => ({
      site: snapshot.site,
      occupiers: snapshot.occupiers,
      floorPorts: snapshot.floorPorts,
    }),
    'jobs:list': () => ({ jobs: [] }),
    'jobs:engineer': () => ({ engineerName: null }),
    'jobs:preview': ({ occupierId }) => ({
      coverage: describeJobCoverage(snapshot, occupierId),
      unfinishedJob: unfinished[occupierId] ? jobView(unfinished[occupierId]).summary : null,
    }),
    'jobs:create': () => jobView('job-new'),
    'jobs:open': ({ jobId }) => jobView(jobId),
  };
}

/** Types into a searchable select and picks the one option left. */
async function pick(label: string, typed: string, option: string) {
  const input = await screen.findByRole('combobox', { name: label });
  fireEvent.click(input);
  fireEvent.change(input, { target: { value: typed } });
  fireEvent.click(await screen.findByRole('option', { name: option, hidden: true }));
}

describe('the New job screen', () => {
  it('picks a site, then an occupier by typing, shows what the job covers, and starts it', async () => {
    const app = renderApp({ handlers: handlers(), path: '/jobs/new' });
    await pick('Site', 'shore', 'Shoreditch Works · London');
    await waitFor(() =>
      expect(app.router.state.location.search).toEqual({ site: 'lon-shoreditch' }),
    );
    await pick('Occupier', 'north', 'Northwind Partners');

    const covers = await screen.findByRole('region', { name: 'What the job covers' });
    expect(covers.textContent).toContain('First-time add');
    expect(covers.textContent).toContain('1 voice service, quantity 4 in all');
    expect(covers.textContent).toContain('main number +442079460070');
    const handsets = within(covers).getByRole('table', { name: "The occupier's handsets" });
    expect(within(handsets).getAllByRole('row')).toHaveLength(
      1 + snapshot.handsets.filter((h) => h.occupierId === 'occ-northwind').length,
    );
    expect(handsets.textContent).toContain('3F-007');
    expect(app.fake.callsTo('jobs:preview').at(-1)?.request).toEqual({
      siteId: 'lon-shoreditch',
      occupierId: 'occ-northwind',
    });

    fireEvent.click(screen.getByRole('button', { name: 'Start the job for Northwind Partners' }));
    await waitFor(() => expect(app.router.state.location.pathname).toMatch(/^\/jobs\/job-new\//));
    expect(app.fake.callsTo('jobs:create').map((c) => c.request)).toEqual([
      { siteId: 'lon-shoreditch', occupierId: 'occ-northwind' },
    ]);
  });

  it('offers the name last given, and starts the job under the name typed', async () => {
    const app = renderApp({
      handlers: { ...handlers(), 'jobs:engineer': () => ({ engineerName: 'Sam Okafor' }) },
      path: '/jobs/new?site=lon-shoreditch&occupier=occ-northwind',
    });
    const name = await screen.findByRole('textbox', { name: /Your name/ });
    await waitFor(() => expect((name as HTMLInputElement).value).toBe('Sam Okafor'));
    fireEvent.change(name, { target: { value: ' Priya Shah ' } });
    fireEvent.click(
      await screen.findByRole('button', { name: 'Start the job for Northwind Partners' }),
    );
    await waitFor(() => expect(app.fake.callsTo('jobs:create')).toHaveLength(1));
    expect(app.fake.callsTo('jobs:create')[0]!.request).toEqual({
      siteId: 'lon-shoreditch',
      occupierId: 'occ-northwind',
      engineerName: 'Priya Shah',
    });
  });

  it('an occupier with an unfinished job gets "Continue that job", not a second job', async () => {
    const app = renderApp({
      handlers: handlers({ 'occ-orchard': 'job-7' }),
      path: '/jobs/new?site=lon-shoreditch&occupier=occ-orchard',
    });
    const status = await screen.findByRole('status', {
      name: 'Orchard Design Studio already has an unfinished job',
    });
    expect(status.textContent).toContain('not signed off');
    expect(screen.queryByRole('button', { name: /^Start the job/ })).toBeNull();
    expect(screen.getByRole('region', { name: 'What the job covers' }).textContent).toContain(
      'Upgrade',
    );
    fireEvent.click(within(status).getByRole('link', { name: 'Continue that job' }));
    await waitFor(() => expect(app.router.state.location.pathname).toMatch(/^\/jobs\/job-7\//));
    expect(app.fake.callsTo('jobs:create')).toHaveLength(0);
  });

  it('when main refuses the start, says why and shows the job started meanwhile', async () => {
    let started: string | null = null;
    const base = handlers();
    renderApp({
      handlers: {
        ...base,
        'jobs:preview': ({ occupierId }) => ({
          coverage: describeJobCoverage(snapshot, occupierId),
          unfinishedJob: started ? jobView(started).summary : null,
        }),
        'jobs:create': () => {
          started = 'job-other';
          throw new FakeBridgeFailure(
            'JOB_UNFINISHED',
            'Kestrel Analytics already has an unfinished job at Shoreditch Works. Continue that job, or archive it before starting another.',
          );
        },
      },
      path: '/jobs/new?site=lon-shoreditch&occupier=occ-kestrel',
    });
    fireEvent.click(
      await screen.findByRole('button', { name: 'Start the job for Kestrel Analytics' }),
    );
    expect((await screen.findByRole('alert')).textContent).toContain(
      'Kestrel Analytics already has an unfinished job',
    );
    expect(await screen.findByRole('link', { name: 'Continue that job' })).toBeTruthy();
  });
});
