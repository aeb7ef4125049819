import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { CodedError } from '../../../shared/errors';
import { createJobServices } from '../../app/job-services';
import { createPlatformClient } from '../../platform/client';
import { createJobService, type JobService } from '../job-service';
import { createConfStore } from '../key-value-store';
import { createSnapshotCache } from '../snapshot-cache';
import { stateDigest, type ChildMessage, type CrashAction } from './crash-script';

/**
 * The crash test's child: the real job services on a data folder, doing the actions it reads
 * on stdin and acknowledging each on stdout once it is durable. It is killed with SIGKILL at
 * points the parent picks by counting messages. Offline it runs the job service alone; given
 * a platform it runs the app's own wiring (createJobServices, autoSync on), tells each sync
 * step as it becomes durable, and so can be killed in the middle of a sync run.
 */
const [dataDirectory, jobId, platformUrl, platformToken] = process.argv.slice(2);
if (!dataDirectory || !jobId)
  throw new Error('usage: crash-child <data folder> <job id> [<platform url> <token>]');

const send = (message: ChildMessage) => process.stdout.write(`${JSON.stringify(message)}\n`);

async function offlineJobs(): Promise<{ jobs: JobService; close(): Promise<void> }> {
  const jobs = await createJobService({
    jobsDirectory: join(dataDirectory!, 'jobs'),
    store: createConfStore(dataDirectory!),
    snapshotCache: createSnapshotCache(join(dataDirectory!, 'snapshots')),
    snapshots: {
      pull: () => Promise.reject(new CodedError('OFFLINE', 'The crash test runs offline.')),
    },
    isOnline: () => false,
  });
  return { jobs, close: () => jobs.close() };
}

async function syncingJobs(): Promise<{ jobs: JobService; close(): Promise<void> }> {
  const services = await createJobServices({
    dataDirectory: dataDirectory!,
    platform: createPlatformClient({ baseUrl: platformUrl!, token: platformToken! }),
  });
  let run = 0;
  services.sync.onRun((event) => {
    if (event.phase !== 'started') return;
    run++;
    // A kill from here on lands while the run's first answers come in, before their batch
    // of outcomes is durable: the platform has applied what the journal does not say yet.
    send({ kind: 'syncing', run });
  });
  services.sync.onProgress((_jobId, progress) => {
    if (progress && progress.done > 0) send({ kind: 'synced', done: progress.done, run });
  });
  return {
    jobs: services.jobs,
    async close() {
      await services.sync.settled();
      await services.close();
    },
  };
}

// The digest is taken before any sync record can be written: a run's first record needs a
// platform answer, which comes after the job is open.
const { jobs, close } = platformUrl ? await syncingJobs() : await offlineJobs();

let digest: string | null = null;
let events = 0;
try {
  const state = await jobs.state(jobId);
  digest = stateDigest(state);
  events = state.eventCount;
} catch (error) {
  if (!(error instanceof CodedError) || !['JOB_NOT_FOUND', 'JOB_INCOMPLETE'].includes(error.code))
    throw error;
}
send({ kind: 'ready', events, digest });

function perform(action: CrashAction): Promise<unknown> {
  switch (action.kind) {
    case 'create':
      return jobs.create({
        jobId: action.jobId,
        siteId: action.siteId,
        occupierId: action.occupierId,
      });
    case 'step':
      return jobs.markStep(action.jobId, {
        actionId: action.id,
        stepId: action.stepId,
        done: action.done,
        note: action.id,
      });
    case 'role':
      return jobs.setFloorPortRole(action.jobId, {
        actionId: action.id,
        floorPortId: action.floorPortId,
        roleId: action.roleId,
      });
    case 'allocate':
      return jobs.queueMutation(action.jobId, {
        actionId: action.id,
        mutation: {
          kind: 'allocateNumbers',
          siteId: action.siteId,
          occupierId: action.occupierId,
          count: 1,
        },
      });
  }
}

// Actions run as they arrive (not one by one), so group commits and kills mid-batch happen.
const performing: Promise<unknown>[] = [];
for await (const line of createInterface({ input: process.stdin })) {
  if (!line.trim()) continue;
  const action = JSON.parse(line) as CrashAction;
  performing.push(
    perform(action).then(
      () => send({ kind: 'ack', id: action.id }),
      (error: unknown) => send({ kind: 'failed', id: action.id, message: String(error) }),
    ),
  );
}
// stdin closed: the parent let this life end; finish what was asked (and any sync run).
await Promise.all(performing);
await close();
