import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { jobFloorPorts, type JobView } from '../../../../shared/jobs';
import { jobView } from '../../test-support/jobViews';
import { renderApp } from '../../test-support/renderApp';

/** A promise the test settles when it chooses, to hold main's answer back. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

/** The view main answers once the cabling facts are in (statuses come from facts, never ticks). */
function cablingDone(view: JobView): JobView {
  return {
    ...view,
    steps: view.steps.map((s) => (s.id === 'cabling' ? { ...s, state: 'done', items: [] } : s)),
  };
}

function checklistState(name: RegExp) {
  const nav = screen.getByRole('navigation', { name: 'Checklist' });
  return within(nav).getByRole('link', { name });
}

describe('the open job', () => {
  it('re-reads the job when main says it changed, and shows what main answers', async () => {
    let answer = jobView('job-1');
    const app = renderApp({
      handlers: { 'jobs:open': () => answer },
      path: '/jobs/job-1/cabling',
    });
    expect(await screen.findByRole('heading', { name: 'Cabling', level: 2 })).toBeTruthy();
    expect(checklistState(/Cabling/).textContent).toContain('Needs attention');

    answer = cablingDone(jobView('job-1'));
    act(() => app.fake.emit('jobs:changed', answer.summary));
    await waitFor(() => expect(checklistState(/Cabling/).textContent).toContain('Done'));
    expect(app.fake.callsTo('jobs:open')).toHaveLength(2);
  });

  it('ignores changes to other jobs', async () => {
    const app = renderApp({
      handlers: { 'jobs:open': ({ jobId }) => jobView(jobId) },
      path: '/jobs/job-1/cabling',
    });
    await screen.findByRole('heading', { name: 'Cabling', level: 2 });
    act(() => app.fake.emit('jobs:changed', jobView('job-2').summary));
    act(() => app.fake.emit('jobs:changed', jobView('job-2').summary));
    expect(app.fake.callsTo('jobs:open')).toHaveLength(1);
  });

  it('coalesces a burst of changes into one read in flight and one more after it', async () => {
    const reads: ReturnType<typeof deferred<JobView>>[] = [];
    const app = renderApp({
      handlers: {
        'jobs:open': () => {
          const next = deferred<JobView>();
          reads.push(next);
          return next.promise;
        },
      },
      path: '/jobs/job-1/cabling',
    });
    await waitFor(() => expect(reads).toHaveLength(1));
    reads[0]!.resolve(jobView('job-1'));
    await screen.findByRole('heading', { name: 'Cabling', level: 2 });

    const changed = cablingDone(jobView('job-1'));
    act(() => {
      for (let i = 0; i < 5; i++) app.fake.emit('jobs:changed', changed.summary);
    });
    await waitFor(() => expect(reads).toHaveLength(2));
    reads[1]!.resolve(jobView('job-1'));
    // The four changes that came while the first read ran cost exactly one more read.
    await waitFor(() => expect(reads).toHaveLength(3));
    reads[2]!.resolve(changed);
    await waitFor(() => expect(checklistState(/Cabling/).textContent).toContain('Done'));
    expect(reads).toHaveLength(3);
  });

  it('a failed open says why and reads again on "Try again"', async () => {
    let fail = true;
    renderApp({
      handlers: {
        'jobs:open': ({ jobId }) => {
          if (fail) throw new Error('This job’s journal could not be read.');
          return jobView(jobId);
        },
      },
      path: '/jobs/job-1/numbers',
    });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Could not open the job');
    expect(alert.textContent).toContain('journal could not be read');
    fail = false;
    act(() => within(alert).getByRole('button', { name: 'Try again' }).click());
    expect(await screen.findByRole('heading', { name: 'Numbers', level: 2 })).toBeTruthy();
  });

  it('each action waits only for itself: a pending port role leaves the other ports free', async () => {
    const setRole = deferred<JobView>();
    const app = renderApp({
      handlers: {
        'jobs:open': ({ jobId }) => jobView(jobId),
        'jobs:setPortRole': () => setRole.promise,
      },
      path: '/jobs/job-1/port-roles',
    });
    await screen.findByRole('table', { name: 'Port roles' });
    const [first, second] = jobFloorPorts(jobView('job-1').state);
    act(() => void app.stores.openJob.getState().setPortRole(first!.id, 'voice-pc'));
    const firstBox = screen.getByRole('combobox', { name: `Role for ${first!.label}` });
    const secondBox = screen.getByRole('combobox', { name: `Role for ${second!.label}` });
    await waitFor(() => expect((firstBox as HTMLInputElement).disabled).toBe(true));
    expect((secondBox as HTMLInputElement).disabled).toBe(false);
    setRole.resolve(jobView('job-1'));
    await waitFor(() => expect((firstBox as HTMLInputElement).disabled).toBe(false));
  });
});
