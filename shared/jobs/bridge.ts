import { z } from 'zod';
import { ChecklistStepId } from './checklist';
import { ConflictChoice } from './events';
import { SyncProgress } from './sync-status';
import { JobSummary, JobView } from './views';

/**
 * The jobs and sync part of the bridge contract (spread into shared/ipc/contract.ts).
 * Every request that changes a job carries an `actionId` the renderer makes once, so a
 * request resent after a lost reply is recorded once.
 */

const JobId = z.string().min(1).max(100);
const ActionId = z.string().min(8).max(100);
const EntryId = z.string().min(1).max(200);

export const Connectivity = z.object({
  reachable: z.boolean(),
  workOffline: z.boolean(),
  reason: z.string().nullable(),
  checkedAt: z.string().nullable(),
});
export type Connectivity = z.infer<typeof Connectivity>;

export const jobChannels = {
  'jobs:list': {
    request: z.object({}).strict(),
    response: z.object({ jobs: z.array(JobSummary) }),
  },
  'jobs:create': {
    request: z
      .object({ jobId: JobId.optional(), siteId: z.string().min(1), occupierId: z.string().min(1) })
      .strict(),
    response: JobView,
  },
  'jobs:open': { request: z.object({ jobId: JobId }).strict(), response: JobView },
  'jobs:archive': {
    request: z.object({ jobId: JobId, actionId: ActionId }).strict(),
    response: JobView,
  },
  'jobs:markStep': {
    request: z
      .object({
        jobId: JobId,
        actionId: ActionId,
        stepId: ChecklistStepId,
        done: z.boolean(),
        note: z.string().max(2000).default(''),
      })
      .strict(),
    response: JobView,
  },
  'jobs:setPortRole': {
    request: z
      .object({
        jobId: JobId,
        actionId: ActionId,
        floorPortId: z.string().min(1),
        roleId: z.string().min(1),
      })
      .strict(),
    response: JobView,
  },
  'sync:status': { request: z.object({}).strict(), response: Connectivity },
  'sync:now': { request: z.object({ jobId: JobId }).strict(), response: JobView },
  'sync:setWorkOffline': {
    request: z.object({ workOffline: z.boolean() }).strict(),
    response: Connectivity,
  },
  /** The OS's network went away or came back (the renderer's online/offline events). */
  'sync:reportNetwork': {
    request: z.object({ online: z.boolean() }).strict(),
    response: Connectivity,
  },
  'sync:resolveConflict': {
    request: z
      .object({ jobId: JobId, actionId: ActionId, entryId: EntryId, choice: ConflictChoice })
      .strict(),
    response: JobView,
  },
  'sync:retryEntry': {
    request: z.object({ jobId: JobId, actionId: ActionId, entryId: EntryId }).strict(),
    response: JobView,
  },
  'sync:discardEntry': {
    request: z.object({ jobId: JobId, actionId: ActionId, entryId: EntryId }).strict(),
    response: JobView,
  },
} as const;

export const jobEvents = {
  /** A job's journal grew; the summary is current, the page re-opens the job for the rest. */
  'jobs:changed': JobSummary,
  'sync:progress': z.object({ jobId: JobId, progress: SyncProgress.nullable() }),
  'sync:connectivityChanged': Connectivity,
} as const;
