import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { JobEventBody } from '../../../../shared/jobs';
import { jobViewOf, OCCUPIER_ID, SITE_ID } from '../../test-support/jobViews';
import { renderApp } from '../../test-support/renderApp';

const signedOff: JobEventBody[] = [
  { type: 'JobSignedOff', payload: { signerName: 'Priya Shah', signerRole: 'Office manager' } },
  {
    type: 'MutationQueued',
    payload: {
      entry: {
        entryId: 'sign:record',
        idempotencyKey: 'sign-record-idempotency-key',
        mutation: {
          kind: 'putInstallationRecord',
          siteId: SITE_ID,
          occupierId: OCCUPIER_ID,
          jobId: 'job-signed',
          record: {
            steps: [],
            exceptions: [],
            ringTests: [],
            signOff: {
              signerName: 'Priya Shah',
              signerRole: 'Office manager',
              by: 'engineer',
              at: '2026-05-04T10:00:01.000Z',
            },
          },
        },
        baseVersion: null,
      },
    },
  },
];

async function recordStatus(bodies: JobEventBody[]) {
  renderApp({
    handlers: { 'jobs:open': () => jobViewOf('job-signed', OCCUPIER_ID, bodies) },
    path: '/jobs/job-signed/sign-off',
  });
  await screen.findByRole('region', { name: 'Sign off' });
  // The alert is named by its title: on the platform, queued or refused.
  return screen.getByRole('status', { name: /on the platform|refused by the platform/i });
}

describe('Sign-off says whether the platform has the installation record', () => {
  it('queued: signed here, not on the platform yet', async () => {
    const status = await recordStatus(signedOff);
    expect(status.textContent).toContain('Queued, not on the platform yet');
    expect(status.textContent).toContain('the platform does not have it yet');
  });

  it('on the platform once it confirmed the record', async () => {
    const status = await recordStatus([
      ...signedOff,
      {
        type: 'MutationApplied',
        payload: { entryId: 'sign:record', sentIfMatch: null, resultVersion: 1 },
      },
    ]);
    expect(status.textContent).toContain('✓ On the platform');
    expect(status.textContent).not.toContain('Queued');
  });
});
