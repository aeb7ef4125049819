import { SiteSnapshot } from '../platform/snapshot';

/**
 * What a job starts from: the platform's site snapshot taken for the job's occupier
 * (pulled from the platform, from the offline cache, or carried in a bundle).
 */
export const JobSnapshot = SiteSnapshot;
export type JobSnapshot = SiteSnapshot;
