/** What the app asks of a switch port, end to end (read, change, read back, verify). */
export { applyPortRole } from './apply-port-role';
export type { PortRoleResult } from './apply-port-role';
export { portRoleAppliedEvent } from './port-role-record';
