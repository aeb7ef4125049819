import { join } from 'node:path';
import { CodedError } from '../../../shared/errors';
import { createJobService } from '../job-service';
import { createConfStore } from '../key-value-store';
import { createSnapshotCache } from '../snapshot-cache';

/**
 * Opens one job with the real job service and prints what it found, as one JSON line. The
 * journal-size test runs it with a small V8 heap, so a journal held in memory whole fails.
 */
const [dataDirectory, jobId] = process.argv.slice(2);
if (!dataDirectory || !jobId) throw new Error('usage: open-job-child <data folder> <job id>');

const jobs = await createJobService({
  jobsDirectory: join(dataDirectory, 'jobs'),
  store: createConfStore(dataDirectory),
  snapshotCache: createSnapshotCache(join(dataDirectory, 'snapshots')),
  snapshots: { pull: () => Promise.reject(new CodedError('OFFLINE', 'offline')) },
  isOnline: () => false,
});
const { state } = await jobs.open(jobId);
const note = state.checklist.find((step) => step.id === 'cabling')?.note ?? '';
process.stdout.write(
  `${JSON.stringify({ events: state.eventCount, noteLength: note.length, heapUsed: process.memoryUsage().heapUsed })}\n`,
);
await jobs.close();
