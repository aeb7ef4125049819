import {
  foldJob,
  shownStepStatuses,
  summariseJob,
  type ChecklistStepId,
  type JobEvent,
  type JobEventBody,
  type JobSnapshot,
  type JobView,
} from '../../../shared/jobs';
import shoreditch from '../../../shared/numbers/test-support/shoreditch-snapshot.json';

export const SITE_ID = 'lon-shoreditch';
export const OCCUPIER_ID = 'occ-brightwater';

/**
 * A job page as main would answer it: the real fold of a journal on the Shoreditch snapshot
 * (or `site`, e.g. one from buildSnapshot) for `occupierId`, the events after JobCreated one
 * second apart.
 */
export function jobViewOf(
  jobId: string,
  occupierId: string,
  bodies: readonly JobEventBody[],
  site: JobSnapshot = shoreditch as JobSnapshot,
): JobView {
  const snapshot = { ...site, occupierId };
  const siteId = snapshot.site.id;
  const start = Date.parse('2026-05-04T10:00:00.000Z');
  const events = [
    {
      type: 'JobCreated',
      payload: { jobId, siteId, occupierId, snapshot },
    } satisfies JobEventBody,
    ...bodies,
  ].map(
    (body, i) =>
      ({
        seq: i + 1,
        id: `${jobId}-${i + 1}`,
        time: new Date(start + i * 1000).toISOString(),
        actor: 'engineer',
        ...body,
      }) as JobEvent,
  );
  const state = foldJob(events);
  const summary = summariseJob(
    {
      jobId,
      siteId,
      siteName: snapshot.site.name,
      occupierId,
      occupierName: snapshot.occupiers.find((o) => o.id === occupierId)?.name ?? occupierId,
      createdAt: events[0]!.time,
      archived: false,
    },
    state,
    { online: true, progress: null },
    null,
  );
  return { summary, state, steps: shownStepStatuses(state) };
}

/** Brightwater's job page, with the given checklist steps marked done. */
export function jobView(jobId: string, done: readonly ChecklistStepId[] = []): JobView {
  return jobViewOf(
    jobId,
    OCCUPIER_ID,
    done.map((stepId) => ({
      type: 'ChecklistStepMarked',
      payload: { stepId, done: true, note: '' },
    })),
  );
}
