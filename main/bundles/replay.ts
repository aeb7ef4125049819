import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ReplayDivergence, ReplayResult, SwitchMember } from '../../shared/bundles';
import type { JobEvent, OutboxEntry } from '../../shared/jobs';
import type { PortRole } from '../../shared/platform/schemas';
import {
  createConfStore,
  createJobService,
  createPreferencesStore,
  createSnapshotCache,
  scanJournal,
  type JobService,
} from '../jobs';
import type { PlatformClient } from '../platform/client';
import type { SwitchDriver } from '../switch/drivers';
import { applyPortRole } from '../switch/operations';
import {
  APP_SYNC_SETTINGS,
  createConnectivity,
  createPlatformGateway,
  createSyncService,
  seededRandom,
  systemClock,
  SYNC_ACTOR,
  type SyncService,
} from '../sync';
import type { OpenedBundle } from './open-bundle';
import { entryIdOf, outcomeOf, snapshotDifference, stepName } from './replay-compare';
import { replaySeedOf, type ReplaySeed } from './replay-seed';

/**
 * The simulated equipment a replay runs against. Injected by the composition root (or the
 * CLI) because main/bundles may not build simulators itself.
 */
export interface ReplayEquipment {
  /** A platform simulator seeded with the bundle's site, and a client to it. */
  startPlatform(seed: ReplaySeed): Promise<{ client: PlatformClient; close(): Promise<void> }>;
  /** A simulated switch built from the recorded identity, VLANs and interface configuration, logged in. */
  openSwitch(
    record: SwitchMember,
    catalogue: readonly PortRole[],
  ): Promise<{ driver: SwitchDriver; close(): Promise<void> }>;
}

interface Found {
  divergence: ReplayDivergence;
}

class Diverged extends Error {
  constructor(readonly found: Found) {
    super(found.divergence.step);
  }
}

function diverge(step: string, ref: string, at: string, recorded: string, now: string): never {
  throw new Diverged({ divergence: { step, ref, at, recorded, now } });
}

interface PlatformReplay {
  compared: number;
  notes: string[];
}

/** Re-runs the journal's operations through the real job and sync services. */
async function replayJournal(
  bundle: OpenedBundle,
  equipment: ReplayEquipment,
): Promise<PlatformReplay> {
  const journal = bundle.journal;
  const first = journal[0]!;
  if (first.type !== 'JobCreated') throw new Error('the journal does not start with JobCreated');
  const notes: string[] = [];
  const seed = replaySeedOf(journal);
  if (seed.syntheticPoolNumbers > 0)
    notes.push(
      `${seed.syntheticPoolNumbers} free pool numbers were made up (a snapshot counts free numbers but does not list them).`,
    );
  const platform = await equipment.startPlatform(seed);
  const directory = mkdtempSync(join(tmpdir(), 'dialtone-replay-'));
  let jobs: JobService | null = null;
  let sync: SyncService | null = null;
  try {
    const store = createConfStore(directory);
    const gateway = createPlatformGateway(platform.client);
    const connectivity = createConnectivity({
      health: () => platform.client.health(),
      preferences: createPreferencesStore(store),
    });
    await connectivity.check();
    jobs = await createJobService({
      jobsDirectory: join(directory, 'jobs'),
      store,
      // The job starts from the snapshot it started from on site.
      snapshots: { pull: async () => first.payload.snapshot },
      snapshotCache: createSnapshotCache(join(directory, 'snapshots')),
      isOnline: () => true,
    });
    sync = createSyncService({
      jobs,
      gateway,
      connectivity,
      clock: systemClock,
      random: seededRandom(1),
      ...APP_SYNC_SETTINGS,
      autoSync: false,
    });
    const { jobId, siteId, occupierId } = first.payload;
    await jobs.create({ jobId, siteId, occupierId });

    const entries = new Map<string, OutboxEntry>();
    let compared = 0;
    let seen = 1; // replayed journal records already looked at
    const fresh = (): JobEvent[] => {
      const all = readJournal(directory, jobId);
      const added = all.slice(seen);
      seen = all.length;
      return added;
    };

    for (let i = 1; i < journal.length; i++) {
      const event = journal[i]!;
      if (event.actor !== SYNC_ACTOR) {
        await replayEngineerEvent(jobs, sync, jobId, event, entries);
        const produced = fresh();
        if (event.type === 'MutationQueued') {
          const made = produced.find((e) => e.type === 'MutationQueued');
          const recordedBase = event.payload.entry.baseVersion;
          const nowBase =
            made?.type === 'MutationQueued' ? made.payload.entry.baseVersion : undefined;
          if (nowBase !== recordedBase)
            diverge(
              stepName(event, entries),
              `#${event.seq}`,
              event.time,
              `based on version ${recordedBase}`,
              `based on version ${nowBase ?? 'none'}`,
            );
        }
        compared++;
        continue;
      }
      // A run of sync's records: one sync run on site. Run sync once and compare the lot.
      const group: JobEvent[] = [];
      while (i < journal.length && journal[i]!.actor === SYNC_ACTOR) group.push(journal[i++]!);
      i--;
      await sync.syncJob(jobId);
      const produced = fresh();
      compared += compareSyncRun(group, produced, entries, notes);
    }
    return { compared, notes };
  } finally {
    await sync?.close();
    await jobs?.close();
    await platform.close();
    rmSync(directory, { recursive: true, force: true });
  }
}

/** What the replay did: its job's journal as on disk (every append is durable before it returns). */
function readJournal(directory: string, jobId: string): JobEvent[] {
  return scanJournal(readFileSync(join(directory, 'jobs', jobId, 'journal.jsonl'))).records;
}

async function replayEngineerEvent(
  jobs: JobService,
  sync: SyncService,
  jobId: string,
  event: JobEvent,
  entries: Map<string, OutboxEntry>,
): Promise<void> {
  switch (event.type) {
    case 'MutationQueued':
      entries.set(event.payload.entry.entryId, event.payload.entry);
      await jobs.queueMutation(jobId, {
        actionId: event.payload.entry.entryId,
        mutation: event.payload.entry.mutation,
      });
      return;
    case 'ChecklistStepMarked':
      await jobs.markStep(jobId, { actionId: event.id, ...event.payload });
      return;
    case 'ConflictResolved':
      if (event.payload.replacement)
        entries.set(event.payload.replacement.entryId, event.payload.replacement);
      await sync.resolveConflict(jobId, {
        actionId: event.id,
        entryId: event.payload.entryId,
        choice: event.payload.choice,
      });
      return;
    case 'MutationRetryRequested':
      await sync.retryEntry(jobId, { actionId: event.id, entryId: event.payload.entryId });
      return;
    case 'MutationDiscarded':
      await sync.discardEntry(jobId, { actionId: event.id, entryId: event.payload.entryId });
      return;
    case 'JobArchived':
      await jobs.archive(jobId, event.id);
      return;
    default:
      // Other records (a snapshot refreshed by hand) change nothing on the platform.
      await jobs.record(jobId, [
        { id: event.id, actor: event.actor, type: event.type, payload: event.payload } as never,
      ]);
  }
}

/** Compares one recorded sync run with the replay's; throws at the first difference. */
function compareSyncRun(
  recorded: JobEvent[],
  produced: JobEvent[],
  entries: ReadonlyMap<string, OutboxEntry>,
  notes: string[],
): number {
  let compared = 0;
  const producedOutcome = new Map<string, JobEvent>();
  for (const event of produced) {
    const entryId = entryIdOf(event);
    if (entryId !== null) producedOutcome.set(entryId, event);
  }
  const recordedIds = new Set<string>();
  for (const event of recorded) {
    const entryId = entryIdOf(event);
    if (entryId === null) continue;
    recordedIds.add(entryId);
    const now = producedOutcome.get(entryId);
    const was = outcomeOf(event)!;
    const is = now ? outcomeOf(now)! : 'not sent (still queued)';
    if (was !== is) diverge(stepName(event, entries), `#${event.seq}`, event.time, was, is);
    compared++;
  }
  for (const [entryId, event] of producedOutcome)
    if (!recordedIds.has(entryId)) {
      const entry = entries.get(entryId);
      const at = recorded[0]!;
      diverge(
        `#${at.seq} sync run — ${entry ? describeEntry(entry) : entryId}`,
        `#${at.seq}`,
        at.time,
        'not sent in this run',
        outcomeOf(event)!,
      );
    }
  const recordedSnapshot = recorded.find((e) => e.type === 'SnapshotRefreshed');
  const producedSnapshot = produced.find((e) => e.type === 'SnapshotRefreshed');
  if (recordedSnapshot?.type === 'SnapshotRefreshed') {
    if (producedSnapshot?.type !== 'SnapshotRefreshed')
      diverge(
        stepName(recordedSnapshot, entries),
        `#${recordedSnapshot.seq}`,
        recordedSnapshot.time,
        'snapshot refreshed',
        'no snapshot',
      );
    const difference = snapshotDifference(
      recordedSnapshot.payload.snapshot,
      producedSnapshot.payload.snapshot,
    );
    if (difference)
      diverge(
        `${stepName(recordedSnapshot, entries)} — ${difference.what}`,
        `#${recordedSnapshot.seq}`,
        recordedSnapshot.time,
        difference.recorded,
        difference.now,
      );
    compared++;
  } else if (producedSnapshot) {
    notes.push(
      `The sync run at #${recorded[0]!.seq} refreshed no snapshot on site (the platform did not answer); the replay's refresh was not compared.`,
    );
  }
  return compared;
}

function describeEntry(entry: OutboxEntry): string {
  return entry.mutation.kind;
}

/** Re-applies each recorded switch operation on a simulator built from the recorded switch. */
async function replaySwitch(
  record: SwitchMember,
  catalogue: readonly PortRole[],
  equipment: ReplayEquipment,
): Promise<number> {
  if (record.operations.length === 0) return 0;
  const sw = await equipment.openSwitch(record, catalogue);
  let compared = 0;
  try {
    for (const operation of record.operations) {
      const step = `switch ${record.identity.hostname} ${operation.interfaceName} — apply role ${operation.role.name} (${operation.id})`;
      const result = await applyPortRole(sw.driver, {
        interfaceName: operation.interfaceName,
        role: operation.role,
      });
      const recorded = operation.result;
      const same = (a: readonly string[], b: readonly string[]) =>
        a.length === b.length && a.every((line, k) => line === b[k]);
      if (!same(recorded.commands, result.commands))
        diverge(
          step,
          operation.id,
          operation.at,
          `sent ${recorded.commands.join('; ') || 'nothing'}`,
          `sent ${result.commands.join('; ') || 'nothing'}`,
        );
      if ((recorded.rejected?.command ?? null) !== (result.rejected?.command ?? null))
        diverge(
          step,
          operation.id,
          operation.at,
          `refused: ${recorded.rejected?.command ?? 'nothing'}`,
          `refused: ${result.rejected?.command ?? 'nothing'}`,
        );
      if (!same(recorded.actualConfig, result.actualConfig))
        diverge(
          step,
          operation.id,
          operation.at,
          `read back ${recorded.actualConfig.join('; ')}`,
          `read back ${result.actualConfig.join('; ')}`,
        );
      if (recorded.verified !== result.verified)
        diverge(
          step,
          operation.id,
          operation.at,
          recorded.verified ? 'verified' : 'not verified',
          result.verified ? 'verified' : 'not verified',
        );
      compared++;
    }
  } finally {
    await sw.close();
  }
  return compared;
}

/**
 * Replays a bundle: the journal's operations through the real job and sync services against
 * a platform simulator seeded from the bundle's snapshot, and each recorded switch
 * operation through the real switch operation against a simulator of the recorded switch.
 * The result is "reproduced", or the first divergence by recorded time.
 */
export async function replayBundle(
  bundle: OpenedBundle,
  equipment: ReplayEquipment,
  now: () => number = () => performance.now(),
): Promise<ReplayResult> {
  const started = now();
  const divergences: ReplayDivergence[] = [];
  const notes: string[] = [];
  let compared = 0;
  const attempt = async (run: () => Promise<number>) => {
    try {
      compared += await run();
    } catch (error) {
      if (error instanceof Diverged) divergences.push(error.found.divergence);
      else throw error;
    }
  };
  await attempt(async () => {
    const result = await replayJournal(bundle, equipment);
    notes.push(...result.notes);
    return result.compared;
  });
  const first = bundle.journal[0];
  const catalogue = first?.type === 'JobCreated' ? first.payload.snapshot.site.roleCatalogue : [];
  for (const { record } of bundle.switches)
    await attempt(() => replaySwitch(record, catalogue, equipment));
  divergences.sort((a, b) => a.at.localeCompare(b.at));
  const divergence = divergences[0] ?? null;
  return {
    outcome: divergence ? 'diverged' : 'reproduced',
    stepsCompared: compared,
    divergence,
    durationMs: Math.round(now() - started),
    notes,
  };
}
