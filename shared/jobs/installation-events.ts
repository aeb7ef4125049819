import { z } from 'zod';
import { ExceptionReason, TestCall } from '../platform/installation';
import { RegistrationState } from '../platform/schemas';
import { FixAction } from '../numbers/findings';

/**
 * Journal events of the guided job (numbers fixes, handset login, ring test, exceptions,
 * sign-off, report). Facts the platform confirmed are recorded as events too, so the job's
 * statuses are a fold of the journal alone.
 */

const Id = z.string().min(1).max(200);
const E164 = z.string().regex(/^\+[1-9]\d{6,14}$/, 'an E.164 number such as +442079460123');

export const LoginMethodUsed = z.enum(['remote', 'keypad']);
export type LoginMethodUsed = z.infer<typeof LoginMethodUsed>;

export const RingConfirmation = z.enum(['expectedDesk', 'anotherDesk', 'nothing']);
export type RingConfirmation = z.infer<typeof RingConfirmation>;

export const installationEventBodies = [
  /** A number check's fix was queued: these outbox entries carry it out. */
  z.object({
    type: z.literal('FindingFixQueued'),
    payload: z.object({ findingId: Id, fix: FixAction, entryIds: z.array(Id).min(1) }),
  }),
  /** The engineer chose the handset a service number goes on. */
  z.object({
    type: z.literal('HandsetAssigned'),
    payload: z.object({ e164: E164, handsetId: Id, mac: z.string(), modelId: Id }),
  }),
  /** Remote: the platform was asked to log it in (an outbox entry). Keypad: "Done on the handset". */
  z.object({
    type: z.literal('HandsetLoginRequested'),
    payload: z.object({
      e164: E164,
      handsetId: Id,
      method: LoginMethodUsed,
      entryId: Id.nullable(),
    }),
  }),
  /** What the platform said about a handset's registration when Dialtone asked. */
  z.object({
    type: z.literal('HandsetRegistrationSeen'),
    payload: z.object({
      handsetId: Id,
      e164: E164.nullable(),
      registration: RegistrationState,
      linkUp: z.boolean(),
      floorPortId: Id.nullable(),
    }),
  }),
  /** Waited for a login to register and it did not: the facts at that moment. */
  z.object({
    type: z.literal('HandsetRegistrationTimedOut'),
    payload: z.object({
      handsetId: Id,
      e164: E164,
      waitedSeconds: z.number().int().nonnegative(),
      linkUp: z.boolean(),
      floorPortId: Id.nullable(),
    }),
  }),
  /** "Ring it": a test call queued (an outbox entry), with the desk that should ring. */
  z.object({
    type: z.literal('TestCallRequested'),
    payload: z.object({
      attemptId: Id,
      e164: E164,
      entryId: Id,
      expectedHandsetId: Id.nullable(),
      expectedFloorPortId: Id.nullable(),
    }),
  }),
  /** The platform's account of the test call, read back after it was placed. */
  z.object({
    type: z.literal('TestCallPlaced'),
    payload: z.object({ attemptId: Id, testCall: TestCall }),
  }),
  /** The engineer says which desk rang. */
  z.object({
    type: z.literal('RingTestConfirmed'),
    payload: z.object({
      attemptId: Id,
      rang: RingConfirmation,
      rangFloorPortId: Id.nullable(),
    }),
  }),
  z.object({
    type: z.literal('ExceptionRecorded'),
    payload: z.object({
      itemId: Id,
      stepId: Id,
      finding: z.string().max(2000),
      reason: ExceptionReason,
      text: z.string().max(2000),
    }),
  }),
  z.object({ type: z.literal('ExceptionWithdrawn'), payload: z.object({ itemId: Id }) }),
  z.object({
    type: z.literal('JobSignedOff'),
    payload: z.object({
      signerName: z.string().min(1).max(200),
      signerRole: z.string().min(1).max(200),
    }),
  }),
  z.object({
    type: z.literal('ReportProduced'),
    payload: z.object({ format: z.enum(['html', 'pdf']) }),
  }),
] as const;
