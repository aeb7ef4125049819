import { CodedError } from '../../shared/errors';
import {
  describeJobCoverage,
  shownStepStatuses,
  summariseJob,
  type JobSummary,
  type JobView,
} from '../../shared/jobs';
import type { jobsDomain, syncDomain } from '../../shared/ipc';
import type { JobService, OpenedJob, PreferencesStore } from '../jobs';
import type { Connectivity, ConnectivityState, SyncService } from '../sync';
import type { DomainHandlers } from './router';

export interface JobBridgeDeps {
  jobs: JobService;
  sync: SyncService;
  connectivity: Connectivity;
  /** Where the engineer's name is remembered between jobs. */
  preferences: PreferencesStore;
}

export function connectivityView(state: ConnectivityState) {
  return { ...state };
}

function summaryOf(deps: JobBridgeDeps, opened: OpenedJob): JobSummary {
  return summariseJob(
    opened.header,
    opened.state,
    deps.sync.runtime(opened.header.jobId),
    opened.notice,
  );
}

/**
 * The job page's view: folded state, sync state and each step's status worked out from it,
 * never stored.
 */
export function jobViewOf(deps: JobBridgeDeps, opened: OpenedJob): JobView {
  return {
    summary: summaryOf(deps, opened),
    state: opened.state,
    steps: shownStepStatuses(opened.state),
  };
}

export async function jobSummaryOf(deps: JobBridgeDeps, jobId: string): Promise<JobSummary> {
  return summaryOf(deps, await deps.jobs.open(jobId));
}

/** The handlers of the jobs:* and sync:* channels. */
export function createJobChannelHandlers(
  deps: JobBridgeDeps,
): DomainHandlers<typeof jobsDomain> & DomainHandlers<typeof syncDomain> {
  const { jobs, sync, connectivity, preferences } = deps;
  const view = (opened: OpenedJob) => jobViewOf(deps, opened);
  return {
    'jobs:list': async () => ({
      jobs: (await jobs.list()).map((listing) =>
        summariseJob(
          listing.header,
          listing.state,
          sync.runtime(listing.header.jobId),
          listing.notice,
        ),
      ),
    }),
    'jobs:engineer': async () => ({ engineerName: preferences.read().engineerName }),
    'jobs:create': async ({ jobId, siteId, occupierId, engineerName: typed }) => {
      // A name typed now is remembered for the next job; a job started without one (the
      // site page's Start job) is recorded under the name last given on this machine.
      const engineerName = typed ?? preferences.read().engineerName ?? undefined;
      const opened = await jobs.create({
        ...(jobId ? { jobId } : {}),
        siteId,
        occupierId,
        ...(engineerName ? { engineerName } : {}),
      });
      if (typed) preferences.update({ engineerName: typed });
      return view(opened);
    },
    'jobs:preview': async ({ siteId, occupierId }) => {
      const unfinished = await jobs.unfinishedJobOf(siteId, occupierId);
      const snapshot = unfinished
        ? unfinished.state.snapshot
        : await jobs.previewSnapshot(siteId, occupierId);
      if (!snapshot.occupiers.some((o) => o.id === occupierId))
        throw new CodedError(
          'OCCUPIER_NOT_FOUND',
          `There is no occupier ${occupierId} at ${siteId}.`,
        );
      return {
        coverage: describeJobCoverage({ ...snapshot, occupierId }, occupierId),
        unfinishedJob: unfinished ? summaryOf(deps, unfinished) : null,
      };
    },
    'jobs:open': async ({ jobId }) => view(await jobs.open(jobId)),
    'jobs:archive': async ({ jobId, actionId }) => view(await jobs.archive(jobId, actionId)),
    'jobs:setPortRole': async ({ jobId, ...change }) =>
      view(await jobs.setFloorPortRole(jobId, change)),
    'sync:status': async () => connectivityView(connectivity.state()),
    'sync:now': async ({ jobId }) => {
      if (!connectivity.canSync()) await connectivity.check();
      if (connectivity.canSync()) await sync.syncJob(jobId);
      return view(await jobs.open(jobId));
    },
    'sync:setWorkOffline': async ({ workOffline }) =>
      connectivityView(connectivity.setWorkOffline(workOffline)),
    'sync:reportNetwork': async ({ online }) => {
      connectivity.reportOsOnline(online);
      return connectivityView(connectivity.state());
    },
    'sync:resolveConflict': async ({ jobId, ...request }) =>
      view(await sync.resolveConflict(jobId, request)),
    'sync:retryEntry': async ({ jobId, ...request }) => view(await sync.retryEntry(jobId, request)),
    'sync:discardEntry': async ({ jobId, ...request }) =>
      view(await sync.discardEntry(jobId, request)),
  };
}
