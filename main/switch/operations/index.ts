export { applyPortRole } from './apply-port-role';
export type { PortRoleResult } from './apply-port-role';
