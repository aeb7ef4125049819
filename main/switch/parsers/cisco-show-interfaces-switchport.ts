import { normalizeCiscoInterfaceName } from './cisco-interface-name';
import { parsed, parseFailure, parseSafely, type ParseResult } from './parse-result';
import { readShowOutput } from './show-output-lines';
import { parseVlanList, vlanNumber } from './vlan-list';

/** One interface block of Cisco `show interfaces switchport`. */
export interface CiscoSwitchport {
  interface: string;
  interfaceNormalized: string;
  /** `Enabled` or `Disabled`. */
  switchport: string;
  /** Administrative mode as printed: `static access`, `trunk`, `dynamic auto`, … */
  adminMode: string;
  /** Operational mode as printed: `static access`, `trunk`, `down`, … */
  operationalMode: string;
  /** `On` or `Off`. */
  negotiation: string;
  /** `100` of `Access Mode VLAN: 100 (PLC1)`. */
  accessVlan: string;
  accessVlanName: string;
  nativeVlan: string;
  /** `200` of `Voice VLAN: 200 (Voice)`, or `none`. */
  voiceVlan: string;
  voiceVlanName: string;
  voiceVlanId: number | null;
  /** Trunk VLANs as printed, split at commas: `ALL` or `1`, `31-36`, … */
  trunkingVlans: string[];
  /** The trunk VLANs as numbers, or null when `ALL`/`none`. */
  trunkingVlanIds: number[] | null;
}

const VLAN_WITH_NAME = /^(\S+)(?:\s+\((.*)\))?$/;

function emptyRecord(name: string): CiscoSwitchport {
  return {
    interface: name,
    interfaceNormalized: normalizeCiscoInterfaceName(name),
    switchport: '',
    adminMode: '',
    operationalMode: '',
    negotiation: '',
    accessVlan: '',
    accessVlanName: '',
    nativeVlan: '',
    voiceVlan: '',
    voiceVlanName: '',
    voiceVlanId: null,
    trunkingVlans: [],
    trunkingVlanIds: null,
  };
}

function parseSwitchportText(text: string): ParseResult<CiscoSwitchport> {
  const output = readShowOutput(text, 'show interfaces switchport');
  if (!output.ok) return output.failure;
  const records: CiscoSwitchport[] = [];
  let current: CiscoSwitchport | null = null;
  let readingTrunkVlans = false;
  for (const [index, rawLine] of output.lines.entries()) {
    const line = rawLine.trim();
    // The trunk VLAN list wraps onto indented lines that continue after a trailing comma.
    if (readingTrunkVlans && current && /^\d[\d,\s-]*$/.test(line) && /^\s/.test(rawLine)) {
      current.trunkingVlans.push(
        ...line
          .split(',')
          .map((part) => part.trim())
          .filter(Boolean),
      );
      continue;
    }
    readingTrunkVlans = false;
    const field = /^([^:]+):\s*(.*)$/.exec(line);
    if (!field) continue;
    const [, key = '', value = ''] = field;
    if (key === 'Name') {
      current = emptyRecord(value.trim());
      records.push(current);
      continue;
    }
    if (!current) {
      return parseFailure(
        `show interfaces switchport: "${key}" comes before any "Name:" line`,
        index + 1,
      );
    }
    const vlanWithName = VLAN_WITH_NAME.exec(value.trim());
    switch (key) {
      case 'Switchport':
        current.switchport = value;
        break;
      case 'Administrative Mode':
        current.adminMode = value;
        break;
      case 'Operational Mode':
        current.operationalMode = value;
        break;
      case 'Negotiation of Trunking':
        current.negotiation = value;
        break;
      case 'Access Mode VLAN':
        current.accessVlan = vlanWithName?.[1] ?? value;
        current.accessVlanName = vlanWithName?.[2] ?? '';
        break;
      case 'Trunking Native Mode VLAN':
        current.nativeVlan = vlanWithName?.[1] ?? value;
        break;
      case 'Voice VLAN':
        current.voiceVlan = vlanWithName?.[1] ?? value;
        current.voiceVlanName = vlanWithName?.[2] ?? '';
        current.voiceVlanId = vlanNumber(current.voiceVlan);
        break;
      case 'Trunking VLANs Enabled':
        current.trunkingVlans = value
          .split(',')
          .map((part) => part.trim())
          .filter(Boolean);
        readingTrunkVlans = value.trim().endsWith(',');
        break;
      default:
        break;
    }
  }
  for (const record of records) {
    const joined = record.trunkingVlans.join(',');
    record.trunkingVlanIds = /^(ALL|none)$/i.test(joined) ? null : parseVlanList(joined);
  }
  if (records.length === 0 && output.lines.some((line) => line.trim() !== '')) {
    return parseFailure('show interfaces switchport: no "Name:" line, so no interface to report');
  }
  return parsed(records, output.warnings);
}

export function parseCiscoShowInterfacesSwitchport(text: string): ParseResult<CiscoSwitchport> {
  return parseSafely('show interfaces switchport', text, parseSwitchportText);
}
