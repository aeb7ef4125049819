import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { JobView } from '../../../../shared/jobs';
import { jobView } from '../../test-support/jobViews';
import { renderApp } from '../../test-support/renderApp';

/** Brightwater's job with `count` open items on Cabling (as a big occupier's steps have). */
function withItems(jobId: string, count: number): JobView {
  const view = jobView(jobId);
  return {
    ...view,
    steps: view.steps.map((step) =>
      step.id === 'cabling'
        ? {
            ...step,
            state: 'needsAttention',
            items: Array.from({ length: count }, (_, i) => ({
              id: `cabling:port-${i + 1}`,
              message: `Port ${i + 1} is not cabled.`,
              rule: null,
              state: 'open' as const,
              exception: null,
            })),
          }
        : step,
    ),
  };
}

describe("a step's list of what is left", () => {
  it('45 items: drawn 20 a page, with where the engineer is and Previous/Next', async () => {
    renderApp({
      handlers: { 'jobs:open': ({ jobId }) => withItems(jobId, 45) },
      path: '/jobs/job-1/cabling',
    });
    const panel = await screen.findByRole('region', { name: 'Cabling' });
    const items = () =>
      within(panel)
        .getAllByRole('listitem')
        .map((li) => li.textContent?.match(/Port (\d+) /)?.[1]);
    expect(items()).toHaveLength(20);
    expect(items()[0]).toBe('1');
    expect(within(panel).getByText('Items 1–20 of 45')).toBeTruthy();
    expect(within(panel).getByRole('button', { name: 'Previous 20 items' })).toHaveProperty(
      'disabled',
      true,
    );
    fireEvent.click(within(panel).getByRole('button', { name: 'Next 20 items' }));
    fireEvent.click(within(panel).getByRole('button', { name: 'Next 20 items' }));
    expect(items()).toEqual(['41', '42', '43', '44', '45']);
    expect(within(panel).getByText('Items 41–45 of 45')).toBeTruthy();
    expect(within(panel).getByRole('button', { name: 'Next 20 items' })).toHaveProperty(
      'disabled',
      true,
    );
  });

  it('20 or fewer: all drawn, no pager', async () => {
    renderApp({
      handlers: { 'jobs:open': ({ jobId }) => withItems(jobId, 20) },
      path: '/jobs/job-1/cabling',
    });
    const panel = await screen.findByRole('region', { name: 'Cabling' });
    expect(within(panel).getAllByRole('listitem')).toHaveLength(20);
    expect(within(panel).queryByRole('button', { name: /Next 20/ })).toBeNull();
  });
});
