import { z } from 'zod';
import { ChecklistStepId } from './checklist';
import { OutboxEntry, PlatformValue } from './events';
import { InstallationState } from './installation-state';
import { JobSnapshot } from './snapshot';

/** The shape of a folded job, as the fold returns it and the bridge carries it. */

export const OutboxStatus = z.enum([
  'queued',
  'applied',
  'needsAttention',
  'conflict',
  'discarded',
  'superseded',
]);
export type OutboxStatus = z.infer<typeof OutboxStatus>;

export const OutboxItem = z.object({
  entry: OutboxEntry,
  queuedAt: z.string(),
  status: OutboxStatus,
  resultVersion: z.number().int().nullable(),
  problem: z.object({ status: z.number(), code: z.string(), message: z.string() }).nullable(),
  /** The platform's value when this change was refused as stale (status conflict, or after). */
  theirs: PlatformValue.nullable(),
});
export type OutboxItem = z.infer<typeof OutboxItem>;

export const ChecklistStepState = z.object({
  id: ChecklistStepId,
  title: z.string(),
  done: z.boolean(),
  note: z.string(),
  markedAt: z.string().nullable(),
});
export type ChecklistStepState = z.infer<typeof ChecklistStepState>;

/** A floor port as the engineer sees it: the platform's value with their queued change on top. */
export const LocalFloorPort = z.object({
  id: z.string(),
  label: z.string(),
  platformRoleId: z.string().nullable(),
  roleId: z.string().nullable(),
  pending: z.boolean(),
  conflict: z.boolean(),
});
export type LocalFloorPort = z.infer<typeof LocalFloorPort>;

export const JobState = z.object({
  jobId: z.string(),
  siteId: z.string(),
  occupierId: z.string(),
  createdAt: z.string(),
  /** The name the engineer gave when starting the job; null when none was given. */
  engineerName: z.string().nullable(),
  archived: z.boolean(),
  snapshot: JobSnapshot,
  checklist: z.array(ChecklistStepState),
  outbox: z.array(OutboxItem),
  floorPorts: z.array(LocalFloorPort),
  lastSyncAt: z.string().nullable(),
  eventCount: z.number().int().nonnegative(),
  /** Per resource: versions our own applied changes moved it from → to (for If-Match). */
  versionChain: z.record(z.string(), z.record(z.string(), z.number().int())),
  /** The guided job: fixes, handsets, registrations, ring tests, exceptions, sign-off. */
  installation: InstallationState,
});
export type JobState = z.infer<typeof JobState>;
