import type { PortRole, SwitchVendor } from '../../../shared/platform/schemas';
import type { InterfaceConfig } from '../parsers/interface-config';
import { interfaceDescriptionFor } from './interface-description';

/**
 * One line of configuration a role needs present, or needs absent, on the interface. Planning
 * and verification both read these, so what is applied is exactly what is checked.
 */
export interface RoleRequirement {
  /** The configuration line as `show running-config` prints it. */
  line: string;
  expected: 'present' | 'absent';
  /** Which of the interface's effective lines are this line (for `absent`: which violate it). */
  matches: (line: string) => boolean;
  /** Commands inside the interface context that make the requirement hold, given a violating line. */
  fix: (violatingLine: string) => string[];
  /** Commands at the configuration top level (before entering the interface), if any. */
  globalFix?: string[];
  /** For the engineer: what applying the fix changes. */
  change: (violatingLine: string) => string;
  /** `first` runs before the other interface commands (shutting a port down before changing it). */
  order?: 'first' | 'last';
}

const exactly = (wanted: string) => (line: string) => line === wanted;

function present(
  line: string,
  change: string,
  fix: string[] = [line],
  extra: Partial<RoleRequirement> = {},
): RoleRequirement {
  return {
    line,
    expected: 'present',
    matches: exactly(line),
    fix: () => fix,
    change: () => change,
    ...extra,
  };
}

function absent(
  line: string,
  matches: RegExp,
  fix: (violating: string) => string[],
  change: (violating: string) => string,
  extra: Partial<RoleRequirement> = {},
): RoleRequirement {
  return {
    line,
    expected: 'absent',
    matches: (candidate) => matches.test(candidate),
    fix,
    change,
    ...extra,
  };
}

function ciscoRequirements(role: PortRole): RoleRequirement[] {
  const requirements: RoleRequirement[] = [];
  const description = interfaceDescriptionFor('cisco_ios', role);
  if (role.shutdown)
    requirements.push(
      present('shutdown', 'shut the interface down', ['shutdown'], { order: 'first' }),
    );
  if (description)
    requirements.push(
      present(`description ${description}`, `set the description to "${description}"`),
    );
  requirements.push(present('switchport mode access', 'make it an access port'));
  if (role.dataVlan === 1) {
    // VLAN 1 is the default access VLAN: IOS shows no line for it.
    requirements.push(
      absent(
        'switchport access vlan',
        /^switchport access vlan \d+$/,
        () => ['no switchport access vlan'],
        (line) => `move the data VLAN from ${line.split(' ').at(-1)} to 1`,
      ),
    );
  } else {
    requirements.push(
      present(`switchport access vlan ${role.dataVlan}`, `put the data VLAN on ${role.dataVlan}`),
    );
  }
  if (role.voiceVlan === null) {
    requirements.push(
      absent(
        'switchport voice vlan',
        /^switchport voice vlan \S+$/,
        () => ['no switchport voice vlan'],
        (line) => `remove voice VLAN ${line.split(' ').at(-1)}`,
      ),
    );
  } else {
    requirements.push(
      present(`switchport voice vlan ${role.voiceVlan}`, `set the voice VLAN to ${role.voiceVlan}`),
    );
  }
  if (role.lldpMed) {
    // LLDP and its MED network-policy TLV are on by default once `lldp run` is set globally;
    // the role only undoes a port that has them turned off.
    requirements.push(
      absent(
        'no lldp transmit',
        /^no lldp transmit$/,
        () => ['lldp transmit'],
        () => 'turn LLDP transmit back on',
      ),
    );
    requirements.push(
      absent(
        'no lldp med-tlv-select network-policy',
        /^no lldp med-tlv-select network-policy$/,
        () => ['lldp med-tlv-select network-policy'],
        () => 'advertise the LLDP-MED network policy (voice VLAN) again',
      ),
    );
  }
  if (role.poe) {
    requirements.push(
      absent(
        'power inline never',
        /^power inline never\b/,
        () => ['power inline auto'],
        () => 'turn PoE on (power inline auto)',
      ),
    );
  } else {
    requirements.push({
      ...present('power inline never', 'turn PoE off'),
      matches: (line) => /^power inline never\b/.test(line),
    });
  }
  const portfast = /^spanning-tree portfast(?: edge)?$/;
  if (role.edge) {
    requirements.push({
      ...present('spanning-tree portfast', 'make it an edge port (portfast)'),
      matches: (line) => portfast.test(line),
    });
  } else {
    requirements.push(
      absent(
        'spanning-tree portfast',
        portfast,
        () => ['no spanning-tree portfast'],
        () => 'stop treating it as an edge port',
      ),
    );
  }
  if (!role.shutdown)
    requirements.push(
      absent(
        'shutdown',
        /^shutdown$/,
        () => ['no shutdown'],
        () => 'bring the interface up (no shutdown)',
        { order: 'last' },
      ),
    );
  return requirements;
}

function arubaRequirements(
  role: PortRole,
  interfaceName: string,
  config: InterfaceConfig,
): RoleRequirement[] {
  const requirements: RoleRequirement[] = [];
  const description = interfaceDescriptionFor('aruba_aoss', role);
  if (role.shutdown)
    requirements.push(present('disable', 'disable the port', ['disable'], { order: 'first' }));
  if (description)
    requirements.push(present(`name "${description}"`, `set the port name to "${description}"`));
  requirements.push(
    present(`untagged vlan ${role.dataVlan}`, `put the data VLAN (untagged) on ${role.dataVlan}`),
  );
  if (role.voiceVlan !== null) {
    requirements.push(
      present(
        `tagged vlan ${role.voiceVlan}`,
        `add the port to voice VLAN ${role.voiceVlan} (tagged)`,
      ),
    );
    // The VLAN must be a voice VLAN for LLDP-MED to advertise it; checkable only when the
    // text shows the VLAN blocks.
    if (config.voiceVlansKnown !== null) {
      requirements.push(
        present(`vlan ${role.voiceVlan} voice`, `mark VLAN ${role.voiceVlan} as a voice VLAN`, [], {
          globalFix: [`vlan ${role.voiceVlan}`, 'voice', 'exit'],
        }),
      );
    }
  }
  // An access port carries only its voice VLAN tagged, as `switchport mode access` does on IOS.
  const otherTagged = (line: string) => {
    const vlan = /^tagged vlan (\d+)$/.exec(line)?.[1];
    return vlan !== undefined && Number(vlan) !== role.voiceVlan && Number(vlan) !== role.dataVlan;
  };
  requirements.push({
    line: 'tagged vlan',
    expected: 'absent',
    matches: otherTagged,
    fix: (line) => [`no ${line}`],
    change: (line) => `remove the port from tagged VLAN ${line.split(' ').at(-1)}`,
  });
  if (role.lldpMed) {
    requirements.push(
      absent(
        `no lldp config ${interfaceName} medTlvEnable network_policy`,
        /^no lldp config \S+ medTlvEnable network_policy$/,
        () => [],
        () => 'advertise the LLDP-MED network policy (voice VLAN) again',
        { globalFix: [`lldp config ${interfaceName} medTlvEnable network_policy`] },
      ),
    );
  }
  if (role.poe) {
    requirements.push(
      absent(
        'no power-over-ethernet',
        /^no power-over-ethernet$/,
        () => ['power-over-ethernet'],
        () => 'turn PoE on',
      ),
    );
  } else {
    requirements.push(present('no power-over-ethernet', 'turn PoE off'));
  }
  if (role.edge) {
    requirements.push(
      present('spanning-tree admin-edge-port', 'make it an edge port (admin-edge-port)'),
    );
  } else {
    requirements.push(
      absent(
        'spanning-tree admin-edge-port',
        /^spanning-tree admin-edge-port$/,
        () => ['no spanning-tree admin-edge-port'],
        () => 'stop treating it as an edge port',
      ),
    );
  }
  if (!role.shutdown)
    requirements.push(
      absent(
        'disable',
        /^disable$/,
        () => ['enable'],
        () => 'enable the port',
        { order: 'last' },
      ),
    );
  return requirements;
}

export function roleRequirements(
  vendor: SwitchVendor,
  role: PortRole,
  interfaceName: string,
  config: InterfaceConfig,
): RoleRequirement[] {
  return vendor === 'cisco_ios'
    ? ciscoRequirements(role)
    : arubaRequirements(role, interfaceName, config);
}
