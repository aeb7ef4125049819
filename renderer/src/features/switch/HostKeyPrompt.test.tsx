import { MantineProvider } from '@mantine/core';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { SwitchOverviewItem } from '../../../../shared/ipc';
import { createBridgeClient } from '../../bridge/client';
import { theme } from '../../app/theme';
import { createFakeBridge, FakeBridgeFailure } from '../../test-support/fakeBridge';
import { switchNotConnected } from '../../test-support/switchViews';
import { ConnectPanel } from './ConnectPanel';
import { createSwitchStore, switchContext } from './switchStore';

const PINNED = `SHA256:${'A'.repeat(43)}`;
const PRESENTED = `SHA256:${'B'.repeat(43)}`;

const item: SwitchOverviewItem = switchNotConnected({
  switchId: 'lon-sw-2f-a',
  hostname: 'sw-2f-a',
  model: 'WS-C2960X-24PS-L',
});

describe('the Connect screen when a switch shows a changed SSH key', () => {
  it('shows both fingerprints, and trusting the new key connects again', async () => {
    let keyTrusted = false;
    const fake = createFakeBridge({
      'switch:overview': () => ({ switches: [item], demo: false, credentialKeeping: 'memory' }),
      'switch:serialPorts': () => ({ ports: [] }),
      'switch:connect': () => {
        if (!keyTrusted)
          throw new FakeBridgeFailure(
            'SWITCH_HOST_KEY_CHANGED',
            `The switch showed a different SSH host key: pinned ${PINNED}, now ${PRESENTED}.`,
            { switchId: item.switchId, pinned: PINNED, presented: PRESENTED },
          );
        return item;
      },
      'switch:trustHostKey': ({ fingerprint }) => {
        keyTrusted = fingerprint === PRESENTED;
        return {};
      },
    });
    const store = createSwitchStore(createBridgeClient(fake.bridge));
    await store.getState().open('job-1');
    render(
      <MantineProvider theme={theme}>
        <switchContext.Provider value={store}>
          <ConnectPanel item={item} demo={false} />
        </switchContext.Provider>
      </MantineProvider>,
    );
    fireEvent.click(screen.getByRole('radio', { name: 'SSH' }));
    fireEvent.change(screen.getByLabelText('Switch address'), { target: { value: '10.0.0.2' } });
    fireEvent.change(screen.getByLabelText('User name'), { target: { value: 'admin' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'pw' } });
    expect(screen.queryByText(/SSH key has changed/)).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Connect to sw-2f-a' }));

    const alert = await screen.findByRole('alert', { name: /SSH key has changed/ });
    expect(alert.textContent).toContain(PINNED);
    expect(alert.textContent).toContain(PRESENTED);
    // One alert for the refusal, not the generic one beside it.
    expect(screen.queryByText('Could not connect')).toBeNull();
    expect(fake.callsTo('switch:trustHostKey')).toHaveLength(0);

    fireEvent.click(screen.getByRole('button', { name: 'Trust the new key and connect' }));
    await waitFor(() => expect(fake.callsTo('switch:connect')).toHaveLength(2));
    expect(fake.callsTo('switch:trustHostKey')[0]!.request).toEqual({
      jobId: 'job-1',
      switchId: item.switchId,
      fingerprint: PRESENTED,
    });
    expect(fake.callsTo('switch:connect')[1]!.request).toMatchObject({
      route: { kind: 'ssh', host: '10.0.0.2' },
      login: { username: 'admin', password: 'pw' },
    });
    await waitFor(() => expect(screen.queryByText(/SSH key has changed/)).toBeNull());
  });
});
