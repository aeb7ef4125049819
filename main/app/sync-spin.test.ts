import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { JobView } from '../../shared/jobs';
import { seededRandom, type SyncRunEvent } from '../sync';
import { instantClock } from '../sync/test-support/harness';
import { createAppServices, type AppServices } from './services';

/**
 * Issue 9's worst bug, through the app's own composition root and bridge with autoSync on:
 * a conflict, or a refused change with others queued behind it, must not start sync run
 * after sync run, each journaling the snapshot again. Runs are counted (not timed): every
 * run must have a cause, and the journal grows by a few records per cause.
 */
const SITE = 'lon-shoreditch';
const OCCUPIER = 'occ-brightwater';

let app: AppServices | null = null;
afterEach(async () => {
  await app?.close();
  app = null;
});

async function startApp(): Promise<AppServices> {
  app = await createAppServices({
    host: 'browser',
    target: { kind: 'demo' },
    dataDirectory: mkdtempSync(join(tmpdir(), 'dialtone-spin-')),
    sync: { clock: instantClock(), random: seededRandom(9) },
  });
  await app.jobs.connectivity.check();
  return app;
}

const goOnline = (services: AppServices) =>
  call(services, 'sync:setWorkOffline', { workOffline: false });

const discard = (services: AppServices, jobId: string, entryId: string) =>
  call(services, 'sync:discardEntry', { jobId, actionId: `discard-${entryId}`, entryId });

async function call<T>(services: AppServices, channel: string, request: unknown): Promise<T> {
  const reply = await services.router.dispatch(channel, request);
  if (!reply.ok) throw new Error(`${reply.error.code}: ${reply.error.message}`);
  return reply.response as T;
}

/** One problem change, one change held back behind it (shown so, and not counted as sendable). */
async function expectHeldBack(
  services: AppServices,
  jobId: string,
  expected: {
    label: 'conflicts' | 'needsAttention';
    entryId: string;
    behindEntryId: string;
    message: RegExp;
  },
): Promise<void> {
  const { summary } = await call<JobView>(services, 'jobs:open', { jobId });
  const problem = expected.label === 'conflicts' ? 'conflict' : 'needsAttention';
  expect(summary.sync).toMatchObject({
    label: expected.label,
    [problem === 'conflict' ? 'conflicts' : 'needsAttention']: 1,
    queued: 0,
    blocked: 1,
    blockedEntries: [
      { entryId: expected.entryId, behindEntryId: expected.behindEntryId, reason: problem },
    ],
  });
  expect(summary.sync?.blockedEntries[0]?.message).toMatch(expected.message);
}

/** Counts sync runs and journal records; `quiet()` waits for settled, or gives up on a spin. */
function watch(services: AppServices) {
  const runs: SyncRunEvent[] = [];
  let records = 0;
  const spinning = () => runs.length > 20;
  let onSpin: (() => void) | null = null;
  services.jobs.sync.onRun((event) => {
    if (event.phase === 'started') runs.push(event);
    if (spinning()) onSpin?.();
  });
  services.jobs.jobs.onChanged((_jobId, batch) => (records += batch.length));
  return {
    runs,
    records: () => records,
    /** Resolves when sync has settled, or as soon as it has clearly spun (more than 20 runs). */
    quiet: () =>
      new Promise<void>((resolve) => {
        onSpin = resolve;
        if (spinning()) resolve();
        void services.jobs.sync.settled().then(resolve);
      }),
    /** Does `work`, waits until sync is quiet, and says which runs started and what was journaled. */
    async during(work: () => Promise<unknown>): Promise<{ causes: string[]; records: number }> {
      const at = { runs: runs.length, records };
      await work();
      await this.quiet();
      return { causes: runs.slice(at.runs).map((r) => r.cause), records: records - at.records };
    },
  };
}

/** The app, a watch on its sync, and a new job for the demo occupier. */
async function startWithJob() {
  const services = await startApp();
  const seen = watch(services);
  const created = await call<JobView>(services, 'jobs:create', {
    siteId: SITE,
    occupierId: OCCUPIER,
  });
  return { services, seen, created, jobId: created.summary.jobId };
}

describe('sync does not spin (autoSync on, the app wiring)', () => {
  it('raises a conflict once, shows what waits behind it, and lets the engineer discard and resolve', async () => {
    const { services, seen, created, jobId } = await startWithJob();
    const port = created.state.snapshot.floorPorts.find(
      (p) => p.allocation.kind === 'occupier' && p.allocation.occupierId === OCCUPIER,
    )!;

    await call(services, 'sync:setWorkOffline', { workOffline: true });
    for (const [actionId, roleId] of [
      ['mine-first', 'voice-pc'],
      ['mine-second', 'data'],
    ] as const)
      await call(services, 'jobs:setPortRole', {
        jobId,
        actionId,
        floorPortId: port.id,
        roleId,
      });
    // Someone at the office changes the same port on the platform meanwhile.
    const theirs = await services.platform.setFloorPortRole(port.id, 'disabled', {
      idempotencyKey: 'office-change-0001',
      ifMatch: port.version,
    });
    await seen.quiet();
    expect(seen.runs).toEqual([]); // offline: nothing can be sent, so nothing ran

    // ConflictRaised and the refreshed snapshot (the office's change is in it): nothing more.
    expect(await seen.during(() => goOnline(services))).toEqual({
      causes: ['connectivity'],
      records: 2,
    });

    await expectHeldBack(services, jobId, {
      label: 'conflicts',
      entryId: 'mine-second',
      behindEntryId: 'mine-first',
      message: /resolve or discard/,
    });

    // No cause, no run: a health check that finds nothing new, then quiet again.
    expect(await seen.during(() => services.jobs.connectivity.check())).toEqual({
      causes: [],
      records: 0,
    });

    // "Sync now" is a cause: one run, which sends nothing and finds the same snapshot.
    expect(await seen.during(() => call(services, 'sync:now', { jobId }))).toEqual({
      causes: ['requested'],
      records: 0,
    });

    // The conflicting change can be discarded; the one behind it is then sent, and is
    // stale too (it was based on the same old version): one more conflict, no loop.
    // MutationDiscarded, ConflictRaised (the snapshot is unchanged, so not journaled again).
    expect(await seen.during(() => discard(services, jobId, 'mine-first'))).toEqual({
      causes: ['engineer'],
      records: 2,
    });
    const afterDiscard = await call<JobView>(services, 'jobs:open', { jobId });
    expect(afterDiscard.state.outbox.map((i) => [i.entry.entryId, i.status])).toEqual([
      ['mine-first', 'discarded'],
      ['mine-second', 'conflict'],
    ]);

    // ConflictResolved, MutationApplied, SnapshotRefreshed.
    expect(
      await seen.during(() =>
        call(services, 'sync:resolveConflict', {
          jobId,
          actionId: 'resolve-second',
          entryId: 'mine-second',
          choice: 'applyMine',
        }),
      ),
    ).toEqual({ causes: ['engineer'], records: 3 });

    const final = await call<JobView>(services, 'jobs:open', { jobId });
    expect(final.summary.sync).toMatchObject({ label: 'synced', queued: 0, blocked: 0 });
    const onPlatform = await services.platform.listFloorPorts(SITE);
    expect(onPlatform.find((p) => p.id === port.id)).toMatchObject({
      roleId: 'data',
      version: theirs.version + 1,
    });
  });

  it('marks a refused change, holds back only what is behind it, and does not run again for them', async () => {
    const { services, seen, created, jobId } = await startWithJob();
    const pool = created.state.snapshot.poolAvailable;
    const port = created.state.snapshot.floorPorts[0]!;

    await call(services, 'sync:setWorkOffline', { workOffline: true });
    await services.jobs.jobs.queueMutation(jobId, {
      actionId: 'too-many',
      mutation: { kind: 'allocateNumbers', siteId: SITE, occupierId: OCCUPIER, count: pool + 1 },
    });
    await services.jobs.jobs.queueMutation(jobId, {
      actionId: 'behind-it',
      mutation: { kind: 'allocateNumbers', siteId: SITE, occupierId: OCCUPIER, count: 1 },
    });
    await call(services, 'jobs:setPortRole', {
      jobId,
      actionId: 'other-port',
      floorPortId: port.id,
      roleId: 'data',
    });
    await seen.quiet();

    // MutationNeedsAttention, MutationApplied (the port), SnapshotRefreshed.
    expect(await seen.during(() => goOnline(services))).toEqual({
      causes: ['connectivity'],
      records: 3,
    });

    await expectHeldBack(services, jobId, {
      label: 'needsAttention',
      entryId: 'behind-it',
      behindEntryId: 'too-many',
      message: /PLATFORM_POOL_EXHAUSTED/,
    });

    expect(
      await seen.during(async () => {
        await call(services, 'sync:now', { jobId });
        await services.jobs.connectivity.check();
      }),
    ).toEqual({ causes: ['requested'], records: 0 });

    // MutationDiscarded, MutationApplied (behind-it), SnapshotRefreshed (one number fewer).
    expect(await seen.during(() => discard(services, jobId, 'too-many'))).toEqual({
      causes: ['engineer'],
      records: 3,
    });
    const final = await call<JobView>(services, 'jobs:open', { jobId });
    expect(final.summary.sync).toMatchObject({ label: 'synced', queued: 0, blocked: 0 });
  });
});
