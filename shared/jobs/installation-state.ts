import { z } from 'zod';
import { ExceptionReason, TestCall } from '../platform/installation';
import { RegistrationState } from '../platform/schemas';
import { FixAction } from '../numbers/findings';
import { whoDid } from './actors';
import type { JobEvent } from './events';
import { LoginMethodUsed, RingConfirmation } from './installation-events';

/** The guided job's part of a folded job: what the engineer did and what the platform confirmed. */

const Who = z.object({ by: z.string(), at: z.string() });

export const HandsetAssignment = Who.extend({
  handsetId: z.string(),
  mac: z.string(),
  modelId: z.string(),
});
export type HandsetAssignment = z.infer<typeof HandsetAssignment>;

export const LoginRequest = Who.extend({
  handsetId: z.string(),
  method: LoginMethodUsed,
  entryId: z.string().nullable(),
});
export type LoginRequest = z.infer<typeof LoginRequest>;

export const RegistrationFact = z.object({
  e164: z.string().nullable(),
  registration: RegistrationState,
  linkUp: z.boolean(),
  floorPortId: z.string().nullable(),
  seenAt: z.string(),
});
export type RegistrationFact = z.infer<typeof RegistrationFact>;

export const RegistrationTimeout = z.object({
  e164: z.string(),
  waitedSeconds: z.number(),
  linkUp: z.boolean(),
  floorPortId: z.string().nullable(),
  at: z.string(),
});
export type RegistrationTimeout = z.infer<typeof RegistrationTimeout>;

export const RingAttempt = Who.extend({
  attemptId: z.string(),
  e164: z.string(),
  entryId: z.string(),
  expectedHandsetId: z.string().nullable(),
  expectedFloorPortId: z.string().nullable(),
  testCall: TestCall.nullable(),
  confirmation: Who.extend({
    rang: RingConfirmation,
    rangFloorPortId: z.string().nullable(),
  }).nullable(),
});
export type RingAttempt = z.infer<typeof RingAttempt>;

export const RecordedException = Who.extend({
  itemId: z.string(),
  stepId: z.string(),
  finding: z.string(),
  reason: ExceptionReason,
  text: z.string(),
});
export type RecordedException = z.infer<typeof RecordedException>;

export const QueuedFix = Who.extend({
  findingId: z.string(),
  fix: FixAction,
  entryIds: z.array(z.string()),
});
export type QueuedFix = z.infer<typeof QueuedFix>;

/** What the switch showed in this job (journaled by the switch service): the facts Cabling and Port roles stand on. */
export const SwitchFacts = z.object({
  /** Per handset, the floor port the engineer chose instead of the platform's record. */
  plannedFloorPort: z.record(z.string(), z.string()),
  /** Per handset, the latest cabling check against the live switch. */
  cabling: z.record(
    z.string(),
    z.object({
      outcome: z.enum(['ok', 'wrongPort', 'notSeen']),
      expectedFloorPortId: z.string().nullable(),
      observedFloorPortId: z.string().nullable(),
      at: z.string(),
    }),
  ),
  /** Per floor port, the latest role applied (or found right), read back from the switch. */
  roles: z.record(
    z.string(),
    z.object({ roleId: z.string(), verified: z.boolean(), rejected: z.boolean(), at: z.string() }),
  ),
});
export type SwitchFacts = z.infer<typeof SwitchFacts>;

export const InstallationState = z.object({
  fixes: z.array(QueuedFix),
  /** Per service number, the handset the engineer chose. */
  assignments: z.record(z.string(), HandsetAssignment),
  /** Per service number, the latest login request. */
  logins: z.record(z.string(), LoginRequest),
  /** Per handset, the latest registration the platform reported. */
  registrations: z.record(z.string(), RegistrationFact),
  /** Per handset, the latest wait for registration that ran out. */
  timeouts: z.record(z.string(), RegistrationTimeout),
  ringAttempts: z.array(RingAttempt),
  exceptions: z.record(z.string(), RecordedException),
  signOff: Who.extend({ signerName: z.string(), signerRole: z.string() }).nullable(),
  reports: z.array(Who.extend({ format: z.enum(['html', 'pdf']) })),
  /** Outbox entries the platform applied after the snapshot was last taken (kept by the fold). */
  appliedSinceSnapshot: z.array(z.string()),
  /** Per step, the last thing the engineer did in it. */
  activity: z.record(z.string(), Who),
  switchFacts: SwitchFacts,
});
export type InstallationState = z.infer<typeof InstallationState>;

export function emptyInstallation(): InstallationState {
  return {
    fixes: [],
    assignments: {},
    logins: {},
    registrations: {},
    timeouts: {},
    ringAttempts: [],
    exceptions: {},
    signOff: null,
    reports: [],
    appliedSinceSnapshot: [],
    activity: {},
    switchFacts: { plannedFloorPort: {}, cabling: {}, roles: {} },
  };
}

const without = <T>(record: Record<string, T>, key: string): Record<string, T> => {
  const { [key]: _gone, ...rest } = record;
  return rest;
};

/**
 * Folds one event into the guided job's state; returns the same object when the event is
 * not one of its own. Pure: a new state whenever something changed.
 */
export function foldInstallation(
  s: InstallationState,
  event: JobEvent,
  engineerName: string | null = null,
): InstallationState {
  const who = { by: whoDid(engineerName, event.actor), at: event.time };
  const touched = (stepId: string, next: InstallationState): InstallationState => ({
    ...next,
    activity: { ...next.activity, [stepId]: who },
  });
  switch (event.type) {
    case 'FindingFixQueued':
      return touched('numbers', { ...s, fixes: [...s.fixes, { ...who, ...event.payload }] });
    case 'HandsetAssigned': {
      const { e164, ...assignment } = event.payload;
      return touched('handsetLogin', {
        ...s,
        assignments: { ...s.assignments, [e164]: { ...who, ...assignment } },
        logins:
          s.logins[e164]?.handsetId === assignment.handsetId ? s.logins : without(s.logins, e164),
      });
    }
    case 'HandsetLoginRequested': {
      const { e164, ...login } = event.payload;
      return touched('handsetLogin', {
        ...s,
        logins: { ...s.logins, [e164]: { ...who, ...login } },
        timeouts: without(s.timeouts, login.handsetId),
      });
    }
    case 'HandsetRegistrationSeen': {
      const { handsetId, ...fact } = event.payload;
      return {
        ...s,
        registrations: { ...s.registrations, [handsetId]: { ...fact, seenAt: event.time } },
        timeouts: fact.registration === 'registered' ? without(s.timeouts, handsetId) : s.timeouts,
      };
    }
    case 'HandsetRegistrationTimedOut': {
      const { handsetId, ...timeout } = event.payload;
      return { ...s, timeouts: { ...s.timeouts, [handsetId]: { ...timeout, at: event.time } } };
    }
    case 'TestCallRequested':
      return touched('ringTest', {
        ...s,
        ringAttempts: [
          ...s.ringAttempts,
          { ...who, ...event.payload, testCall: null, confirmation: null },
        ],
      });
    case 'TestCallPlaced':
      return {
        ...s,
        ringAttempts: s.ringAttempts.map((attempt) =>
          attempt.attemptId === event.payload.attemptId
            ? { ...attempt, testCall: event.payload.testCall }
            : attempt,
        ),
      };
    case 'RingTestConfirmed': {
      const { attemptId, ...confirmation } = event.payload;
      return touched('ringTest', {
        ...s,
        ringAttempts: s.ringAttempts.map((attempt) =>
          attempt.attemptId === attemptId
            ? { ...attempt, confirmation: { ...who, ...confirmation } }
            : attempt,
        ),
      });
    }
    case 'ExceptionRecorded':
      return touched(event.payload.stepId, {
        ...s,
        exceptions: { ...s.exceptions, [event.payload.itemId]: { ...who, ...event.payload } },
      });
    case 'ExceptionWithdrawn': {
      const stepId = s.exceptions[event.payload.itemId]?.stepId;
      const next = { ...s, exceptions: without(s.exceptions, event.payload.itemId) };
      return stepId ? touched(stepId, next) : next;
    }
    case 'JobSignedOff':
      return touched('signOff', { ...s, signOff: { ...who, ...event.payload } });
    case 'ReportProduced':
      return { ...s, reports: [...s.reports, { ...who, format: event.payload.format }] };
    case 'CablingPlanned': {
      const { handsetId, floorPortId } = event.payload;
      const facts = s.switchFacts;
      return touched('cabling', {
        ...s,
        switchFacts: {
          ...facts,
          plannedFloorPort: { ...facts.plannedFloorPort, [handsetId]: floorPortId },
        },
      });
    }
    case 'HandsetCablingChecked': {
      const { handsetId, outcome, expectedFloorPortId, observed } = event.payload;
      const facts = s.switchFacts;
      const check = {
        outcome,
        expectedFloorPortId,
        observedFloorPortId: observed?.floorPortId ?? null,
        at: event.time,
      };
      return touched('cabling', {
        ...s,
        switchFacts: { ...facts, cabling: { ...facts.cabling, [handsetId]: check } },
      });
    }
    case 'PortRoleApplied': {
      const { floorPortId, roleId, verified, rejected } = event.payload;
      const facts = s.switchFacts;
      const role = { roleId, verified, rejected: rejected != null, at: event.time };
      return touched('portRole', {
        ...s,
        switchFacts: { ...facts, roles: { ...facts.roles, [floorPortId]: role } },
      });
    }
    default:
      return s;
  }
}
