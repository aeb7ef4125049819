import type { JobEvent, JobSnapshot, OutboxEntry } from '../../shared/jobs';
import { describeMutation } from '../../shared/jobs';

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

/**
 * What of a snapshot a replay must reproduce: each floor port's role and version, each
 * number's holder, state and handset, each voice service, each handset's logged-in number.
 * Left out: when it was taken, the site's revision and handset registration, which follow
 * the clock and the order background work happened in.
 */
function facts(snapshot: JobSnapshot): Map<string, string> {
  const out = new Map<string, string>();
  for (const port of snapshot.floorPorts)
    out.set(`floor port ${port.label} role`, `${port.roleId ?? 'none'} v${port.version}`);
  for (const number of snapshot.numbers)
    out.set(
      `number ${number.e164}`,
      `${number.state} ${number.occupierId ?? 'unheld'}${number.isMain ? ' main' : ''}${number.handsetId ? ` on ${number.handsetId}` : ''}`,
    );
  for (const service of snapshot.voiceServices)
    out.set(`voice service ${service.id}`, `${service.occupierId} × ${service.quantity}`);
  for (const handset of snapshot.handsets)
    out.set(`handset ${handset.id} logged in`, handset.loggedInNumber ?? 'nobody');
  out.set('pool', `${snapshot.poolAvailable} available`);
  return out;
}

/** The first fact that differs between two snapshots, or null when they agree. */
export function snapshotDifference(
  recorded: JobSnapshot,
  now: JobSnapshot,
): { what: string; recorded: string; now: string } | null {
  const a = facts(recorded);
  const b = facts(now);
  for (const [what, value] of a) {
    const other = b.get(what);
    if (other !== value) return { what, recorded: value, now: other ?? 'absent' };
  }
  for (const [what, value] of b) if (!a.has(what)) return { what, recorded: 'absent', now: value };
  return null;
}
