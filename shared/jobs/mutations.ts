import { z } from 'zod';
import { InstallationRecordBody } from '../platform/installation';
import { count } from '../wording';

const Id = z.string().min(1).max(100);
const E164 = z.string().regex(/^\+[1-9]\d{6,14}$/, 'an E.164 number such as +442079460123');

/** Every change Dialtone can ask the platform to make; each becomes one outbox entry. */
export const PlatformMutation = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('setFloorPortRole'), floorPortId: Id, roleId: Id }),
  z.object({
    kind: z.literal('addVoiceService'),
    siteId: Id,
    occupierId: Id,
    quantity: z.number().int().positive(),
  }),
  z.object({
    kind: z.literal('allocateNumbers'),
    siteId: Id,
    occupierId: Id,
    count: z.number().int().positive(),
    /** Activate each number once allocated (the platform picks them, so they are not known before). */
    activate: z.boolean().optional(),
    /**
     * The occupier's main number: the one number allocated is nominated as main before it is
     * activated (a main number is not counted against the voice services; DOMAIN.md).
     */
    main: z.literal(true).optional(),
  }),
  z.object({ kind: z.literal('activateNumber'), siteId: Id, occupierId: Id, e164: E164 }),
  z.object({ kind: z.literal('deactivateNumber'), siteId: Id, occupierId: Id, e164: E164 }),
  z.object({ kind: z.literal('releaseNumber'), siteId: Id, occupierId: Id, e164: E164 }),
  z.object({ kind: z.literal('nominateMainNumber'), siteId: Id, occupierId: Id, e164: E164 }),
  z.object({ kind: z.literal('remoteLogin'), occupierId: Id, handsetId: Id, e164: E164 }),
  /** The ring test: the platform calls the number; `reference` (the attempt id) finds the call. */
  z.object({
    kind: z.literal('placeTestCall'),
    siteId: Id,
    occupierId: Id,
    e164: E164,
    reference: Id,
  }),
  /** The job's installation record as it stands (the whole record; a later one replaces it). */
  z.object({
    kind: z.literal('putInstallationRecord'),
    siteId: Id,
    occupierId: Id,
    jobId: Id,
    record: InstallationRecordBody,
  }),
]);
export type PlatformMutation = z.infer<typeof PlatformMutation>;
export type MutationKind = PlatformMutation['kind'];

/**
 * The resource a mutation is ordered by. Sync keeps entries of one resource in the order
 * they were made. Number and service changes of one occupier share a key because they
 * depend on each other (allocate before activate, activate before login).
 */
export function resourceKeyOf(mutation: PlatformMutation): string {
  switch (mutation.kind) {
    case 'setFloorPortRole':
      return `floorPort:${mutation.floorPortId}`;
    case 'putInstallationRecord':
      return `installation:${mutation.jobId}`;
    default:
      return `occupier:${mutation.occupierId}`;
  }
}

/** Mutations that carry an If-Match of the resource version the engineer's change was based on. */
export function isVersioned(mutation: PlatformMutation): boolean {
  return mutation.kind === 'setFloorPortRole';
}

/** A short sentence for the engineer: what this change does. */
export function describeMutation(mutation: PlatformMutation): string {
  switch (mutation.kind) {
    case 'setFloorPortRole':
      return `Set floor port ${mutation.floorPortId} to role ${mutation.roleId}`;
    case 'addVoiceService':
      return `Add a voice service of ${mutation.quantity} for ${mutation.occupierId}`;
    case 'allocateNumbers':
      return `Allocate ${count(mutation.count, 'number', 'numbers')} to ${mutation.occupierId}${mutation.activate ? ' and activate' : ''}`;
    case 'activateNumber':
      return `Activate ${mutation.e164}`;
    case 'deactivateNumber':
      return `Deactivate ${mutation.e164}`;
    case 'placeTestCall':
      return `Ring ${mutation.e164} (test call)`;
    case 'putInstallationRecord':
      return mutation.record.signOff
        ? `Send the signed-off installation record`
        : `Send the installation record`;
    case 'releaseNumber':
      return `Release ${mutation.e164}`;
    case 'nominateMainNumber':
      return `Nominate ${mutation.e164} as the main number`;
    case 'remoteLogin':
      return `Log ${mutation.e164} in to handset ${mutation.handsetId}`;
  }
}
