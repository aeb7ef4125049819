import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { CodedError } from '../../shared/errors';
import {
  ENGINEER_ACTOR,
  jobArchivedError,
  createJobFold,
  currentFloorPortVersion,
  isUnfinishedJob,
  isVersioned,
  type ChecklistStepId,
  type JobEvent,
  type JobFold,
  type JobHeader,
  type JobSnapshot,
  type JobState,
  type JournalNotice,
  type PlatformMutation,
} from '../../shared/jobs';
import { createJobIndex, type JobIndexEntry } from './job-index';
import {
  JOURNAL_CORRUPTED,
  JOURNAL_TOO_LARGE,
  createJournal,
  openJournal,
  type EventDraft,
  type Journal,
} from './journal';
import { decodeRecord } from './journal-codec';
import { readFirstLine, streamJournal } from './journal-reader';
import type { KeyValueStore } from './key-value-store';
import type { SnapshotCache } from './snapshot-cache';

/** Where a new job's snapshot comes from when the platform is reachable. */
export interface SnapshotSource {
  pull(siteId: string, occupierId: string): Promise<JobSnapshot>;
}

export interface JobServiceOptions {
  /** Holds one folder per job, each with its journal. */
  jobsDirectory: string;
  store: KeyValueStore;
  snapshots: SnapshotSource;
  snapshotCache: SnapshotCache;
  /** Whether to try the platform at all (false when offline or working offline). */
  isOnline(): boolean;
  now?: () => Date;
  newId?: () => string;
  /** The largest journal opened (JOURNAL_MAX_BYTES unless a test says). */
  maxJournalBytes?: number;
}

export interface OpenedJob {
  header: JobHeader;
  state: JobState;
  notice: JournalNotice | null;
}

export interface JobListing {
  header: JobHeader;
  state: JobState | null;
  notice: JournalNotice | null;
}

export const ENGINEER = ENGINEER_ACTOR;

export interface JobService {
  /** `jobId` lets a retried create (after a crash or a lost reply) find the job it made. */
  /** `engineerName`: who does the job, recorded in its first event for the report. */
  create(request: {
    jobId?: string;
    siteId: string;
    occupierId: string;
    engineerName?: string;
  }): Promise<OpenedJob>;
  list(): Promise<JobListing[]>;
  /** The occupier's job that is neither archived nor signed off, if there is one. */
  unfinishedJobOf(siteId: string, occupierId: string): Promise<OpenedJob | null>;
  /** The snapshot a new job would start from (the platform, else the offline cache); starts nothing. */
  previewSnapshot(siteId: string, occupierId: string): Promise<JobSnapshot>;
  open(jobId: string): Promise<OpenedJob>;
  archive(jobId: string, actionId: string): Promise<OpenedJob>;
  /**
   * A tick of a checklist step, as journals before step statuses came from facts recorded
   * (ChecklistStepMarked). No screen or channel offers it any more; replay of an old bundle
   * re-records its ticks through here, and the fold still reads them.
   */
  markStep(
    jobId: string,
    step: { actionId: string; stepId: ChecklistStepId; done: boolean; note: string },
  ): Promise<OpenedJob>;
  setFloorPortRole(
    jobId: string,
    change: { actionId: string; floorPortId: string; roleId: string },
  ): Promise<OpenedJob>;
  /** Queues a platform mutation; the action id becomes the outbox entry id. */
  queueMutation(
    jobId: string,
    change: { actionId: string; mutation: PlatformMutation },
  ): Promise<OpenedJob>;
  /** Appends events on behalf of sync (or the engineer); durable when it resolves. */
  record(jobId: string, drafts: readonly EventDraft[]): Promise<void>;
  /**
   * Appends facts about the job's equipment (switch work) unless the job is archived or being
   * archived; false when nothing was written. Sync's and the platform's facts use `record`:
   * an archived job's queued changes still reach the platform.
   */
  recordUnlessArchived(jobId: string, drafts: readonly EventDraft[]): Promise<boolean>;
  /** The current folded state of an open job. */
  state(jobId: string): Promise<JobState>;
  /** Every durable event of a job, in order (for folds kept outside the job state, e.g. the switch work). */
  events(jobId: string): Promise<readonly JobEvent[]>;
  /** Called with each batch of records as soon as it is durable. */
  onChanged(listener: (jobId: string, records: readonly JobEvent[]) => void): () => void;
  close(): Promise<void>;
}

interface OpenJob {
  journal: Journal;
  fold: JobFold;
  notice: JournalNotice | null;
  /**
   * Set the moment JobArchived is handed to the journal, before it is durable and folded: what
   * is appended after it would land after the archive, so it is refused from then on.
   */
  archiving: boolean;
}

/** Archived, or its archive appended and not yet durable. */
function isArchived(job: OpenJob): boolean {
  return job.archiving || job.fold.current().archived;
}

function headerOf(entry: JobIndexEntry): JobHeader {
  return { ...entry };
}

function headerFromState(state: JobState): JobIndexEntry {
  const occupier = state.snapshot.occupiers.find((o) => o.id === state.occupierId);
  return {
    jobId: state.jobId,
    siteId: state.siteId,
    siteName: state.snapshot.site.name,
    occupierId: state.occupierId,
    occupierName: occupier?.name ?? state.occupierId,
    createdAt: state.createdAt,
    archived: state.archived,
  };
}

/** What can still be read of a job whose journal is damaged: its first record, if intact. */
async function headerFromDamagedJournal(jobId: string, path: string): Promise<JobIndexEntry> {
  const firstLine = (await readFirstLine(path).catch(() => null)) ?? '';
  const decoded = decodeRecord(firstLine);
  if (decoded.ok && decoded.record.type === 'JobCreated') {
    const { siteId, occupierId, snapshot } = decoded.record.payload;
    return {
      jobId,
      siteId,
      siteName: snapshot.site.name,
      occupierId,
      occupierName: snapshot.occupiers.find((o) => o.id === occupierId)?.name ?? occupierId,
      createdAt: decoded.record.time,
      archived: false,
    };
  }
  return {
    jobId,
    siteId: '',
    siteName: 'Unreadable job',
    occupierId: '',
    occupierName: jobId,
    createdAt: new Date(0).toISOString(),
    archived: false,
  };
}

/** Journal errors that will not go away by trying again: remembered, so the file is not reread. */
const LASTING_JOURNAL_ERRORS = new Set([JOURNAL_CORRUPTED, JOURNAL_TOO_LARGE]);

const JOB_INCOMPLETE = 'JOB_INCOMPLETE';

const JOB_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/;

/** A second job for an occupier that has one not archived nor signed off (detail: its jobId). */
export const JOB_UNFINISHED = 'JOB_UNFINISHED';

export async function createJobService(options: JobServiceOptions): Promise<JobService> {
  const index = createJobIndex(options.store);
  const now = options.now ?? (() => new Date());
  const newId = options.newId ?? randomUUID;
  const open = new Map<string, OpenJob>();
  const opening = new Map<string, Promise<OpenJob>>();
  const failed = new Map<string, CodedError>();
  const listeners = new Set<(jobId: string, records: readonly JobEvent[]) => void>();

  const journalPathOf = (jobId: string) => join(options.jobsDirectory, jobId, 'journal.jsonl');

  function adopt(
    jobId: string,
    journal: Journal,
    fold: JobFold,
    notice: JournalNotice | null,
  ): OpenJob {
    journal.onDurable((records) => {
      for (const record of records) fold.apply(record);
      for (const listener of listeners) listener(jobId, records);
    });
    const job: OpenJob = { journal, fold, notice, archiving: false };
    open.set(jobId, job);
    return job;
  }

  async function openJob(jobId: string): Promise<OpenJob> {
    const known = open.get(jobId);
    if (known) return known;
    const problem = failed.get(jobId);
    if (problem) throw problem;
    const inFlight = opening.get(jobId);
    if (inFlight) return inFlight;
    if (!JOB_ID.test(jobId) || !existsSync(journalPathOf(jobId)))
      throw new CodedError('JOB_NOT_FOUND', `There is no job ${jobId} on this laptop.`);
    const promise = (async () => {
      try {
        // The journal is folded as it streams in; its records are not kept.
        const folding: { fold: JobFold | null } = { fold: null };
        const { journal, recovery } = await openJournal(journalPathOf(jobId), {
          now,
          ...(options.maxJournalBytes === undefined ? {} : { maxBytes: options.maxJournalBytes }),
          onRecord: (record) => {
            if (folding.fold) folding.fold.apply(record);
            else folding.fold = createJobFold(record);
          },
        });
        const { fold } = folding;
        if (fold === null) {
          await journal.close();
          throw new CodedError(
            JOB_INCOMPLETE,
            `Job ${jobId} was never finished being created (Dialtone stopped while creating it).`,
          );
        }
        const notice: JournalNotice | null =
          recovery.kind === 'tornTailRecovered'
            ? {
                kind: 'tornTailRecovered',
                message: `The last step was being saved when Dialtone stopped; its unfinished record (${recovery.droppedBytes} bytes) was set aside and the ${recovery.recordsKept} saved steps before it were kept.`,
                keptAsidePath: recovery.keptAsidePath,
              }
            : null;
        return adopt(jobId, journal, fold, notice);
      } catch (error) {
        if (error instanceof CodedError && LASTING_JOURNAL_ERRORS.has(error.code))
          failed.set(jobId, error);
        throw error;
      } finally {
        opening.delete(jobId);
      }
    })();
    opening.set(jobId, promise);
    return promise;
  }

  function opened(jobId: string, job: OpenJob): OpenedJob {
    const state = job.fold.current();
    const entry = headerFromState(state);
    return { header: headerOf({ ...entry, archived: state.archived }), state, notice: job.notice };
  }

  async function act(jobId: string, drafts: EventDraft[]): Promise<OpenedJob> {
    const job = await openJob(jobId);
    if (isArchived(job) && !drafts.every((d) => d.type === 'JobArchived')) throw jobArchivedError();
    // Synchronously before the append: nothing handed to the journal after it is let in.
    const archiving = drafts.some((d) => d.type === 'JobArchived');
    if (archiving) job.archiving = true;
    try {
      await job.journal.append(drafts);
    } catch (error) {
      // Not written: the job is not archived, and says so again.
      if (archiving) job.archiving = job.fold.current().archived;
      throw error;
    }
    return opened(jobId, job);
  }

  // The index is a convenience: put back any job whose journal exists but is not listed.
  if (existsSync(options.jobsDirectory)) {
    for (const jobId of readdirSync(options.jobsDirectory)) {
      if (index.get(jobId) || !existsSync(journalPathOf(jobId))) continue;
      try {
        const job = await openJob(jobId);
        index.put(headerFromState(job.fold.current()));
      } catch (error) {
        // A job whose creation never finished was never acknowledged: nothing to list.
        if (error instanceof CodedError && error.code === JOB_INCOMPLETE) continue;
        // A corrupted journal stays on disk, untouched; list it so the engineer sees it.
        index.put(await headerFromDamagedJournal(jobId, journalPathOf(jobId)));
      }
    }
  }

  async function pullSnapshot(siteId: string, occupierId: string): Promise<JobSnapshot> {
    if (options.isOnline()) {
      try {
        const snapshot = await options.snapshots.pull(siteId, occupierId);
        await options.snapshotCache.save(siteId, occupierId, snapshot);
        return snapshot;
      } catch (error) {
        const cached = options.snapshotCache.load(siteId, occupierId);
        if (cached) return cached;
        throw error;
      }
    }
    const cached = options.snapshotCache.load(siteId, occupierId);
    if (cached) return cached;
    throw new CodedError(
      'SNAPSHOT_UNAVAILABLE',
      'Dialtone is offline and has no saved snapshot of this occupier. Connect once (or open the site while online) to start this job.',
    );
  }

  async function queueMutation(
    jobId: string,
    { actionId, mutation }: { actionId: string; mutation: PlatformMutation },
  ): Promise<OpenedJob> {
    const job = await openJob(jobId);
    const state = job.fold.current();
    const baseVersion =
      mutation.kind === 'setFloorPortRole' && isVersioned(mutation)
        ? currentFloorPortVersion(state, mutation.floorPortId)
        : null;
    return act(jobId, [
      {
        id: actionId,
        actor: ENGINEER,
        type: 'MutationQueued',
        payload: {
          entry: { entryId: actionId, idempotencyKey: newId(), mutation, baseVersion },
        },
      },
    ]);
  }

  async function isIncomplete(jobId: string): Promise<boolean> {
    try {
      await openJob(jobId);
      return false;
    } catch (error) {
      if (error instanceof CodedError && error.code === JOB_INCOMPLETE) return true;
      throw error;
    }
  }

  async function unfinishedJobOf(siteId: string, occupierId: string): Promise<OpenedJob | null> {
    for (const entry of index.all()) {
      if (entry.siteId !== siteId || entry.occupierId !== occupierId || entry.archived) continue;
      // A journal that cannot be read cannot be continued either: it does not block a new job.
      const job = await openJob(entry.jobId).catch(() => null);
      if (job && isUnfinishedJob(job.fold.current())) return opened(entry.jobId, job);
    }
    return null;
  }

  // Creates for one occupier run one at a time, so two clicks cannot both pass the check.
  const creating = new Map<string, Promise<unknown>>();
  function oneAtATime<T>(key: string, work: () => Promise<T>): Promise<T> {
    const run = (creating.get(key) ?? Promise.resolve()).then(work, work);
    const settled = run.catch(() => undefined);
    creating.set(key, settled);
    void settled.then(() => {
      if (creating.get(key) === settled) creating.delete(key);
    });
    return run;
  }

  async function createJob({
    jobId: requested,
    siteId,
    occupierId,
    engineerName,
  }: {
    jobId?: string;
    siteId: string;
    occupierId: string;
    engineerName?: string;
  }): Promise<OpenedJob> {
    const jobId = requested ?? newId();
    if (!JOB_ID.test(jobId))
      throw new CodedError(
        'JOB_ID_INVALID',
        `${jobId} cannot name a job (letters, digits, - and _).`,
      );
    if (existsSync(journalPathOf(jobId)) && !(await isIncomplete(jobId))) {
      const job = await openJob(jobId);
      const state = job.fold.current();
      if (state.siteId !== siteId || state.occupierId !== occupierId)
        throw new CodedError('JOB_EXISTS', `Job ${jobId} already exists for another occupier.`);
      if (!index.get(jobId)) index.put(headerFromState(state));
      return opened(jobId, job);
    }
    const unfinished = await unfinishedJobOf(siteId, occupierId);
    if (unfinished) {
      const { header } = unfinished;
      throw new CodedError(
        JOB_UNFINISHED,
        `${header.occupierName} already has an unfinished job at ${header.siteName} (started ${header.createdAt.slice(0, 16).replace('T', ' ')} UTC). Continue that job, or archive it before starting another.`,
        { jobId: header.jobId },
      );
    }
    const snapshot = await pullSnapshot(siteId, occupierId);
    if (!snapshot.occupiers.some((o) => o.id === occupierId))
      throw new CodedError(
        'OCCUPIER_NOT_FOUND',
        `There is no occupier ${occupierId} at ${siteId}.`,
      );
    const journal = await createJournal(
      journalPathOf(jobId),
      {
        id: `created-${jobId}`,
        actor: ENGINEER,
        type: 'JobCreated',
        payload: {
          jobId,
          siteId,
          occupierId,
          snapshot,
          ...(engineerName ? { engineerName } : {}),
        },
      },
      {
        now,
        ...(options.maxJournalBytes === undefined ? {} : { maxBytes: options.maxJournalBytes }),
      },
    );
    const job = adopt(jobId, journal, createJobFold(journal.first()!), null);
    index.put(headerFromState(job.fold.current()));
    return opened(jobId, job);
  }

  return {
    create: (request) =>
      oneAtATime(`${request.siteId}\u0000${request.occupierId}`, () => createJob(request)),

    unfinishedJobOf,

    previewSnapshot: pullSnapshot,

    async list() {
      const listings: JobListing[] = [];
      for (const entry of index.all()) {
        try {
          const job = await openJob(entry.jobId);
          const { header, state, notice } = opened(entry.jobId, job);
          listings.push({ header, state, notice });
        } catch (error) {
          const detail = (error as CodedError).detail as { keptAsidePath?: string } | undefined;
          listings.push({
            header: headerOf(entry),
            state: null,
            notice: {
              kind: (error as CodedError).code === JOURNAL_TOO_LARGE ? 'tooLarge' : 'corrupted',
              message: (error as Error).message,
              keptAsidePath: detail?.keptAsidePath ?? '',
            },
          });
        }
      }
      return listings;
    },

    open: async (jobId) => opened(jobId, await openJob(jobId)),

    async archive(jobId, actionId) {
      const result = await act(jobId, [
        { id: actionId, actor: ENGINEER, type: 'JobArchived', payload: {} },
      ]);
      index.put({ ...headerFromState(result.state), archived: true });
      return result;
    },

    markStep: (jobId, { actionId, stepId, done, note }) =>
      act(jobId, [
        {
          id: actionId,
          actor: ENGINEER,
          type: 'ChecklistStepMarked',
          payload: { stepId, done, note },
        },
      ]),

    async setFloorPortRole(jobId, { actionId, floorPortId, roleId }) {
      const state = (await openJob(jobId)).fold.current();
      const port = state.snapshot.floorPorts.find((p) => p.id === floorPortId);
      if (!port)
        throw new CodedError(
          'FLOOR_PORT_NOT_FOUND',
          `There is no floor port ${floorPortId} in this job.`,
        );
      const catalogue = state.snapshot.site.roleCatalogue;
      if (catalogue.length > 0 && !catalogue.some((r) => r.id === roleId))
        throw new CodedError('ROLE_UNKNOWN', `${roleId} is not a role in this site's catalogue.`);
      return queueMutation(jobId, {
        actionId,
        mutation: { kind: 'setFloorPortRole', floorPortId, roleId },
      });
    },

    queueMutation,

    // An open job's journal is appended to at once (sync records thousands in a row).
    record: (jobId, drafts) => {
      const known = open.get(jobId);
      return known
        ? known.journal.append(drafts)
        : openJob(jobId).then((job) => job.journal.append(drafts));
    },

    async recordUnlessArchived(jobId, drafts) {
      const job = await openJob(jobId);
      if (isArchived(job)) return false;
      await job.journal.append(drafts);
      return true;
    },

    state: async (jobId) => (await openJob(jobId)).fold.current(),

    async events(jobId) {
      // Not kept in memory (a journal is folded as it streams): read back from the file,
      // where every durable record is whole.
      await openJob(jobId);
      const events: JobEvent[] = [];
      await streamJournal(journalPathOf(jobId), (record) => events.push(record));
      return events;
    },

    onChanged(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    async close() {
      await Promise.all([...open.values()].map((job) => job.journal.close()));
      open.clear();
    },
  };
}
