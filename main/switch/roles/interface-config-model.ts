import { CodedError } from '../../../shared/errors';
import type { SwitchVendor } from '../../../shared/platform/schemas';
import type { InterfaceConfig } from '../parsers/interface-config';
import { formatVlanList } from '../parsers/vlan-list';

/**
 * A small model of how a switch changes one interface's configuration when it is sent
 * role commands, and how it prints the result. Tests use it to check that a plan, applied,
 * verifies; it knows only the commands a role plan uses and refuses any other.
 */
export interface InterfaceModel {
  vendor: SwitchVendor;
  interfaceName: string;
  /** Interface lines other than VLAN membership, as `show running-config` prints them. */
  lines: string[];
  untaggedVlan: number | null;
  taggedVlans: number[];
  /** Aruba: VLANs marked `voice`; null when the VLAN blocks are not part of what is shown. */
  voiceVlans: number[] | null;
  /** Aruba: the global `no lldp config <port> medTlvEnable network_policy` is set. */
  lldpPolicyOff: boolean;
}

export function modelFromConfig(config: InterfaceConfig): InterfaceModel {
  const aruba = config.vendor === 'aruba_aoss';
  return {
    vendor: config.vendor,
    interfaceName: config.interfaceName,
    lines: aruba
      ? config.effectiveLines.filter(
          (line) => !/^(untagged|tagged) vlan |^vlan \d+ voice$|^no lldp config /.test(line),
        )
      : [...config.effectiveLines],
    untaggedVlan: aruba ? config.accessVlan : null,
    taggedVlans: aruba ? [...config.taggedVlans] : [],
    voiceVlans: config.voiceVlansKnown === null ? null : [...config.voiceVlansKnown],
    lldpPolicyOff: aruba && config.effectiveLines.some((line) => /^no lldp config /.test(line)),
  };
}

function setLine(lines: string[], pattern: RegExp, line: string | null): string[] {
  const kept = lines.filter((existing) => !pattern.test(existing));
  return line === null ? kept : [...kept, line];
}

const CISCO_RULES: Array<[RegExp, (match: RegExpExecArray, lines: string[]) => string[]]> = [
  [/^description (.+)$/, (m, l) => setLine(l, /^description /, `description ${m[1]}`)],
  [/^no description$/, (_, l) => setLine(l, /^description /, null)],
  [/^switchport mode (\S+)$/, (m, l) => setLine(l, /^switchport mode /, `switchport mode ${m[1]}`)],
  [
    /^switchport access vlan (\d+)$/,
    (m, l) =>
      setLine(
        l,
        /^switchport access vlan /,
        m[1] === '1' ? null : `switchport access vlan ${m[1]}`,
      ),
  ],
  [/^no switchport access vlan$/, (_, l) => setLine(l, /^switchport access vlan /, null)],
  [
    /^switchport voice vlan (\d+)$/,
    (m, l) => setLine(l, /^switchport voice vlan /, `switchport voice vlan ${m[1]}`),
  ],
  [/^no switchport voice vlan$/, (_, l) => setLine(l, /^switchport voice vlan /, null)],
  [/^power inline auto$/, (_, l) => setLine(l, /^power inline /, null)],
  [/^power inline never$/, (_, l) => setLine(l, /^power inline /, 'power inline never')],
  [
    /^spanning-tree portfast$/,
    (_, l) => setLine(l, /^spanning-tree portfast/, 'spanning-tree portfast'),
  ],
  [/^no spanning-tree portfast$/, (_, l) => setLine(l, /^spanning-tree portfast/, null)],
  [/^lldp transmit$/, (_, l) => setLine(l, /^no lldp transmit$/, null)],
  [
    /^lldp med-tlv-select network-policy$/,
    (_, l) => setLine(l, /^no lldp med-tlv-select network-policy$/, null),
  ],
  [/^shutdown$/, (_, l) => setLine(l, /^shutdown$/, 'shutdown')],
  [/^no shutdown$/, (_, l) => setLine(l, /^shutdown$/, null)],
];

const ARUBA_RULES: Array<[RegExp, (match: RegExpExecArray, lines: string[]) => string[]]> = [
  [/^name (".*")$/, (m, l) => setLine(l, /^name /, `name ${m[1]}`)],
  [/^no name$/, (_, l) => setLine(l, /^name /, null)],
  [/^power-over-ethernet$/, (_, l) => setLine(l, /^no power-over-ethernet$/, null)],
  [
    /^no power-over-ethernet$/,
    (_, l) => setLine(l, /^no power-over-ethernet$/, 'no power-over-ethernet'),
  ],
  [
    /^spanning-tree admin-edge-port$/,
    (_, l) => setLine(l, /^spanning-tree admin-edge-port$/, 'spanning-tree admin-edge-port'),
  ],
  [
    /^no spanning-tree admin-edge-port$/,
    (_, l) => setLine(l, /^spanning-tree admin-edge-port$/, null),
  ],
  [/^disable$/, (_, l) => setLine(l, /^disable$/, 'disable')],
  [/^enable$/, (_, l) => setLine(l, /^disable$/, null)],
];

function refuse(command: string, where: string): never {
  throw new CodedError(
    'MODEL_UNKNOWN_COMMAND',
    `the interface model does not know "${command}" ${where}`,
  );
}

/** Applies configuration-mode commands, as the switch would, to the model. */
export function applyCommands(model: InterfaceModel, commands: string[]): InterfaceModel {
  const next: InterfaceModel = {
    ...model,
    lines: [...model.lines],
    taggedVlans: [...model.taggedVlans],
    voiceVlans: model.voiceVlans && [...model.voiceVlans],
  };
  let context: 'global' | 'interface' | { vlan: number } = 'global';
  for (const command of commands) {
    if (context === 'global') {
      const vlan = /^vlan (\d+)$/.exec(command);
      if (/^interface \S+/.test(command)) context = 'interface';
      else if (vlan && next.vendor === 'aruba_aoss') context = { vlan: Number(vlan[1]) };
      else if (
        next.vendor === 'aruba_aoss' &&
        new RegExp(`^lldp config ${next.interfaceName} medTlvEnable network_policy$`).test(command)
      )
        next.lldpPolicyOff = false;
      else refuse(command, 'at the configuration top level');
      continue;
    }
    if (typeof context === 'object') {
      if (command === 'voice')
        next.voiceVlans = [...new Set([...(next.voiceVlans ?? []), context.vlan])];
      else if (command === 'exit') context = 'global';
      else refuse(command, 'in a VLAN context');
      continue;
    }
    if (command === 'end' || command === 'exit') {
      context = 'global';
      continue;
    }
    if (next.vendor === 'aruba_aoss') {
      const untagged = /^untagged vlan (\d+)$/.exec(command);
      const tagged = /^(no )?tagged vlan (\d+)$/.exec(command);
      if (untagged) {
        next.untaggedVlan = Number(untagged[1]);
        next.taggedVlans = next.taggedVlans.filter((vlan) => vlan !== next.untaggedVlan);
        continue;
      }
      if (tagged) {
        const vlan = Number(tagged[2]);
        next.taggedVlans = tagged[1]
          ? next.taggedVlans.filter((v) => v !== vlan)
          : [...new Set([...next.taggedVlans, vlan])];
        continue;
      }
    }
    const rules = next.vendor === 'cisco_ios' ? CISCO_RULES : ARUBA_RULES;
    const rule = rules
      .map(([pattern, apply]) => [pattern.exec(command), apply] as const)
      .find(([match]) => match);
    if (!rule) refuse(command, 'in the interface context');
    next.lines = rule[1](rule[0]!, next.lines);
  }
  return next;
}

/** What `show running-config interface X` prints for the model. */
export function renderRunningConfig(model: InterfaceModel): string {
  if (model.vendor === 'cisco_ios') {
    const body = [
      `interface ${model.interfaceName}`,
      ...model.lines.map((line) => ` ${line}`),
      'end',
    ].join('\n');
    return `Building configuration...\n\nCurrent configuration : ${body.length} bytes\n!\n${body}\n`;
  }
  const membership = [
    ...(model.untaggedVlan === null ? [] : [`untagged vlan ${model.untaggedVlan}`]),
    ...(model.taggedVlans.length === 0 ? [] : [`tagged vlan ${formatVlanList(model.taggedVlans)}`]),
  ];
  const block = [
    `interface ${model.interfaceName}`,
    ...[...model.lines, ...membership].map((line) => `   ${line}`),
    '   exit',
  ];
  const vlanBlocks = (model.voiceVlans ?? []).flatMap((vlan) => [
    `vlan ${vlan}`,
    '   voice',
    '   exit',
  ]);
  // An empty VLAN list still has to say "the VLAN blocks were shown": print VLAN 1.
  const shownVlans =
    model.voiceVlans === null
      ? []
      : vlanBlocks.length > 0
        ? vlanBlocks
        : ['vlan 1', '   name "DEFAULT_VLAN"', '   exit'];
  const global = model.lldpPolicyOff
    ? [`no lldp config ${model.interfaceName} medTlvEnable network_policy`]
    : [];
  return ['Running configuration:', '', ...global, ...block, ...shownVlans, ''].join('\n');
}
