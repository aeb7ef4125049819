import { z } from 'zod';
import { ChecklistStepId } from './checklist';
import { PlatformMutation } from './mutations';
import { JobSnapshot } from './snapshot';
import { switchEventBodies } from './switch-events';
import { installationEventBodies } from './installation-events';

/**
 * The journal's event types. A job's whole state is a fold of these (see fold.ts);
 * nothing else is kept that could disagree with them.
 */

const Id = z.string().min(1).max(200);

/** An engineer's name as typed: trimmed, 1–100 characters. */
export const EngineerName = z
  .string()
  .trim()
  .min(1, 'Enter your name')
  .max(100, 'A name of at most 100 characters');

/** A platform mutation waiting in (or gone through) the outbox. */
export const OutboxEntry = z.object({
  entryId: Id,
  /** Fixed when the entry is made and sent with every retry, so the platform applies it once. */
  idempotencyKey: z.string().min(16).max(200),
  mutation: PlatformMutation,
  /** The resource version the engineer's change was based on (If-Match), null when unversioned. */
  baseVersion: z.number().int().nonnegative().nullable(),
});
export type OutboxEntry = z.infer<typeof OutboxEntry>;

/** The platform's value of a resource when it refused a change as stale. */
export const PlatformValue = z.object({
  value: z.unknown(),
  version: z.number().int().nonnegative(),
});
export type PlatformValue = z.infer<typeof PlatformValue>;

export const ConflictChoice = z.enum(['applyMine', 'takeTheirs']);
export type ConflictChoice = z.infer<typeof ConflictChoice>;

export const JobEventBody = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('JobCreated'),
    payload: z.object({
      jobId: Id,
      siteId: Id,
      occupierId: Id,
      snapshot: JobSnapshot,
      /** Who does the job, as they typed it; absent in journals written before it was asked. */
      engineerName: EngineerName.optional(),
    }),
  }),
  z.object({
    type: z.literal('ChecklistStepMarked'),
    payload: z.object({ stepId: ChecklistStepId, done: z.boolean(), note: z.string().max(2000) }),
  }),
  z.object({ type: z.literal('MutationQueued'), payload: z.object({ entry: OutboxEntry }) }),
  z.object({
    type: z.literal('MutationApplied'),
    payload: z.object({
      entryId: Id,
      sentIfMatch: z.number().int().nonnegative().nullable(),
      resultVersion: z.number().int().nonnegative().nullable(),
    }),
  }),
  z.object({
    type: z.literal('MutationNeedsAttention'),
    payload: z.object({
      entryId: Id,
      status: z.number().int(),
      code: z.string(),
      message: z.string(),
    }),
  }),
  /** The engineer fixed the cause and asks sync to try a needs-attention entry again. */
  z.object({ type: z.literal('MutationRetryRequested'), payload: z.object({ entryId: Id }) }),
  z.object({
    type: z.literal('MutationDiscarded'),
    payload: z.object({ entryId: Id, reason: z.string() }),
  }),
  z.object({
    type: z.literal('ConflictRaised'),
    payload: z.object({ entryId: Id, theirs: PlatformValue }),
  }),
  z.object({
    type: z.literal('ConflictResolved'),
    payload: z.object({
      entryId: Id,
      choice: ConflictChoice,
      /** For applyMine: the same change again, based on the platform's current version. */
      replacement: OutboxEntry.nullable(),
    }),
  }),
  z.object({ type: z.literal('SnapshotRefreshed'), payload: z.object({ snapshot: JobSnapshot }) }),
  z.object({ type: z.literal('JobArchived'), payload: z.object({}) }),
  ...switchEventBodies,
  ...installationEventBodies,
]);
export type JobEventBody = z.infer<typeof JobEventBody>;
export type JobEventType = JobEventBody['type'];
export type PayloadOf<T extends JobEventType> = Extract<JobEventBody, { type: T }>['payload'];

/** Who caused an event: the engineer at the keyboard, or sync acting for them. */
export const Actor = z.string().min(1).max(200);

/** Where and when an event happened, and who caused it. */
export const EventEnvelope = z.object({
  seq: z.number().int().positive(),
  id: Id,
  time: z.string(),
  actor: Actor,
});
export type EventEnvelope = z.infer<typeof EventEnvelope>;

/** A journal event as the fold sees it (the stored checksum already verified). */
export type JobEvent = EventEnvelope & JobEventBody;

/** One journal record as stored: envelope, body, and the checksum of both. */
export const JournalRecord = z.intersection(
  EventEnvelope.extend({ checksum: z.string().regex(/^[0-9a-f]{64}$/) }),
  JobEventBody,
);
export type JournalRecord = JobEvent & { checksum: string };
