import { CodedError } from '../../../shared/errors';
import { PortRole, SwitchVendor } from '../../../shared/platform/schemas';
import { normalizeArubaPortName } from '../parsers/aruba-port-name';
import { sameCiscoInterface } from '../parsers/cisco-interface-name';
import type { InterfaceConfig } from '../parsers/interface-config';

/** Refuses input the planner cannot trust: a malformed role, or a config read from another port. */
export function checkRoleInputs(
  vendor: SwitchVendor,
  role: PortRole,
  config: InterfaceConfig,
  interfaceName?: string,
): PortRole {
  if (!SwitchVendor.safeParse(vendor).success) {
    throw new CodedError('ROLE_UNKNOWN_VENDOR', `unknown switch vendor ${JSON.stringify(vendor)}`);
  }
  const checked = PortRole.safeParse(role);
  if (!checked.success) {
    const problem = checked.error.issues[0];
    throw new CodedError(
      'ROLE_INVALID',
      `the port role is not valid: ${problem?.path.join('.') ?? ''} ${problem?.message ?? ''}`.trim(),
    );
  }
  if (checked.data.voiceVlan === checked.data.dataVlan) {
    // A port cannot carry one VLAN both untagged (data) and tagged (voice).
    throw new CodedError(
      'ROLE_INVALID',
      `the port role uses VLAN ${checked.data.dataVlan} for both data and voice; they must differ`,
    );
  }
  if (config.vendor !== vendor) {
    throw new CodedError(
      'ROLE_VENDOR_MISMATCH',
      `the interface configuration was read from a ${config.vendor} switch, not ${vendor}`,
    );
  }
  if (interfaceName !== undefined) {
    const same =
      vendor === 'cisco_ios'
        ? sameCiscoInterface(interfaceName, config.interfaceName)
        : normalizeArubaPortName(interfaceName) === normalizeArubaPortName(config.interfaceName);
    if (!same) {
      throw new CodedError(
        'ROLE_INTERFACE_MISMATCH',
        `the configuration shown is for ${config.interfaceName}, not ${interfaceName}; read ${interfaceName} again before planning`,
      );
    }
  }
  return checked.data;
}
