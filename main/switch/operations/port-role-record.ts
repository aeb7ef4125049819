import type { JobEventBody } from '../../../shared/jobs';
import type { PortRoleResult } from './apply-port-role';

type PortRoleApplied = Extract<JobEventBody, { type: 'PortRoleApplied' }>;

/** The journal's record of a role applied to a floor port's interface, from what the switch did. */
export function portRoleAppliedEvent(
  where: { floorPortId: string; switchId: string; interfaceName: string; roleId: string },
  result: PortRoleResult,
): PortRoleApplied {
  return {
    type: 'PortRoleApplied',
    payload: {
      ...where,
      changed: result.changed,
      verified: result.verified,
      commands: result.commands,
      rejected: result.rejected,
      actualConfig: result.actualConfig,
      before: result.beforeConfig,
      diff: result.diff,
    },
  };
}
