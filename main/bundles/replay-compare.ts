import type { JobEvent, JobSnapshot, OutboxEntry } from '../../shared/jobs';
import { describeMutation } from '../../shared/jobs';
import { snapshotChanges } from '../../shared/bundles';

/** The outcome of sending one outbox entry, as the journal records it. */
export function outcomeOf(event: JobEvent): string | null {
  switch (event.type) {
    case 'MutationApplied':
      return `applied${event.payload.resultVersion === null ? '' : ` (version ${event.payload.resultVersion})`}`;
    case 'MutationNeedsAttention':
      return `refused ${event.payload.status} ${event.payload.code}`;
    case 'ConflictRaised':
      return `conflict (platform at version ${event.payload.theirs.version})`;
    default:
      return null;
  }
}

export function entryIdOf(event: JobEvent): string | null {
  switch (event.type) {
    case 'MutationApplied':
    case 'MutationNeedsAttention':
    case 'ConflictRaised':
      return event.payload.entryId;
    default:
      return null;
  }
}

export function stepName(event: JobEvent, entries: ReadonlyMap<string, OutboxEntry>): string {
  const entryId = entryIdOf(event);
  const entry = entryId === null ? undefined : entries.get(entryId);
  if (entry) return `#${event.seq} ${event.type} — ${describeMutation(entry.mutation)}`;
  if (event.type === 'MutationQueued')
    return `#${event.seq} ${event.type} — ${describeMutation(event.payload.entry.mutation)}`;
  if (event.type === 'ChecklistStepMarked')
    return `#${event.seq} ${event.type} — ${event.payload.stepId}`;
  return `#${event.seq} ${event.type}`;
}

/** The first fact that differs between two snapshots, or null when they agree. */
export function snapshotDifference(
  recorded: JobSnapshot,
  now: JobSnapshot,
): { what: string; recorded: string; now: string } | null {
  const first = snapshotChanges(recorded, now)[0];
  return first ? { what: first.what, recorded: first.before, now: first.after } : null;
}
