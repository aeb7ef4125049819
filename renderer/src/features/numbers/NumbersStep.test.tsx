import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { JobView } from '../../../../shared/jobs';
import { buildSnapshot } from '../../../../shared/numbers/test-support/snapshot-builder';
import { FakeBridgeFailure } from '../../test-support/fakeBridge';
import { jobViewOf } from '../../test-support/jobViews';
import { renderApp } from '../../test-support/renderApp';
import { HANDSET_FINDINGS_SHOWN } from './NumbersStep';
import { NUMBERS_PER_PAGE } from './NumberTable';

const gb = (i: number) => `+44203${String(i).padStart(7, '0')}`;

/**
 * 120 numbers on a first add of 110 services: 100 active (70 on handsets), 20 spare, no main.
 * The checks find 10 to activate, no main number, 5 more allocated than the rule gives, and
 * 30 numbers on no handset.
 */
function bigOccupier(): JobView {
  const numbers = Array.from({ length: 120 }, (_, i) => ({
    e164: gb(i),
    state: i < 100 ? ('ACTIVE' as const) : ('RESERVED' as const),
    handsetId: i < 70 ? `h-${i}` : null,
  }));
  const snapshot = buildSnapshot({
    occupiers: [
      {
        id: 'occ-big',
        name: 'Big Occupier',
        services: [{ quantity: 110 }],
        numbers,
        handsets: numbers
          .filter((n) => n.handsetId !== null)
          .map((n) => ({ id: n.handsetId!, loggedInNumber: n.e164 })),
      },
    ],
  });
  return jobViewOf('job-big', 'occ-big', [], snapshot);
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const findings = () => screen.getByRole('region', { name: 'Findings' });
const table = () => screen.getByRole('table', { name: "The occupier's numbers" });
const bodyRows = () => within(table()).getAllByRole('row').slice(1);

describe('the Numbers step of an occupier with many numbers', () => {
  it('shows the numbers a page at a time, and the numbers on no handset on "Show all"', async () => {
    renderApp({
      handlers: { 'jobs:open': () => bigOccupier() },
      path: '/jobs/job-big/numbers',
    });
    await screen.findByRole('table', { name: "The occupier's numbers" });
    expect(bodyRows()).toHaveLength(NUMBERS_PER_PAGE);
    expect(screen.getByText('Numbers 1–50 of 120')).toBeTruthy();
    const previous = screen.getByRole('button', { name: 'Previous 50 numbers' });
    expect((previous as HTMLButtonElement).disabled).toBe(true);

    fireEvent.click(screen.getByRole('button', { name: 'Next 50 numbers' }));
    expect(screen.getByText('Numbers 51–100 of 120')).toBeTruthy();
    expect(bodyRows()[0]?.textContent).toContain(gb(50));
    fireEvent.click(screen.getByRole('button', { name: 'Next 50 numbers' }));
    expect(screen.getByText('Numbers 101–120 of 120')).toBeTruthy();
    expect(bodyRows()).toHaveLength(20);
    expect(bodyRows()[0]?.textContent).toContain('Spare');
    const next = screen.getByRole('button', { name: 'Next 50 numbers' });
    expect((next as HTMLButtonElement).disabled).toBe(true);

    const onNoHandset = () => within(findings()).queryAllByText(/is active but on no handset/);
    expect(findings().textContent).toContain('30 numbers need a handset');
    expect(onNoHandset()).toHaveLength(HANDSET_FINDINGS_SHOWN);
    fireEvent.click(
      within(findings()).getByRole('button', { name: 'Show all 30 numbers that need a handset' }),
    );
    expect(onNoHandset()).toHaveLength(30);
  });

  it("a fix shows its effect before main answers, and main's answer replaces it", async () => {
    const view = bigOccupier();
    let answer = deferred<JobView>();
    const app = renderApp({
      handlers: {
        'jobs:open': () => view,
        'installation:fixFinding': () => answer.promise,
      },
      path: '/jobs/job-big/numbers',
    });
    await screen.findByRole('table', { name: "The occupier's numbers" });
    expect(findings().textContent).toContain('10 more to activate');
    fireEvent.click(within(findings()).getByRole('button', { name: /^Fix: activate / }));

    // At once: the finding is gone, the check re-run (the spare offered as main is the next
    // one), and the spares it activates are queued.
    expect(findings().textContent).not.toContain('more to activate');
    expect(findings().textContent).toContain(`nominate the spare number ${gb(110)} as main`);
    fireEvent.click(screen.getByRole('button', { name: 'Next 50 numbers' }));
    fireEvent.click(screen.getByRole('button', { name: 'Next 50 numbers' }));
    expect(bodyRows()[0]?.textContent).toContain('ACTIVE (queued)');
    expect(app.fake.callsTo('installation:fixFinding')[0]?.request).toMatchObject({
      findingId: 'activation.short',
    });

    // Main answers (here: nothing changed, as if the platform had it already): that shows.
    await act(async () => answer.resolve(view));
    await waitFor(() => expect(findings().textContent).toContain('10 more to activate'));
    expect(bodyRows()[0]?.textContent).not.toContain('(queued)');

    // A refusal takes the effect back and says why.
    answer = deferred<JobView>();
    fireEvent.click(within(findings()).getByRole('button', { name: /^Fix: activate / }));
    expect(findings().textContent).not.toContain('more to activate');
    await act(async () =>
      answer.reject(new FakeBridgeFailure('FINDING_GONE', 'That finding is no longer there.')),
    );
    expect((await screen.findByRole('alert')).textContent).toContain(
      'That finding is no longer there.',
    );
    expect(findings().textContent).toContain('10 more to activate');
  });
});

describe('the Numbers step with a first add of voice services queued (offline)', () => {
  it('offers no allocation fix on top of it, and says what the platform will allocate', async () => {
    const view = jobViewOf('job-queued-add', 'occ-brightwater', [
      {
        type: 'MutationQueued',
        payload: {
          entry: {
            entryId: 'add-1',
            idempotencyKey: 'add-1-idempotency-key',
            mutation: {
              kind: 'addVoiceService',
              siteId: 'lon-shoreditch',
              occupierId: 'occ-brightwater',
              quantity: 3,
            },
            baseVersion: null,
          },
        },
      },
    ]);
    renderApp({
      handlers: { 'jobs:open': () => view },
      path: '/jobs/job-queued-add/numbers',
    });
    await screen.findByRole('region', { name: 'Findings' });
    expect(within(findings()).queryAllByRole('button', { name: /^Fix: / })).toEqual([]);
    expect(findings().textContent).not.toMatch(/allocate \d+ numbers? from the pool/);
    expect(findings().textContent).toContain(
      'Queued with the voice services: the platform allocates 5 numbers by itself when they arrive (3 activated, 1 the main number, 1 spare).',
    );
    expect(screen.queryByRole('button', { name: 'Add voice services' })).toBeNull();
  });
});
