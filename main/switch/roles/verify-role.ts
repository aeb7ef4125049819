import type { PortRole, SwitchVendor } from '../../../shared/platform/schemas';
import type { InterfaceConfig } from '../parsers/interface-config';
import { checkRoleInputs } from './check-role-inputs';
import { roleRequirements } from './role-requirements';

export interface RoleDiffLine {
  line: string;
  expected: 'present' | 'absent';
  actual: 'present' | 'absent';
}

export interface RoleVerification {
  verified: boolean;
  /** Exactly the lines that differ from the role; empty when verified. */
  diff: RoleDiffLine[];
}

/** Reads the interface's configuration after a change and names every line that is not as the role needs. */
export function verifyRole(
  vendor: SwitchVendor,
  role: PortRole,
  after: InterfaceConfig,
): RoleVerification {
  const checkedRole = checkRoleInputs(vendor, role, after);
  const diff: RoleDiffLine[] = [];
  for (const requirement of roleRequirements(vendor, checkedRole, after.interfaceName, after)) {
    const matching = after.effectiveLines.filter(requirement.matches);
    if (requirement.expected === 'present' && matching.length === 0) {
      diff.push({ line: requirement.line, expected: 'present', actual: 'absent' });
    }
    if (requirement.expected === 'absent') {
      for (const line of matching) diff.push({ line, expected: 'absent', actual: 'present' });
    }
  }
  return { verified: diff.length === 0, diff };
}
