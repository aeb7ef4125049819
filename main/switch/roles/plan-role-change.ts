import type { PortRole, SwitchVendor } from '../../../shared/platform/schemas';
import type { InterfaceConfig } from '../parsers/interface-config';
import { checkRoleInputs } from './check-role-inputs';
import { DESCRIPTION_LIMIT, interfaceDescriptionFor } from './interface-description';
import { roleRequirements } from './role-requirements';

export interface RoleChangePlan {
  /** Configuration-mode commands, in order; empty when the interface already has the role. */
  commands: string[];
  /** One sentence per change, for the engineer. */
  changes: string[];
}

/**
 * The fewest commands that give the interface the role, from its current configuration.
 * They enter and leave the interface context (`interface …` / `end` or `exit`) but do not
 * enter configuration mode or save: the driver does that.
 */
export function planRoleChange(
  vendor: SwitchVendor,
  interfaceName: string,
  role: PortRole,
  current: InterfaceConfig,
): RoleChangePlan {
  const checkedRole = checkRoleInputs(vendor, role, current, interfaceName);
  const globalCommands: string[] = [];
  const first: string[] = [];
  const middle: string[] = [];
  const last: string[] = [];
  const changes: string[] = [];
  const add = (target: string[], commands: string[]) => {
    for (const command of commands) if (!target.includes(command)) target.push(command);
  };
  for (const requirement of roleRequirements(vendor, checkedRole, interfaceName, current)) {
    const target =
      requirement.order === 'first' ? first : requirement.order === 'last' ? last : middle;
    if (requirement.expected === 'present') {
      if (current.effectiveLines.some(requirement.matches)) continue;
      add(target, requirement.fix(requirement.line));
      add(globalCommands, requirement.globalFix ?? []);
      changes.push(requirement.change(requirement.line));
    } else {
      for (const line of current.effectiveLines.filter(requirement.matches)) {
        add(target, requirement.fix(line));
        add(globalCommands, requirement.globalFix ?? []);
        changes.push(requirement.change(line));
      }
    }
  }
  // IOS turns portfast on by itself when a voice VLAN is set; a role that is not an edge port
  // must turn it off again after the voice VLAN command.
  if (
    vendor === 'cisco_ios' &&
    !checkedRole.edge &&
    middle.some((command) => command.startsWith('switchport voice vlan '))
  ) {
    add(middle, ['no spanning-tree portfast']);
  }
  const description = interfaceDescriptionFor(vendor, checkedRole);
  if (
    description.length > 0 &&
    description.length < checkedRole.description.trim().length &&
    changes.some((change) => change.includes(description))
  ) {
    changes.push(
      `the description was shortened to fit the switch (${DESCRIPTION_LIMIT[vendor]} characters at most)`,
    );
  }
  const interfaceCommands = [...first, ...middle, ...last];
  if (interfaceCommands.length === 0 && globalCommands.length === 0)
    return { commands: [], changes: [] };
  const commands = [...globalCommands];
  if (interfaceCommands.length > 0) {
    commands.push(
      `interface ${interfaceName}`,
      ...interfaceCommands,
      vendor === 'cisco_ios' ? 'end' : 'exit',
    );
  }
  return { commands, changes };
}
