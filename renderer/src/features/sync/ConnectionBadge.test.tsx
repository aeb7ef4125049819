import { act, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../../test-support/renderApp';

const sites = { sites: [] };
const checked = '2026-05-04T10:00:00.000Z';

function badge() {
  return screen.getByRole('status', { name: /^Connection:/ });
}

describe('the connection badge in the header', () => {
  it('shows the demo platform until main reports otherwise, then follows its events', async () => {
    const app = renderApp({
      handlers: {
        'sites:list': () => sites,
        // Never checked yet: unknown, which must not read as offline.
        'sync:status': () => ({
          reachable: false,
          workOffline: false,
          reason: null,
          checkedAt: null,
        }),
      },
      path: '/sites',
    });
    await waitFor(() => expect(badge().textContent).toBe('Demo platform'));

    act(() =>
      app.fake.emit('sync:connectivityChanged', {
        reachable: false,
        workOffline: false,
        reason: 'connection refused',
        checkedAt: checked,
      }),
    );
    await waitFor(() => expect(badge().textContent).toBe('Offline'));
    expect(badge().getAttribute('aria-label')).toContain('connection refused');

    act(() =>
      app.fake.emit('sync:connectivityChanged', {
        reachable: true,
        workOffline: true,
        reason: null,
        checkedAt: checked,
      }),
    );
    await waitFor(() =>
      expect(badge().getAttribute('aria-label')).toContain('working offline by choice'),
    );

    act(() =>
      app.fake.emit('sync:connectivityChanged', {
        reachable: true,
        workOffline: false,
        reason: null,
        checkedAt: checked,
      }),
    );
    await waitFor(() => expect(badge().textContent).toBe('Demo platform'));
  });

  it('names the real platform’s host when Settings switch to it', async () => {
    const app = renderApp({ handlers: { 'sites:list': () => sites }, path: '/sites' });
    await waitFor(() => expect(badge().textContent).toBe('Demo platform'));
    act(() =>
      app.fake.emit('app:connectionChanged', {
        kind: 'platform',
        platformUrl: 'https://api.platform.example:8443/v1',
      }),
    );
    await waitFor(() => expect(badge().textContent).toBe('Platform · api.platform.example:8443'));
  });

  it('stops following events once the app is torn down', async () => {
    const app = renderApp({ handlers: { 'sites:list': () => sites }, path: '/sites' });
    await waitFor(() => expect(badge()).toBeTruthy());
    expect(app.fake.listenerCount('sync:connectivityChanged')).toBe(1);
    app.unmount();
    expect(app.fake.listenerCount('sync:connectivityChanged')).toBe(0);
  });
});
