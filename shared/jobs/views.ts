import { z } from 'zod';
import { CodedError } from '../errors';
import { JobState } from './state';
import { StepStatus } from './steps/step-status';
import { JobSyncStatus, deriveSyncStatus, type SyncRuntime } from './sync-status';

/** What the bridge carries about jobs: the list row and the job page. */

export const JournalNotice = z.object({
  kind: z.enum(['tornTailRecovered', 'corrupted', 'tooLarge']),
  message: z.string(),
  keptAsidePath: z.string(),
});
export type JournalNotice = z.infer<typeof JournalNotice>;

export const JobSummary = z.object({
  jobId: z.string(),
  siteId: z.string(),
  siteName: z.string(),
  occupierId: z.string(),
  occupierName: z.string(),
  createdAt: z.string(),
  archived: z.boolean(),
  /** When the job was signed off; null while it is not (or its journal could not be read). */
  signedOffAt: z.string().nullable(),
  /** Null when the journal could not be read (see notice). */
  sync: JobSyncStatus.nullable(),
  notice: JournalNotice.nullable(),
});
export type JobSummary = z.infer<typeof JobSummary>;

export const JobView = z.object({
  summary: JobSummary,
  state: JobState,
  /** Each checklist step's status, computed in main from the journal and the facts. */
  steps: z.array(StepStatus),
});
export type JobView = z.infer<typeof JobView>;

export interface JobHeader {
  jobId: string;
  siteId: string;
  siteName: string;
  occupierId: string;
  occupierName: string;
  createdAt: string;
  archived: boolean;
}

export function summariseJob(
  header: JobHeader,
  state: JobState | null,
  runtime: SyncRuntime,
  notice: JournalNotice | null,
): JobSummary {
  return {
    ...header,
    archived: state?.archived ?? header.archived,
    signedOffAt: state?.installation.signOff?.at ?? null,
    sync: state ? deriveSyncStatus(state, runtime) : null,
    notice,
  };
}

/**
 * A job still to be finished: readable, not archived, not signed off. An occupier has at most
 * one (main refuses a second); the engineer continues it instead.
 */
export function isUnfinishedJob(state: Pick<JobState, 'archived' | 'installation'>): boolean {
  return !state.archived && state.installation.signOff === null;
}

/** The same rule on a list row (a row whose journal could not be read is not continuable). */
export function isUnfinishedSummary(summary: JobSummary): boolean {
  return summary.sync !== null && !summary.archived && summary.signedOffAt === null;
}

/**
 * Refused because the job is archived (what the engineer can do instead may be said in `then`).
 * One code and one wording wherever a change to an archived job is refused.
 */
export function jobArchivedError(then = 'open a new job to make changes.'): CodedError {
  return new CodedError('JOB_ARCHIVED', `This job is archived; ${then}`);
}
