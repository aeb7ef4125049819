import { z } from 'zod';
import { EngineerName } from '../../jobs/events';
import { JobCoverage } from '../../jobs/job-coverage';
import { JobSummary, JobView } from '../../jobs/views';
import { defineDomain } from '../domain';

/**
 * Every request that changes a job carries an `actionId` the renderer makes once, so a
 * request resent after a lost reply is recorded once.
 */
export const JobId = z.string().min(1).max(100);
export const ActionId = z.string().min(8).max(100);

export const jobsDomain = defineDomain('jobs', {
  channels: {
    'jobs:list': {
      request: z.object({}).strict(),
      response: z.object({ jobs: z.array(JobSummary) }),
    },
    'jobs:create': {
      request: z
        .object({
          jobId: JobId.optional(),
          siteId: z.string().min(1),
          occupierId: z.string().min(1),
          /** Who does the job; remembered for the next one. Absent: the name last given. */
          engineerName: EngineerName.optional(),
        })
        .strict(),
      response: JobView,
    },
    /** The engineer's name as last given on this machine, offered on the New job screen. */
    'jobs:engineer': {
      request: z.object({}).strict(),
      response: z.object({ engineerName: z.string().nullable() }),
    },
    /**
     * What a job for this occupier would cover (from the platform's snapshot, else the offline
     * cache), and the occupier's unfinished job if it has one: the engineer continues that one.
     */
    'jobs:preview': {
      request: z.object({ siteId: z.string().min(1), occupierId: z.string().min(1) }).strict(),
      response: z.object({ coverage: JobCoverage, unfinishedJob: JobSummary.nullable() }),
    },
    'jobs:open': { request: z.object({ jobId: JobId }).strict(), response: JobView },
    'jobs:archive': {
      request: z.object({ jobId: JobId, actionId: ActionId }).strict(),
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
  },
  events: {
    /** A job's journal grew; the summary is current, the page re-opens the job for the rest. */
    'jobs:changed': JobSummary,
  },
});
