import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { jobView } from '../../test-support/jobViews';
import { renderApp } from '../../test-support/renderApp';

describe('recording an exception, by keyboard', () => {
  it('opening the form focuses its reason; Cancel gives focus back to "Record an exception…"', async () => {
    renderApp({
      handlers: { 'jobs:open': ({ jobId }) => jobView(jobId) },
      path: '/jobs/job-1/cabling',
    });
    await screen.findByRole('heading', { name: 'Cabling', level: 2 });
    const [opener] = screen.getAllByRole('button', { name: /^Record an exception for: / });
    const item = opener!.getAttribute('aria-label')!.replace('Record an exception for: ', '');
    opener!.focus();
    fireEvent.click(opener!);
    const reason = await screen.findByRole('combobox', {
      name: `Reason for the exception to: ${item}`,
    });
    await waitFor(() => expect(document.activeElement).toBe(reason));

    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    await waitFor(() =>
      expect(document.activeElement).toBe(
        screen.getByRole('button', { name: `Record an exception for: ${item}` }),
      ),
    );
  });
});
