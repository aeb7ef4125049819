import { z } from 'zod';
import {
  LinkState,
  Neighbour,
  PoeState,
  SshFingerprint,
  SwitchIdentityView,
} from '../switch/facts';

/** Journal events of the switch half of a job: connections, cabling facts, port roles, console. */

const Id = z.string().min(1).max(200);

export const SwitchRouteKind = z.enum(['demo', 'serial', 'ssh']);

/** How the identified switch compares with what the site data expects. */
export const IdentityCheck = z.object({
  matches: z.boolean(),
  /** One sentence per difference ("hostname is sw-9f-z, the site expects sw-2f-a"). */
  differences: z.array(z.string()),
});
export type IdentityCheck = z.infer<typeof IdentityCheck>;

/** What the switch said about the interface a handset was checked on. */
export const CablingObservation = z.object({
  switchId: Id,
  interfaceName: z.string(),
  /** The floor port patched to that interface, if any. */
  floorPortId: Id.nullable(),
  link: LinkState,
  poe: PoeState,
  poeWatts: z.number().nullable(),
  neighbour: Neighbour.nullable(),
});
export type CablingObservation = z.infer<typeof CablingObservation>;

export const CablingOutcome = z.enum(['ok', 'wrongPort', 'notSeen']);
export type CablingOutcome = z.infer<typeof CablingOutcome>;

export const RoleRejection = z.object({
  command: z.string(),
  switchSaid: z.string(),
  applied: z.array(z.string()),
  notSent: z.array(z.string()),
});

export const switchEventBodies = [
  z.object({
    type: z.literal('SwitchConnected'),
    payload: z.object({
      switchId: Id,
      route: SwitchRouteKind,
      label: z.string(),
      identity: SwitchIdentityView,
      check: IdentityCheck,
    }),
  }),
  /**
   * The engineer trusted the new SSH host key a switch presented after it was refused: it
   * is pinned in place of the old one (who and when: the record's actor and time).
   */
  z.object({
    type: z.literal('SwitchHostKeyTrusted'),
    payload: z.object({
      switchId: Id,
      oldFingerprint: SshFingerprint,
      newFingerprint: SshFingerprint,
    }),
  }),
  /** The engineer confirmed an unexpected switch is the right one after all. */
  z.object({
    type: z.literal('SwitchIdentityConfirmed'),
    payload: z.object({ switchId: Id, identity: SwitchIdentityView }),
  }),
  z.object({
    type: z.literal('SwitchTranscriptSaved'),
    payload: z.object({
      switchId: Id,
      hostname: z.string(),
      /** Relative to the job's folder. */
      file: z.string().min(1),
      startedAt: z.string(),
      endedAt: z.string(),
      reason: z.enum(['closed', 'idle', 'quit', 'dropped']),
      bytes: z.object({ tx: z.number().int(), rx: z.number().int() }),
    }),
  }),
  /** Where the engineer plans to plug a handset in (the platform's record, or a fix of the plan). */
  z.object({
    type: z.literal('CablingPlanned'),
    payload: z.object({ handsetId: Id, floorPortId: Id }),
  }),
  /** What the switch showed for a handset: the fact the Cabling step is ticked from. */
  z.object({
    type: z.literal('HandsetCablingChecked'),
    payload: z.object({
      handsetId: Id,
      mac: z.string(),
      expectedFloorPortId: Id.nullable(),
      outcome: CablingOutcome,
      observed: CablingObservation.nullable(),
    }),
  }),
  /** A role applied (or found already right), read back and verified on the switch. */
  z.object({
    type: z.literal('PortRoleApplied'),
    payload: z.object({
      floorPortId: Id,
      switchId: Id,
      interfaceName: z.string(),
      roleId: Id,
      changed: z.boolean(),
      verified: z.boolean(),
      commands: z.array(z.string()),
      rejected: RoleRejection.nullable(),
      actualConfig: z.array(z.string()),
      /** The interface as read before the change (what a support replay rebuilds it from). */
      before: z.array(z.string()).nullable().optional(),
      diff: z.array(z.object({ line: z.string(), expected: z.string(), actual: z.string() })),
    }),
  }),
  z.object({
    type: z.literal('ConsoleControlChanged'),
    payload: z.object({ switchId: Id, controller: z.string().nullable() }),
  }),
  /** What the engineer typed while holding the console (a secret typed at a password prompt masked). */
  z.object({
    type: z.literal('ConsoleTyped'),
    payload: z.object({ switchId: Id, text: z.string().max(4000) }),
  }),
] as const;
