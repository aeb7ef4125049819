import { z } from 'zod';
import {
  ChecklistStepId,
  describeChangeIn,
  ENGINEER_ACTOR,
  namesIn,
  stepTitle,
  whoDid,
  type JobEvent,
  type JobSnapshot,
  type OutboxEntry,
} from '../jobs';
import type { SiteSnapshot } from '../platform/snapshot';
import type { SwitchMember, TranscriptMember } from './members';
import { snapshotChanges } from './snapshot-facts';

/** One step of a bundle's job as support reads it: what happened, and what it changed where. */
export const TimelineEntry = z.object({
  at: z.string(),
  /** `#7` for a journal record, the operation id for a switch operation. */
  ref: z.string(),
  source: z.enum(['journal', 'switch']),
  actor: z.string(),
  title: z.string(),
  /** What changed on the platform, as the job saw it (snapshot facts before → after). */
  platformChanges: z.array(z.object({ what: z.string(), before: z.string(), after: z.string() })),
  /** What changed on the switch: the interface's configuration before and as read back after. */
  switchChange: z
    .object({
      hostname: z.string(),
      interfaceName: z.string(),
      before: z.array(z.string()),
      after: z.array(z.string()),
      commands: z.array(z.string()),
      verified: z.boolean(),
    })
    .nullable(),
  /** The console transcript of this step, by transcript name, when there is one. */
  transcript: z.string().nullable(),
});
export type TimelineEntry = z.infer<typeof TimelineEntry>;

/**
 * One journal event in support's words: floor ports by label, roles and occupiers by name, as
 * the snapshot the job had at that point knew them (ids only where it did not).
 */
function outcomeTitle(
  event: JobEvent,
  entries: ReadonlyMap<string, OutboxEntry>,
  snapshot: JobSnapshot | null,
): string {
  const describe = (entry: OutboxEntry) =>
    snapshot ? describeChangeIn(snapshot, entry.mutation) : entry.mutation.kind;
  const what = (entryId: string) => {
    const entry = entries.get(entryId);
    return entry ? describe(entry) : `change ${entryId}`;
  };
  const role = (roleId: string) => (snapshot ? namesIn(snapshot).role(roleId) : roleId);
  const step = (stepId: string) => {
    const known = ChecklistStepId.safeParse(stepId);
    return known.success ? stepTitle(known.data) : stepId;
  };
  switch (event.type) {
    case 'JobCreated':
      return `Job started from the platform's snapshot (version ${event.payload.snapshot.version})`;
    case 'ChecklistStepMarked':
      return `Step ${step(event.payload.stepId)} marked ${event.payload.done ? 'done' : 'not done'}${event.payload.note ? `: ${event.payload.note}` : ''}`;
    case 'MutationQueued':
      return `Queued: ${describe(event.payload.entry)}`;
    case 'MutationApplied':
      return `Platform applied: ${what(event.payload.entryId)}`;
    case 'MutationNeedsAttention':
      return `Platform refused (${event.payload.status} ${event.payload.code}): ${what(event.payload.entryId)} — ${event.payload.message}`;
    case 'MutationRetryRequested':
      return `Retry asked: ${what(event.payload.entryId)}`;
    case 'MutationDiscarded':
      return `Discarded: ${what(event.payload.entryId)} (${event.payload.reason})`;
    case 'ConflictRaised':
      return `Conflict: ${what(event.payload.entryId)} — the platform had changed it (version ${event.payload.theirs.version})`;
    case 'ConflictResolved':
      return `Conflict resolved (${event.payload.choice === 'applyMine' ? 'kept the engineer’s change' : 'took the platform’s'}): ${what(event.payload.entryId)}`;
    case 'SnapshotRefreshed':
      return `Snapshot refreshed from the platform (version ${event.payload.snapshot.version})`;
    case 'JobArchived':
      return 'Job archived';
    case 'SwitchConnected':
      return `Connected to ${event.payload.identity.hostname} (${event.payload.identity.model}) over ${event.payload.label}${event.payload.check.matches ? '' : ` — not the switch the site expects: ${event.payload.check.differences.join('; ')}`}`;
    case 'PortRoleApplied':
      return `${event.payload.interfaceName}: role ${role(event.payload.roleId)} ${event.payload.rejected ? `refused at “${event.payload.rejected.command}”` : event.payload.verified ? (event.payload.changed ? 'applied and verified' : 'already right') : 'applied, not verified'}`;
    case 'SwitchHostKeyTrusted':
      return `New SSH host key of ${event.payload.switchId} trusted: ${event.payload.newFingerprint} pinned in place of ${event.payload.oldFingerprint}`;
    case 'SwitchTranscriptSaved':
      return `Console transcript of ${event.payload.hostname} saved (${event.payload.reason})`;
    default:
      return event.type.replace(/([a-z])([A-Z])/g, '$1 $2');
  }
}

/**
 * Every journal record and every switch operation of a bundle, in time order, each with
 * what it changed on the platform (snapshot refreshes, against the snapshot before) and on
 * the switch (the interface before and after), and its console transcript.
 */
export function bundleTimeline(
  journal: readonly JobEvent[],
  switches: readonly SwitchMember[],
  transcripts: readonly TranscriptMember[],
): TimelineEntry[] {
  const entries = new Map<string, OutboxEntry>();
  const out: TimelineEntry[] = [];
  let snapshot: SiteSnapshot | null = null;
  let engineerName: string | null = null;
  for (const event of journal) {
    if (event.type === 'JobCreated') engineerName = event.payload.engineerName ?? null;
    if (event.type === 'MutationQueued')
      entries.set(event.payload.entry.entryId, event.payload.entry);
    if (event.type === 'ConflictResolved' && event.payload.replacement)
      entries.set(event.payload.replacement.entryId, event.payload.replacement);
    let platformChanges: TimelineEntry['platformChanges'] = [];
    if (event.type === 'JobCreated' || event.type === 'SnapshotRefreshed') {
      if (snapshot) platformChanges = snapshotChanges(snapshot, event.payload.snapshot);
      snapshot = event.payload.snapshot;
    }
    out.push({
      at: event.time,
      ref: `#${event.seq}`,
      source: 'journal',
      actor: whoDid(engineerName, event.actor),
      title: outcomeTitle(event, entries, snapshot),
      platformChanges,
      switchChange: null,
      transcript: null,
    });
  }
  const names = new Set(transcripts.map((t) => t.name));
  const byRef = new Map(out.map((entry) => [entry.ref, entry]));
  for (const record of switches) {
    const current = new Map(record.interfaces.map((i) => [i.interfaceName, i.lines]));
    for (const operation of record.operations) {
      const before = current.get(operation.interfaceName) ?? [];
      current.set(operation.interfaceName, operation.result.actualConfig);
      const switchChange = {
        hostname: record.identity.hostname,
        interfaceName: operation.interfaceName,
        before,
        after: operation.result.actualConfig,
        commands: operation.result.commands,
        verified: operation.result.verified,
      };
      const transcript =
        operation.transcript !== null && names.has(operation.transcript)
          ? operation.transcript
          : null;
      // An operation the journal recorded (ref `#seq`) adds its change to that step.
      const journaled = byRef.get(operation.id);
      if (journaled) {
        journaled.switchChange = switchChange;
        journaled.transcript = transcript;
        continue;
      }
      out.push({
        at: operation.at,
        ref: operation.id,
        source: 'switch',
        actor: whoDid(engineerName, ENGINEER_ACTOR),
        title: `${record.identity.hostname} ${operation.interfaceName}: role ${operation.role.name} ${operation.result.rejected ? `refused at “${operation.result.rejected.command}”` : operation.result.verified ? 'applied and verified' : 'applied, not verified'}`,
        platformChanges: [],
        switchChange,
        transcript,
      });
    }
  }
  return out.sort((a, b) => (a.at === b.at ? 0 : a.at < b.at ? -1 : 1));
}
