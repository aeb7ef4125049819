import type { SwitchVendor } from '../../../shared/platform/schemas';
import { parseArubaRunningConfig } from './aruba-running-config';
import { parseArubaShowInterfacesBrief } from './aruba-show-interfaces-brief';
import { parseArubaShowLldpRemoteDetail } from './aruba-show-lldp-remote-detail';
import { parseArubaShowLldpRemoteList } from './aruba-show-lldp-remote-list';
import { parseArubaShowMacAddress } from './aruba-show-mac-address';
import { parseArubaShowPowerOverEthernet } from './aruba-show-power-over-ethernet';
import { parseArubaShowSystem } from './aruba-show-system';
import { parseArubaShowVlans } from './aruba-show-vlans';
import { parseCiscoShowCdpNeighborsDetail } from './cisco-show-cdp-neighbors-detail';
import { parseCiscoShowInterfacesStatus } from './cisco-show-interfaces-status';
import { parseCiscoShowInterfacesSwitchport } from './cisco-show-interfaces-switchport';
import { parseCiscoShowLldpNeighborsDetail } from './cisco-show-lldp-neighbors-detail';
import { parseCiscoShowMacAddressTable } from './cisco-show-mac-address-table';
import { parseCiscoShowPowerInline } from './cisco-show-power-inline';
import { parseCiscoRunningConfigInterface } from './cisco-show-running-config';
import { parseCiscoShowVersion } from './cisco-show-version';
import type { ParseResult } from './parse-result';

/**
 * Which parser reads which command. A command is a list of words; `<arg>` stands for one
 * word the person types (an interface, a port list) and `<rest>` for any words after.
 * The person may shorten each keyword as the switch CLI allows (`sh int status`).
 */
export interface ShowCommand {
  vendor: SwitchVendor;
  /** How the command is written in full, for help and errors. */
  usage: string;
  patterns: string[][];
  parse: (text: string, argument: string | undefined) => ParseResult<object>;
  /** The fields a readable table shows, in order. */
  tableColumns: string[];
}

const words = (text: string) => text.split(' ');

export const SHOW_COMMANDS: ShowCommand[] = [
  {
    vendor: 'cisco_ios',
    usage: 'show version',
    patterns: [words('show version')],
    parse: (text) => parseCiscoShowVersion(text),
    tableColumns: ['hostname', 'version', 'softwareImage', 'hardware', 'serial', 'uptime'],
  },
  {
    vendor: 'cisco_ios',
    usage: 'show interfaces status',
    patterns: [words('show interfaces status'), words('show interfaces <arg> status')],
    parse: (text) => parseCiscoShowInterfacesStatus(text),
    tableColumns: ['port', 'name', 'status', 'vlan', 'duplex', 'speed', 'type'],
  },
  {
    vendor: 'cisco_ios',
    usage: 'show interfaces switchport',
    patterns: [words('show interfaces switchport'), words('show interfaces <arg> switchport')],
    parse: (text) => parseCiscoShowInterfacesSwitchport(text),
    tableColumns: [
      'interface',
      'adminMode',
      'operationalMode',
      'accessVlan',
      'voiceVlan',
      'trunkingVlans',
    ],
  },
  {
    vendor: 'cisco_ios',
    usage: 'show running-config interface <interface>',
    patterns: [words('show running-config interface <arg>'), words('show running-config')],
    parse: (text) => parseCiscoRunningConfigInterface(text),
    tableColumns: [
      'interfaceName',
      'description',
      'switchportMode',
      'accessVlan',
      'voiceVlan',
      'shutdown',
    ],
  },
  {
    vendor: 'cisco_ios',
    usage: 'show lldp neighbors detail',
    patterns: [words('show lldp neighbors detail'), words('show lldp neighbors <arg> detail')],
    parse: (text) => parseCiscoShowLldpNeighborsDetail(text),
    tableColumns: [
      'localInterface',
      'systemName',
      'model',
      'chassisId',
      'portId',
      'enabledCapabilities',
      'voicePolicyVlan',
    ],
  },
  {
    vendor: 'cisco_ios',
    usage: 'show cdp neighbors detail',
    patterns: [words('show cdp neighbors detail'), words('show cdp neighbors <arg> detail')],
    parse: (text) => parseCiscoShowCdpNeighborsDetail(text),
    tableColumns: ['deviceId', 'localInterface', 'portId', 'platform', 'capabilities', 'ipAddress'],
  },
  {
    vendor: 'cisco_ios',
    usage: 'show power inline',
    patterns: [words('show power inline <rest>')],
    parse: (text) => parseCiscoShowPowerInline(text),
    tableColumns: ['interface', 'admin', 'oper', 'power', 'device', 'class', 'max'],
  },
  {
    vendor: 'cisco_ios',
    usage: 'show mac address-table',
    patterns: [words('show mac address-table <rest>'), words('show mac-address-table <rest>')],
    parse: (text) => parseCiscoShowMacAddressTable(text),
    tableColumns: ['vlan', 'macAddress', 'type', 'ports'],
  },
  {
    vendor: 'aruba_aoss',
    usage: 'show system',
    patterns: [words('show system')],
    parse: (text) => parseArubaShowSystem(text),
    tableColumns: [
      'systemName',
      'softwareRevision',
      'serialNumber',
      'macAddress',
      'upTime',
      'vsfMember',
    ],
  },
  {
    vendor: 'aruba_aoss',
    usage: 'show interfaces brief',
    patterns: [words('show interfaces brief <rest>')],
    parse: (text) => parseArubaShowInterfacesBrief(text),
    tableColumns: ['port', 'type', 'enabled', 'status', 'mode', 'mdiMode', 'flowControl'],
  },
  {
    vendor: 'aruba_aoss',
    usage: 'show vlans',
    patterns: [words('show vlans')],
    parse: (text) => parseArubaShowVlans(text),
    tableColumns: ['vlanId', 'name', 'status', 'voice', 'jumbo'],
  },
  {
    vendor: 'aruba_aoss',
    usage: 'show lldp info remote-device [<ports>]',
    patterns: [words('show lldp info remote-device <rest>')],
    parse: (text, argument) =>
      argument !== undefined || /^\s*Local Port\s+:/m.test(text)
        ? parseArubaShowLldpRemoteDetail(text)
        : parseArubaShowLldpRemoteList(text),
    tableColumns: ['localPort', 'chassisId', 'portId', 'portDescr', 'sysName'],
  },
  {
    vendor: 'aruba_aoss',
    usage: 'show mac-address [<port> | vlan <vlan>]',
    patterns: [words('show mac-address <rest>')],
    parse: (text) => parseArubaShowMacAddress(text),
    tableColumns: ['macAddress', 'port', 'vlan'],
  },
  {
    vendor: 'aruba_aoss',
    usage: 'show running-config interface <port>',
    patterns: [
      words('show running-config interface <arg>'),
      words('show running-config'),
      words('show running-config vlan <arg>'),
    ],
    parse: (text, argument) => parseArubaRunningConfig(text, argument),
    tableColumns: ['interfaceName', 'description', 'accessVlan', 'taggedVlans', 'shutdown'],
  },
  {
    vendor: 'aruba_aoss',
    usage: 'show power-over-ethernet [brief | <ports>]',
    patterns: [words('show power-over-ethernet <rest>')],
    parse: (text) => parseArubaShowPowerOverEthernet(text),
    tableColumns: [
      'port',
      'powerEnable',
      'priority',
      'actualPower',
      'detectionStatus',
      'powerClass',
    ],
  },
];

export interface ResolvedCommand {
  command: ShowCommand;
  /** The `<arg>` the person typed (`Gi1/0/5`), or the `<rest>` words joined; undefined when none. */
  argument: string | undefined;
}

export type CommandResolution =
  { ok: true; resolved: ResolvedCommand } | { ok: false; message: string };

function matchPattern(pattern: string[], typed: string[]): { argument: string | undefined } | null {
  let argument: string | undefined;
  for (const [index, word] of pattern.entries()) {
    if (word === '<rest>') {
      const rest = typed.slice(index);
      return { argument: rest.length > 0 ? rest.join(' ') : argument };
    }
    const typedWord = typed[index];
    if (typedWord === undefined) return null;
    if (word === '<arg>') {
      argument = typedWord;
      continue;
    }
    if (!word.startsWith(typedWord.toLowerCase())) return null;
  }
  return typed.length === pattern.length ? { argument } : null;
}

/** Finds the parser for a command as a person types it; abbreviations as the switch allows. */
export function resolveShowCommand(vendor: SwitchVendor, command: string): CommandResolution {
  const typed = String(command ?? '')
    .trim()
    .split(/\s+/)
    .filter(Boolean);
  const candidates = SHOW_COMMANDS.filter((entry) => entry.vendor === vendor);
  if (candidates.length === 0)
    return { ok: false, message: `unknown switch vendor ${JSON.stringify(vendor)}` };
  const matches: ResolvedCommand[] = [];
  for (const entry of candidates) {
    for (const pattern of entry.patterns) {
      const match = matchPattern(pattern, typed);
      if (match && !matches.some((found) => found.command === entry)) {
        matches.push({ command: entry, argument: match.argument });
      }
    }
  }
  const supported = candidates.map((entry) => entry.usage).join('; ');
  if (matches.length === 0) {
    return {
      ok: false,
      message: `no parser for ${JSON.stringify(command)} on ${vendor}; supported: ${supported}`,
    };
  }
  if (matches.length > 1) {
    const names = matches.map((match) => match.command.usage).join(', ');
    return {
      ok: false,
      message: `${JSON.stringify(command)} is ambiguous on ${vendor}: it could be ${names}`,
    };
  }
  return { ok: true, resolved: matches[0]! };
}
