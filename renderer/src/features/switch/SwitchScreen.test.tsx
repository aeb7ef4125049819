import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { SwitchOverviewItem } from '../../../../shared/ipc';
import type { PortFacts } from '../../../../shared/switch/facts';
import { jobView } from '../../test-support/jobViews';
import { renderApp } from '../../test-support/renderApp';
import { switchNotConnected } from '../../test-support/switchViews';

const OTHER = {
  vendor: 'cisco_ios',
  hostname: 'sw-3f-a',
  model: 'C9200L-24P-4G',
  softwareVersion: '17.9.4',
  serialNumber: 'JAE3F0001',
} as const;

/** sw-3f-a's 24 ports, its Gi1/0/1 up: the console cable is in the 3F switch. */
const otherPorts: PortFacts[] = Array.from({ length: 24 }, (_, i) => ({
  interfaceName: `Gi1/0/${i + 1}`,
  number: i + 1,
  uplink: false,
  description: '',
  link: i === 0 ? 'up' : 'down',
  vlan: 1,
  poe: { state: 'none', watts: null },
  neighbour: null,
  macs: [],
  readAt: '2026-05-04T10:00:00.000Z',
}));

function expected(confirmed: boolean): SwitchOverviewItem {
  return {
    switchId: 'lon-sw-2f-a',
    hostname: 'sw-2f-a',
    vendor: 'cisco_ios',
    model: 'WS-C2960X-24PS-L',
    interfaceCount: 24,
    consoleBaud: 9600,
    hasLogin: false,
    session: {
      route: 'serial',
      label: '/dev/ttyUSB0',
      identity: OTHER,
      openedAt: '2026-05-04T10:00:00.000Z',
      controller: null,
      serial: { path: '/dev/ttyUSB0', baudRate: 9600, found: true },
    },
    identification: {
      identity: OTHER,
      check: {
        matches: false,
        differences: [
          'its hostname is sw-3f-a; the site expects sw-2f-a',
          'its model is C9200L-24P-4G; the site expects WS-C2960X-24PS-L',
        ],
      },
      confirmed,
    },
    changesAllowed: confirmed,
  };
}

/** The site's other switch, never connected, no login held. */
const notConnected = switchNotConnected({
  switchId: 'lon-sw-3f-a',
  hostname: 'sw-3f-a',
  model: 'C9200L-24P-4G',
});

describe('the Switch screen on a switch that is not the expected one', () => {
  it('draws the connected switch as itself, without the expected floor ports, until confirmed', async () => {
    let confirmed = false;
    renderApp({
      path: '/jobs/job-1/switch',
      handlers: {
        'jobs:open': ({ jobId }) => jobView(jobId),
        'switch:overview': () => ({
          switches: [expected(confirmed), notConnected],
          demo: false,
          credentialKeeping: 'memory',
        }),
        'switch:serialPorts': () => ({ ports: [] }),
        'switch:ports': () => ({ ports: otherPorts }),
        'switch:confirmIdentity': () => {
          confirmed = true;
          return expected(true);
        },
      },
    });

    const faceplate = await screen.findByRole('figure', { name: 'Faceplate of sw-3f-a' });
    expect(faceplate.textContent).toContain('C9200L-24P-4G, serial JAE3F0001');
    expect(faceplate.textContent).toContain('Not sw-2f-a, the switch the site data expects');
    // 2F-001 is patched to sw-2f-a's Gi1/0/1, not to this switch's.
    expect(faceplate.textContent).not.toContain('2F-001');
    const first = within(faceplate).getByRole('button', { name: /^Port 1 \(Gi1\/0\/1\)/ });
    expect(first.getAttribute('aria-label')).not.toContain('floor port');
    expect(screen.queryByRole('figure', { name: 'Faceplate of sw-2f-a' })).toBeNull();
    fireEvent.click(first);
    expect(
      await screen.findByText('not known: this is not the switch the site data expects'),
    ).toBeTruthy();
    // The warning stays beside the picture.
    const warning = screen.getByRole('alert', {
      name: 'This is not the switch the site data expects',
    });
    expect(warning.textContent).toContain('Its hostname is sw-3f-a');
    // No login is held for the other switch, and the screen does not say one is.
    expect(screen.queryByText(/A login for this switch is held/)).toBeNull();

    fireEvent.click(within(warning).getByRole('button', { name: 'It is the right switch' }));
    // Confirmed: changes are allowed, so it is taken as sw-2f-a with its floor ports.
    const taken = await screen.findByRole('figure', { name: 'Faceplate of sw-2f-a' });
    await waitFor(() => expect(taken.textContent).toContain('2F-001'));
    expect(taken.textContent).toContain('it calls itself sw-3f-a, and you confirmed it is sw-2f-a');
    expect(
      within(taken)
        .getByRole('button', { name: /^Port 1 \(Gi1\/0\/1\)/ })
        .getAttribute('aria-label'),
    ).toContain('floor port 2F-001');
    expect(
      screen.getByText('You confirmed it is the right switch; changes are allowed.'),
    ).toBeTruthy();
  });
});

describe('the Cabling step on a switch that is not the expected one', () => {
  it('says cabling on it is not checked, and why', async () => {
    renderApp({
      path: '/jobs/job-1/cabling',
      handlers: {
        'jobs:open': ({ jobId }) => jobView(jobId),
        'switch:overview': () => ({
          switches: [expected(false), notConnected],
          demo: false,
          credentialKeeping: 'memory',
        }),
        'switch:cabling': () => ({
          handsets: [
            {
              handsetId: 'hs-1',
              mac: '80:5e:c0:2f:01:01',
              modelName: 'Yealink T54W',
              floorPortId: 'fp-2f-001',
              floorPortLabel: '2F-001',
              switchId: 'lon-sw-2f-a',
              interfaceName: 'Gi1/0/1',
              planSource: 'platform',
              outcome: 'notSeen',
              observed: null,
              checkedAt: null,
              pluggedInto: null,
            },
          ],
          done: false,
          floorPorts: [{ id: 'fp-2f-001', label: '2F-001' }],
        }),
      },
    });
    const warning = await screen.findByRole('alert', {
      name: 'Cabling on sw-2f-a is not checked: it is not the expected switch',
    });
    expect(warning.textContent).toContain('The console line reaches sw-3f-a, not sw-2f-a');
    expect(screen.getByText('0 of 1 handset seen on its floor port.')).toBeTruthy();
  });
});
