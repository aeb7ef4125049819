/** Port roles on a switch interface: the minimal change, and the read-back check. */
export { planRoleChange, type RoleChangePlan } from './plan-role-change';
export { verifyRole, type RoleDiffLine, type RoleVerification } from './verify-role';
export { interfaceDescriptionFor } from './interface-description';
export { parseInterfaceConfig } from '../parsers/parse-interface-config';
export type { InterfaceConfig } from '../parsers/interface-config';
