import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { JobEventBody, PlatformMutation } from '../../../../shared/jobs';
import { jobViewOf, OCCUPIER_ID, SITE_ID } from '../../test-support/jobViews';
import { renderApp } from '../../test-support/renderApp';

const queued = (entryId: string, mutation: PlatformMutation): JobEventBody => ({
  type: 'MutationQueued',
  payload: {
    entry: { entryId, idempotencyKey: `${entryId}-idempotency-key`, mutation, baseVersion: null },
  },
});

describe('the job page says what waits to sync', () => {
  it('lists each queued change in the engineer’s words, and drops one the platform confirmed', async () => {
    const view = jobViewOf('job-q', OCCUPIER_ID, [
      queued('add', {
        kind: 'addVoiceService',
        siteId: SITE_ID,
        occupierId: OCCUPIER_ID,
        quantity: 3,
      }),
      queued('role', {
        kind: 'setFloorPortRole',
        floorPortId: 'lon-shoreditch-2F-001',
        roleId: 'voice-pc',
      }),
      queued('done', {
        kind: 'setFloorPortRole',
        floorPortId: 'lon-shoreditch-2F-002',
        roleId: 'voice-pc',
      }),
      {
        type: 'MutationApplied',
        payload: { entryId: 'done', sentIfMatch: null, resultVersion: 2 },
      },
    ]);
    renderApp({ handlers: { 'jobs:open': () => view }, path: '/jobs/job-q/numbers' });
    const panel = await screen.findByRole('region', { name: 'Waiting to sync' });
    expect(panel.textContent).toContain('2 changes the platform does not have yet');
    expect(
      within(panel)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Add 3 voice services for Brightwater Legal', 'Floor port 2F-001: role Voice + PC']);
  });
});
