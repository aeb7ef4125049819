import { fireEvent, screen, waitFor, within } from '@testing-library/react';

import { describe, expect, it } from 'vitest';
import type { JobEventBody } from '../../../../shared/jobs';
import {
  NORTHWIND_E164,
  loginApplied,
  loginAsked,
  loginQueued,
  registrationSeen,
  registrationTimedOut,
} from '../../../../shared/jobs/test-support/northwind-login';
import { buildSnapshot } from '../../../../shared/numbers/test-support/snapshot-builder';
import { jobViewOf } from '../../test-support/jobViews';
import { renderApp } from '../../test-support/renderApp';
import { LOGINS_PER_PAGE } from './HandsetLoginStep';

const E164 = NORTHWIND_E164;
/** Northwind's first number logged in again; the login reached the platform; the wait ran out. */
const loggedIn: JobEventBody[] = [loginAsked, loginQueued, loginApplied, registrationTimedOut];

describe('Handset login', () => {
  it('a login whose wait ran out shows it on its timeline; "Check now" asks main and shows the registration', async () => {
    const timedOut = jobViewOf('job-1', 'occ-northwind', loggedIn);
    const app = renderApp({
      handlers: {
        'jobs:open': () => timedOut,
        'installation:checkRegistration': () =>
          jobViewOf('job-1', 'occ-northwind', [...loggedIn, registrationSeen(E164)]),
      },
      path: '/jobs/job-1/handset-login',
    });
    const row = await screen.findByRole('region', { name: `Number ${E164}` });
    const timeline = within(row).getByRole('list', { name: `Login of ${E164}, stage by stage` });
    const stages = within(timeline).getAllByRole('listitem');
    expect(stages.map((s) => s.textContent?.split(',')[0])).toEqual([
      '✓ Handset chosen',
      '✓ Login asked',
      '✓ Provisioning',
      '✗ Registered',
    ]);
    expect(stages[3]!.textContent).toContain('Not registered within 45 s. Check: is it cabled?');

    fireEvent.click(within(row).getByRole('button', { name: `Check ${E164} now` }));
    await waitFor(() =>
      expect(within(row).getAllByRole('listitem')[3]!.textContent).toContain(
        'Registered +442079460071',
      ),
    );
    expect(app.fake.callsTo('installation:checkRegistration')).toEqual([
      {
        channel: 'installation:checkRegistration',
        request: expect.objectContaining({ jobId: 'job-1', e164: E164 }),
      },
    ]);
    // Registered: nothing left to check or log in.
    expect(within(row).queryByRole('button', { name: `Check ${E164} now` })).toBeNull();
    expect(row.textContent).toContain('Registered ✓');
  });

  it('offline: no "Check now" (only the platform can say), and it says registration is read once it answers', async () => {
    const timedOut = jobViewOf('job-2', 'occ-northwind', loggedIn);
    renderApp({
      handlers: {
        'jobs:open': () => timedOut,
        'sync:status': () => ({
          reachable: false,
          workOffline: false,
          reason: 'The platform does not answer.',
          checkedAt: '2026-05-04T10:00:00.000Z',
        }),
      },
      path: '/jobs/job-2/handset-login',
    });
    const row = await screen.findByRole('region', { name: `Number ${E164}` });
    await waitFor(() =>
      expect(row.textContent).toContain('Dialtone asks the platform once it answers'),
    );
    expect(within(row).queryByRole('button', { name: `Check ${E164} now` })).toBeNull();
  });

  it('an occupier with many numbers: a page of rows at a time, every number reachable', async () => {
    const gb = (i: number) => `+44203${String(i).padStart(7, '0')}`;
    const numbers = Array.from({ length: 45 }, (_, i) => ({
      e164: gb(i),
      state: 'ACTIVE' as const,
      handsetId: null,
    }));
    const snapshot = buildSnapshot({
      occupiers: [{ id: 'occ-big', name: 'Big', services: [{ quantity: 45 }], numbers }],
    });
    renderApp({
      handlers: { 'jobs:open': () => jobViewOf('job-big', 'occ-big', [], snapshot) },
      path: '/jobs/job-big/handset-login',
    });
    const rows = () => screen.getAllByRole('region', { name: /^Number \+/ });
    await screen.findByRole('region', { name: `Number ${gb(0)}` });
    expect(rows()).toHaveLength(LOGINS_PER_PAGE);
    expect(screen.getByText('Numbers 1–20 of 45')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Next 20 numbers' }));
    fireEvent.click(screen.getByRole('button', { name: 'Next 20 numbers' }));
    expect(screen.getByText('Numbers 41–45 of 45')).toBeTruthy();
    expect(rows().map((r) => r.getAttribute('aria-label'))).toEqual(
      [40, 41, 42, 43, 44].map((i) => `Number ${gb(i)}`),
    );
  });
});
