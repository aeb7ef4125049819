import type { SwitchMember, SwitchOperation, TranscriptMember } from '../../shared/bundles';
import type { PortRole } from '../../shared/platform/schemas';
import type { SwitchIdentity } from '../switch/drivers';
import type { PortRoleResult } from '../switch/operations';
import type { TranscriptEntry } from '../switch/session';

/** A role applied on a switch, as a bundle records it (what was asked, what the switch answered). */
export function switchOperationOf(
  id: string,
  at: Date,
  role: PortRole,
  result: PortRoleResult,
  transcript: string | null,
): SwitchOperation {
  return {
    id,
    at: at.toISOString(),
    kind: 'applyPortRole',
    interfaceName: result.interfaceName,
    role,
    transcript,
    result: {
      changed: result.changed,
      verified: result.verified,
      commands: result.commands,
      actualConfig: result.actualConfig,
      rejected: result.rejected
        ? { command: result.rejected.command, switchSaid: result.rejected.switchSaid }
        : null,
    },
  };
}

/** A switch as read during a job: who it is, how its interfaces were, what was done to them. */
export function switchRecordOf(
  switchId: string,
  identity: SwitchIdentity,
  interfaceCount: number,
  interfaces: { interfaceName: string; lines: string[] }[],
  operations: SwitchOperation[],
): SwitchMember {
  return {
    identity: {
      switchId,
      vendor: identity.vendor,
      hostname: identity.hostname,
      model: identity.model,
      interfaceCount,
      softwareVersion: identity.softwareVersion || null,
      serialNumber: identity.serialNumber || null,
    },
    interfaces,
    vlans: null,
    operations,
  };
}

export function transcriptRecordOf(
  name: string,
  switchId: string | null,
  startedAt: Date,
  entries: readonly TranscriptEntry[],
): TranscriptMember {
  return { name, switchId, startedAt: startedAt.toISOString(), entries: [...entries] };
}
