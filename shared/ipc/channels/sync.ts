import { z } from 'zod';
import { ConflictChoice } from '../../jobs/events';
import { SyncProgress } from '../../jobs/sync-status';
import { JobView } from '../../jobs/views';
import { defineDomain } from '../domain';
import { ActionId, JobId } from './jobs';

const EntryId = z.string().min(1).max(200);

export const Connectivity = z.object({
  reachable: z.boolean(),
  workOffline: z.boolean(),
  reason: z.string().nullable(),
  checkedAt: z.string().nullable(),
});
export type Connectivity = z.infer<typeof Connectivity>;

export const syncDomain = defineDomain('sync', {
  channels: {
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
  },
  events: {
    'sync:progress': z.object({ jobId: JobId, progress: SyncProgress.nullable() }),
    'sync:connectivityChanged': Connectivity,
  },
});
