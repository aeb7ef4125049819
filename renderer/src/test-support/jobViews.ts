import {
  foldJob,
  jobStepStatuses,
  summariseJob,
  type ChecklistStepId,
  type JobEvent,
  type JobSnapshot,
  type JobView,
} from '../../../shared/jobs';
import shoreditch from '../../../shared/numbers/test-support/shoreditch-snapshot.json';

export const SITE_ID = 'lon-shoreditch';
export const OCCUPIER_ID = 'occ-brightwater';

const snapshot = { ...(shoreditch as JobSnapshot), occupierId: OCCUPIER_ID };

/**
 * A job page as main would answer it: the real fold of a journal on the Shoreditch snapshot,
 * with the given checklist steps marked done.
 */
export function jobView(jobId: string, done: readonly ChecklistStepId[] = []): JobView {
  const time = '2026-05-04T10:00:00.000Z';
  const events: JobEvent[] = [
    {
      seq: 1,
      id: `${jobId}-1`,
      time,
      actor: 'engineer',
      type: 'JobCreated',
      payload: { jobId, siteId: SITE_ID, occupierId: OCCUPIER_ID, snapshot },
    },
    ...done.map((stepId, i): JobEvent => ({
      seq: i + 2,
      id: `${jobId}-${i + 2}`,
      time,
      actor: 'engineer',
      type: 'ChecklistStepMarked',
      payload: { stepId, done: true, note: '' },
    })),
  ];
  const state = foldJob(events);
  const summary = summariseJob(
    {
      jobId,
      siteId: SITE_ID,
      siteName: snapshot.site.name,
      occupierId: OCCUPIER_ID,
      occupierName: 'Brightwater Legal',
      createdAt: time,
      archived: false,
    },
    state,
    { online: true, progress: null },
    null,
  );
  return { summary, state, steps: jobStepStatuses(state) };
}
