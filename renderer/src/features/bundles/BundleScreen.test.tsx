import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { FakeBridgeFailure } from '../../test-support/fakeBridge';
import { renderApp } from '../../test-support/renderApp';

describe('the bundle page of a bundle that is not open', () => {
  it('keeps its heading, says why, and leads back to Bundles', async () => {
    const app = renderApp({
      handlers: {
        'bundles:get': () => {
          throw new FakeBridgeFailure(
            'BUNDLE_NOT_OPEN',
            'This bundle is not open in this run of Dialtone; open the file again.',
          );
        },
      },
      path: '/bundles/0123456789abcdef',
    });
    expect(
      await screen.findByRole('heading', { name: 'Support bundle 0123456789abcdef', level: 1 }),
    ).toBeTruthy();
    expect((await screen.findByRole('alert')).textContent).toContain('open the file again');
    fireEvent.click(screen.getByRole('link', { name: /Back to Bundles/ }));
    await waitFor(() => expect(app.router.state.location.pathname).toBe('/bundles'));
  });
});
