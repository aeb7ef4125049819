import { CHECKLIST_STEPS } from './checklist';
import type { JobEvent, OutboxEntry } from './events';
import { resourceKeyOf } from './mutations';
import { emptyInstallation, foldInstallation } from './installation-state';
import type { JobSnapshot } from './snapshot';
import type { JobState, LocalFloorPort, OutboxItem } from './state';

/**
 * The job's state from its journal: a pure fold, the same on every machine and after
 * every restart. Events that repeat one already folded (same entry) change nothing.
 */
export function foldJob(events: readonly JobEvent[]): JobState {
  const first = events[0];
  if (!first || first.type !== 'JobCreated')
    throw new Error('A job journal must start with JobCreated.');
  const fold = createJobFold(first);
  for (let i = 1; i < events.length; i++) fold.apply(events[i]!);
  return fold.current();
}

/** An incremental fold: `apply` each new event, read `current()`; equal to `foldJob` of all. */
export interface JobFold {
  apply(event: JobEvent): void;
  current(): JobState;
}

export function createJobFold(created: JobEvent): JobFold {
  if (created.type !== 'JobCreated') throw new Error('A job journal must start with JobCreated.');
  // Mutable inside, for a linear fold of long journals; items are replaced, never mutated,
  // so a state handed out earlier never changes under its holder.
  const s: JobState = {
    jobId: created.payload.jobId,
    siteId: created.payload.siteId,
    occupierId: created.payload.occupierId,
    createdAt: created.time,
    engineerName: created.payload.engineerName ?? null,
    archived: false,
    snapshot: created.payload.snapshot,
    checklist: CHECKLIST_STEPS.map((step) => ({
      id: step.id,
      title: step.title,
      done: false,
      note: '',
      markedAt: null,
    })),
    outbox: [],
    floorPorts: [],
    lastSyncAt: null,
    eventCount: 1,
    versionChain: {},
    installation: emptyInstallation(),
  };
  const indexOf = new Map<string, number>();
  // Kept as maps while folding (a long sync adds thousands); a record only in `current()`.
  const chains = new Map<string, Map<number, number>>();
  let cached: JobState | null = null;
  // Entries applied since the snapshot was last taken: their effect is not in it yet.
  let appliedSince: string[] = [];

  const update = (entryId: string, change: (item: OutboxItem) => OutboxItem | null) => {
    const at = indexOf.get(entryId);
    if (at === undefined) return;
    const next = change(s.outbox[at]!);
    if (next) s.outbox[at] = next;
  };
  const append = (entry: OutboxEntry, time: string) => {
    if (indexOf.has(entry.entryId)) return;
    indexOf.set(entry.entryId, s.outbox.length);
    s.outbox.push(newItem(entry, time));
  };

  function apply(event: JobEvent): void {
    cached = null;
    s.eventCount += 1;
    s.installation = foldInstallation(s.installation, event, s.engineerName);
    switch (event.type) {
      case 'JobCreated':
        return; // only the first one counts
      case 'ChecklistStepMarked':
        s.checklist = s.checklist.map((step) =>
          step.id === event.payload.stepId
            ? { ...step, done: event.payload.done, note: event.payload.note, markedAt: event.time }
            : step,
        );
        return;
      case 'MutationQueued':
        return append(event.payload.entry, event.time);
      case 'MutationApplied': {
        const { entryId, sentIfMatch, resultVersion } = event.payload;
        // The platform has it: the job was last in step with the platform now.
        s.lastSyncAt = event.time;
        return update(entryId, (item) => {
          if (item.status === 'applied') return null;
          // A change that changed nothing (same value) leaves the version where it was.
          if (sentIfMatch !== null && resultVersion !== null && resultVersion > sentIfMatch) {
            const key = resourceKeyOf(item.entry.mutation);
            const chain = chains.get(key) ?? new Map<number, number>();
            chain.set(sentIfMatch, resultVersion);
            chains.set(key, chain);
          }
          appliedSince.push(entryId);
          return { ...item, status: 'applied', resultVersion, problem: null };
        });
      }
      case 'MutationNeedsAttention': {
        const { entryId, status, code, message } = event.payload;
        return update(entryId, (item) =>
          item.status === 'queued'
            ? { ...item, status: 'needsAttention', problem: { status, code, message } }
            : null,
        );
      }
      case 'MutationRetryRequested':
        return update(event.payload.entryId, (item) =>
          item.status === 'needsAttention' ? { ...item, status: 'queued' } : null,
        );
      case 'MutationDiscarded':
        return update(event.payload.entryId, (item) =>
          isDiscardable(item) ? { ...item, status: 'discarded' } : null,
        );
      case 'ConflictRaised':
        return update(event.payload.entryId, (item) =>
          item.status === 'queued'
            ? { ...item, status: 'conflict', theirs: event.payload.theirs }
            : null,
        );
      case 'ConflictResolved': {
        const { entryId, choice, replacement } = event.payload;
        const at = indexOf.get(entryId);
        if (at === undefined || s.outbox[at]!.status !== 'conflict') return;
        update(entryId, (item) => ({
          ...item,
          status: choice === 'applyMine' ? 'superseded' : 'discarded',
        }));
        if (choice === 'applyMine' && replacement && !indexOf.has(replacement.entryId)) {
          // The replacement takes the conflicted entry's place in its resource's order.
          s.outbox.splice(at + 1, 0, newItem(replacement, event.time));
          for (let i = at + 1; i < s.outbox.length; i++) indexOf.set(s.outbox[i]!.entry.entryId, i);
        }
        return;
      }
      case 'SnapshotRefreshed':
        s.snapshot = event.payload.snapshot;
        s.lastSyncAt = event.time;
        appliedSince = [];
        return;
      case 'JobArchived':
        s.archived = true;
        return;
      default:
        return; // the guided job's events: folded by foldInstallation above
    }
  }

  return {
    apply,
    current() {
      cached ??= {
        ...s,
        versionChain: Object.fromEntries(
          [...chains].map(([key, chain]) => [
            key,
            Object.fromEntries([...chain].map(([from, to]) => [String(from), to])),
          ]),
        ),
        outbox: [...s.outbox],
        installation: { ...s.installation, appliedSinceSnapshot: [...appliedSince] },
        floorPorts: localFloorPorts(s.snapshot, s.outbox),
      };
      return cached;
    },
  };
}

function newItem(entry: OutboxEntry, queuedAt: string): OutboxItem {
  return { entry, queuedAt, status: 'queued', resultVersion: null, problem: null, theirs: null };
}

/**
 * Whether the engineer may drop a change: one still waiting, refused, or in conflict (so a
 * conflict can always be got out of the way, not only resolved).
 */
export function isDiscardable(item: OutboxItem): boolean {
  return isOutstanding(item);
}

/** Statuses of entries that still stand for a change the platform has not got. */
export function isOutstanding(item: OutboxItem): boolean {
  return item.status === 'queued' || item.status === 'conflict' || item.status === 'needsAttention';
}

function localFloorPorts(snapshot: JobSnapshot, outbox: readonly OutboxItem[]): LocalFloorPort[] {
  const latest = new Map<string, { roleId: string | null; conflict: boolean }>();
  for (const item of outbox) {
    const m = item.entry.mutation;
    if (m.kind !== 'setFloorPortRole' || !isOutstanding(item)) continue;
    const conflict = (latest.get(m.floorPortId)?.conflict ?? false) || item.status === 'conflict';
    latest.set(m.floorPortId, { roleId: m.roleId, conflict });
  }
  return snapshot.floorPorts.map((port) => {
    const local = latest.get(port.id);
    return {
      id: port.id,
      label: port.label,
      platformRoleId: port.roleId,
      roleId: local ? local.roleId : port.roleId,
      pending: local !== undefined,
      conflict: local?.conflict ?? false,
    };
  });
}

/**
 * The If-Match to send for an entry: its base version, moved forward through the versions
 * our own earlier changes to the same resource produced (never through anyone else's).
 */
export function ifMatchFor(state: JobState, entry: OutboxEntry): number | null {
  if (entry.baseVersion === null) return null;
  const chain = state.versionChain[resourceKeyOf(entry.mutation)] ?? {};
  let version = entry.baseVersion;
  // Versions only grow along the chain, so this ends.
  for (;;) {
    const next = chain[String(version)];
    if (next === undefined || next <= version) return version;
    version = next;
  }
}

/** The version a new change to a floor port is based on: what the engineer sees now. */
export function currentFloorPortVersion(state: JobState, floorPortId: string): number | null {
  const port = state.snapshot.floorPorts.find((p) => p.id === floorPortId);
  if (!port) return null;
  return ifMatchFor(state, {
    entryId: 'probe',
    idempotencyKey: 'probe-probe-probe-probe',
    mutation: { kind: 'setFloorPortRole', floorPortId, roleId: 'probe' },
    baseVersion: port.version,
  });
}
