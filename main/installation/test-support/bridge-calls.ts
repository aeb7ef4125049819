import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import type { JobView, StepStatus } from '../../../shared/jobs';
import { createAppServices, type AppServices, type AppServicesOptions } from '../../app/services';
import type { Router } from '../../bridge/router';
import { waitFor } from '../../sim/platform/test-support/test-platform';

/** The bridge as the renderer uses it: a channel call that resolves with the answer or throws its code. */
export function bridgeCalls(router: () => Router) {
  async function call<T = JobView>(channel: string, request: unknown): Promise<T> {
    const reply = await router().dispatch(channel, request);
    if (!reply.ok) throw Object.assign(new Error(reply.error.message), { code: reply.error.code });
    return reply.response as T;
  }
  /** Re-reads the job until `test` holds (the platform answers in the background). */
  async function viewWhere(jobId: string, what: string, test: (view: JobView) => boolean) {
    const seen: JobView[] = [];
    await waitFor(
      what,
      async () => {
        const view = await call('jobs:open', { jobId });
        seen.push(view);
        return test(view);
      },
      15_000,
    );
    return seen.at(-1)!;
  }
  /** A new job for `occupierId` (at Shoreditch unless said), as New job starts one. */
  async function newJob(occupierId: string, siteId = 'lon-shoreditch') {
    const view = await call('jobs:create', { siteId, occupierId });
    return { view, jobId: view.summary.jobId };
  }
  /** Re-reads the job until its Numbers step is done (the platform confirmed the changes). */
  const numbersGreen = (jobId: string) =>
    viewWhere(jobId, 'the numbers to be green', (v) => step(v, 'numbers').state === 'done');
  return { call, viewWhere, newJob, numbersGreen };
}

export const step = (view: JobView, id: string): StepStatus => view.steps.find((s) => s.id === id)!;

/**
 * The app's own services on the demo platform for one test file (created before its tests,
 * closed after), with the bridge calls and a fresh action id per call.
 */
export function demoAppServices(
  name: string,
  /** More of the app's options, e.g. a login wait of 0 ms. */
  more: Partial<AppServicesOptions> = {},
) {
  let services: AppServices | undefined;
  beforeAll(async () => {
    services = await createAppServices({
      host: 'browser',
      target: { kind: 'demo' },
      dataDirectory: mkdtempSync(join(tmpdir(), `dialtone-${name}-`)),
      ...more,
    });
    await services.jobs.connectivity.check();
  });
  afterAll(async () => {
    await services?.close();
  });
  const get = (): AppServices => {
    if (!services) throw new Error('The demo services are made in beforeAll.');
    return services;
  };
  let counter = 0;
  const actionId = () => `action-${++counter}-${Date.now()}`;
  const calls = bridgeCalls(() => get().router);
  /** Back from "work offline": the health check, then a sync of the job. */
  async function backOnline(jobId: string) {
    get().jobs.connectivity.setWorkOffline(false);
    await get().jobs.connectivity.check();
    await calls.call('sync:now', { jobId });
  }
  return { services: get, actionId, backOnline, ...calls };
}
