import type { PortRole } from '../../../shared/platform/schemas';
import { interfaceDescriptionFor, planRoleChange, verifyRole } from '../roles';
import { checkDescription, checkInterfaceName } from './console-text';
import type { SwitchSession } from '../session';
import type { InterfaceReading, RoleApplied, RoleChecked } from './switch-driver';

/** Apply and verify are the same for both vendors once reading an interface is vendor-specific. */
export async function applyRoleWith(
  session: SwitchSession,
  read: () => Promise<InterfaceReading>,
  interfaceName: string,
  role: PortRole,
  before?: InterfaceReading['config'],
): Promise<RoleApplied> {
  checkInterfaceName(session.vendor, interfaceName);
  const description = interfaceDescriptionFor(session.vendor, role);
  if (description) checkDescription(session.vendor, description);
  const current = before ?? (await read()).config;
  const plan = planRoleChange(session.vendor, interfaceName, role, current);
  if (plan.commands.length === 0)
    return { commands: [], changes: plan.changes, before: current, suspect: [] };
  const { suspect } = await session.configure(plan.commands);
  return { commands: plan.commands, changes: plan.changes, before: current, suspect };
}

export async function verifyRoleWith(
  session: SwitchSession,
  read: () => Promise<InterfaceReading>,
  role: PortRole,
): Promise<RoleChecked> {
  const after = (await read()).config;
  const check = verifyRole(session.vendor, role, after);
  return { verified: check.verified, diff: check.diff, after };
}
