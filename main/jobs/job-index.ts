import { z } from 'zod';
import type { KeyValueStore } from './key-value-store';

/**
 * The list of jobs on this laptop. A convenience for the job list: the journals are the
 * truth, and a job whose journal exists but is missing here is put back on startup.
 */
export const JobIndexEntry = z.object({
  jobId: z.string(),
  siteId: z.string(),
  siteName: z.string(),
  occupierId: z.string(),
  occupierName: z.string(),
  createdAt: z.string(),
  archived: z.boolean(),
});
export type JobIndexEntry = z.infer<typeof JobIndexEntry>;

const JOBS_KEY = 'jobs';
const StoredIndex = z.record(z.string(), JobIndexEntry);

export interface JobIndex {
  all(): JobIndexEntry[];
  get(jobId: string): JobIndexEntry | undefined;
  put(entry: JobIndexEntry): void;
}

export function createJobIndex(store: KeyValueStore): JobIndex {
  const read = (): Record<string, JobIndexEntry> => {
    const parsed = StoredIndex.safeParse(store.get(JOBS_KEY) ?? {});
    // A damaged index is rebuilt from the journals, so starting empty loses nothing.
    return parsed.success ? parsed.data : {};
  };
  return {
    all: () =>
      Object.values(read()).sort((a, b) =>
        a.createdAt === b.createdAt
          ? a.jobId.localeCompare(b.jobId)
          : a.createdAt < b.createdAt
            ? 1
            : -1,
      ),
    get: (jobId) => read()[jobId],
    put(entry) {
      store.set(JOBS_KEY, { ...read(), [entry.jobId]: entry });
    },
  };
}
