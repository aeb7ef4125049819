import { count } from '../wording';
import type { PlatformMutation } from './mutations';
import type { JobSnapshot } from './snapshot';
import type { JobState, OutboxItem } from './state';

/**
 * A queued change and a conflict in the engineer's words: floor port labels, role names,
 * handsets by model and MAC, the occupier by name — never the platform's internal ids.
 */
export function namesIn(snapshot: JobSnapshot) {
  const port = (id: string) => snapshot.floorPorts.find((p) => p.id === id)?.label ?? id;
  const role = (id: string | null) =>
    id === null ? 'no role' : (snapshot.site.roleCatalogue.find((r) => r.id === id)?.name ?? id);
  const handset = (id: string) => {
    const found = snapshot.handsets.find((h) => h.id === id);
    if (!found) return 'a handset';
    const model = snapshot.handsetModels.find((m) => m.id === found.modelId);
    return `${model ? `${model.vendor} ${model.name}` : 'handset'} ${found.mac}`;
  };
  const occupier = (id: string) => snapshot.occupiers.find((o) => o.id === id)?.name ?? id;
  return { port, role, handset, occupier };
}

/** What this change does, as the engineer would say it. */
export function describeChange(state: JobState, mutation: PlatformMutation): string {
  return describeChangeIn(state.snapshot, mutation);
}

/** The same words from a snapshot alone (a bundle's timeline names things as it knew them then). */
export function describeChangeIn(snapshot: JobSnapshot, mutation: PlatformMutation): string {
  const names = namesIn(snapshot);
  switch (mutation.kind) {
    case 'setFloorPortRole':
      return `Floor port ${names.port(mutation.floorPortId)}: role ${names.role(mutation.roleId)}`;
    case 'addVoiceService':
      return `Add ${count(mutation.quantity, 'voice service', 'voice services')} for ${names.occupier(mutation.occupierId)}`;
    case 'allocateNumbers':
      return mutation.main
        ? `Allocate a main number for ${names.occupier(mutation.occupierId)}`
        : `Allocate ${count(mutation.count, 'number', 'numbers')}${mutation.activate ? ' and activate' : ''} for ${names.occupier(mutation.occupierId)}`;
    case 'remoteLogin':
      return `Log ${mutation.e164} in to ${names.handset(mutation.handsetId)}`;
    case 'activateNumber':
      return `Activate ${mutation.e164}`;
    case 'deactivateNumber':
      return `Deactivate ${mutation.e164}`;
    case 'releaseNumber':
      return `Release ${mutation.e164}`;
    case 'nominateMainNumber':
      return `Make ${mutation.e164} the main number`;
    case 'placeTestCall':
      return `Ring ${mutation.e164} (test call)`;
    case 'putInstallationRecord':
      return mutation.record.signOff
        ? 'Send the signed-off installation record'
        : 'Send the installation record';
  }
}

export interface ConflictWording {
  /** What the engineer changed, e.g. "Floor port 2F-001: role Voice + PC". */
  title: string;
  /** Yours, in words. */
  mine: string;
  /** What the platform has now, in words. */
  theirs: string;
  /** Who changed it, as far as the platform says. */
  who: string;
}

const field = (value: unknown, key: string): unknown =>
  value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;

/** A conflict card's sentences: port, role, and who changed it. */
export function describeConflict(state: JobState, item: OutboxItem): ConflictWording {
  const names = namesIn(state.snapshot);
  const { mutation } = item.entry;
  const theirs = item.theirs?.value;
  // The platform's records carry no author: all Dialtone knows is that it was not this job.
  const who = 'Someone else changed it on the platform (not from this job) after you made yours.';
  switch (mutation.kind) {
    case 'setFloorPortRole':
      return {
        title: `Floor port ${names.port(mutation.floorPortId)}: role conflict`,
        mine: names.role(mutation.roleId),
        theirs: names.role((field(theirs, 'roleId') as string | null | undefined) ?? null),
        who,
      };
    case 'remoteLogin': {
      const logged = field(theirs, 'loggedInNumber') as string | null | undefined;
      return {
        title: `${names.handset(mutation.handsetId)}: login conflict`,
        mine: `${mutation.e164} logged in`,
        theirs: logged ? `${logged} logged in` : 'no number logged in',
        who,
      };
    }
    default: {
      const numberState = field(theirs, 'state');
      return {
        title: describeChange(state, mutation),
        mine: describeChange(state, mutation),
        theirs:
          typeof numberState === 'string' ? `the number is ${numberState}` : 'a newer version',
        who,
      };
    }
  }
}
