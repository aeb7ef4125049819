import { z } from 'zod';
import { Id } from './schemas';

/**
 * The platform's side of a job: test calls (the ring test) and the installation record
 * (DOMAIN.md "Sign-off and the installation record").
 */

const E164 = z.string().regex(/^\+[1-9]\d{6,14}$/, 'an E.164 number such as +442079460123');
const Timestamp = z.iso.datetime({ offset: true });

export const PlaceTestCallRequest = z.object({
  /** The caller's own reference for this attempt (Dialtone: the ring-test attempt id). */
  reference: z.string().min(1).max(200),
});
export type PlaceTestCallRequest = z.infer<typeof PlaceTestCallRequest>;

/** What the platform saw when it called a number. */
export const TestCallOutcome = z.enum([
  /** A handset registered with the number rang. */
  'rang',
  /** The number is logged in to no handset. */
  'notLoggedIn',
  /** The number is logged in, but its handset has not registered (no link, or still registering). */
  'notRegistered',
]);
export type TestCallOutcome = z.infer<typeof TestCallOutcome>;

export const RangHandset = z.object({
  handsetId: Id,
  mac: z.string(),
  modelId: Id,
  /** The floor port the handset is on (as the switch sees it), null when unknown. */
  floorPortId: Id.nullable(),
  floorPortLabel: z.string().nullable(),
});
export type RangHandset = z.infer<typeof RangHandset>;

export const TestCall = z.object({
  id: Id,
  siteId: Id,
  e164: E164,
  reference: z.string(),
  placedAt: Timestamp,
  outcome: TestCallOutcome,
  /** Every handset that rang (none unless the outcome is `rang`). */
  rang: z.array(RangHandset),
  /** The outcome in plain words. */
  detail: z.string(),
});
export type TestCall = z.infer<typeof TestCall>;

export const TestCallQuery = z.object({ reference: z.string().min(1).max(200).optional() });

export const InstallationStepState = z.enum([
  'done',
  'queued',
  'needsAttention',
  'blocked',
  'excepted',
]);
export type InstallationStepState = z.infer<typeof InstallationStepState>;

export const ExceptionReason = z.enum([
  'occupierAbsent',
  'handsetNotDelivered',
  'portingPending',
  'other',
]);
export type ExceptionReason = z.infer<typeof ExceptionReason>;

export const InstallationStep = z.object({
  stepId: z.string().min(1).max(50),
  title: z.string(),
  state: InstallationStepState,
  summary: z.string(),
  /** Who last changed something in this step, and when (null when nothing was done). */
  by: z.string().nullable(),
  at: Timestamp.nullable(),
});
export type InstallationStep = z.infer<typeof InstallationStep>;

export const InstallationException = z.object({
  itemId: z.string().min(1).max(200),
  stepId: z.string().min(1).max(50),
  finding: z.string(),
  reason: ExceptionReason,
  text: z.string().max(2000),
  by: z.string(),
  at: Timestamp,
});
export type InstallationException = z.infer<typeof InstallationException>;

export const RingTestResult = z.enum(['passed', 'wrongDesk', 'nothingRang']);
export type RingTestResult = z.infer<typeof RingTestResult>;

export const InstallationRingTest = z.object({
  e164: E164,
  expectedFloorPortId: Id.nullable(),
  rangFloorPortId: Id.nullable(),
  result: RingTestResult,
  cause: z.string().nullable(),
  by: z.string(),
  at: Timestamp,
});
export type InstallationRingTest = z.infer<typeof InstallationRingTest>;

export const InstallationSignOff = z.object({
  signerName: z.string().min(1).max(200),
  signerRole: z.string().min(1).max(200),
  by: z.string(),
  at: Timestamp,
});
export type InstallationSignOff = z.infer<typeof InstallationSignOff>;

export const InstallationRecordBody = z.object({
  steps: z.array(InstallationStep).max(20),
  exceptions: z.array(InstallationException).max(2_000),
  ringTests: z.array(InstallationRingTest).max(2_000),
  signOff: InstallationSignOff.nullable(),
});
export type InstallationRecordBody = z.infer<typeof InstallationRecordBody>;

export const InstallationRecord = InstallationRecordBody.extend({
  jobId: Id,
  siteId: Id,
  occupierId: Id,
  updatedAt: Timestamp,
  version: z.number().int().positive(),
});
export type InstallationRecord = z.infer<typeof InstallationRecord>;
