import { normalizeCiscoInterfaceName } from './cisco-interface-name';
import { macFromCiscoPhoneName, normalizeMac } from './mac-address';
import { parsed, parseFailure, parseSafely, type ParseResult } from './parse-result';
import { readShowOutput } from './show-output-lines';

/** One neighbour of Cisco `show lldp neighbors detail`. */
export interface CiscoLldpNeighbor {
  /** Our interface; '' on releases that do not print `Local Intf:`. */
  localInterface: string;
  localInterfaceNormalized: string;
  chassisId: string;
  portId: string;
  /** MAC of the neighbour when its chassis id or port id is one, in the app's MAC form. */
  macNormalized: string | null;
  portDescription: string;
  systemName: string;
  /** The whole system description; lines joined with `\n`. */
  systemDescription: string;
  timeRemaining: string;
  systemCapabilities: string;
  enabledCapabilities: string;
  /** Whether the neighbour says it is a telephone now (enabled capability `T`). */
  isTelephone: boolean;
  managementAddresses: string[];
  vlanId: string;
  powerPair: string;
  powerClass: string;
  powerDeviceType: string;
  powerSource: string;
  powerPriority: string;
  /** As printed: `25000 mW`. */
  powerRequested: string;
  powerAllocated: string;
  /** LLDP-MED inventory. */
  hardwareRevision: string;
  firmwareRevision: string;
  softwareRevision: string;
  serialNumber: string;
  manufacturer: string;
  model: string;
  deviceType: string;
  /** `VLAN 174, tagged, Layer-2 priority: 5, DSCP: 46` as printed. */
  voicePolicy: string;
  voicePolicyVlan: number | null;
  voicePolicyTagged: boolean | null;
  voiceSignalPolicy: string;
  /** `PD device, Power source: PSE, Power Priority: High, Wattage: 4.0` as printed. */
  medPower: string;
}

function emptyNeighbor(): CiscoLldpNeighbor {
  return {
    localInterface: '',
    localInterfaceNormalized: '',
    chassisId: '',
    portId: '',
    macNormalized: null,
    portDescription: '',
    systemName: '',
    systemDescription: '',
    timeRemaining: '',
    systemCapabilities: '',
    enabledCapabilities: '',
    isTelephone: false,
    managementAddresses: [],
    vlanId: '',
    powerPair: '',
    powerClass: '',
    powerDeviceType: '',
    powerSource: '',
    powerPriority: '',
    powerRequested: '',
    powerAllocated: '',
    hardwareRevision: '',
    firmwareRevision: '',
    softwareRevision: '',
    serialNumber: '',
    manufacturer: '',
    model: '',
    deviceType: '',
    voicePolicy: '',
    voicePolicyVlan: null,
    voicePolicyTagged: null,
    voiceSignalPolicy: '',
    medPower: '',
  };
}

type Field = keyof CiscoLldpNeighbor;
const SIMPLE_FIELDS: Record<string, Field> = {
  'Port id': 'portId',
  'Port Description': 'portDescription',
  'System Name': 'systemName',
  'Time remaining': 'timeRemaining',
  'System Capabilities': 'systemCapabilities',
  'Enabled Capabilities': 'enabledCapabilities',
  'Vlan ID': 'vlanId',
  'Power Pair': 'powerPair',
  'Power Class': 'powerClass',
  'Power Device Type': 'powerDeviceType',
  'Power Source': 'powerSource',
  'Power Priority': 'powerPriority',
  'Power Requested': 'powerRequested',
  'Power Allocated': 'powerAllocated',
  'H/W revision': 'hardwareRevision',
  'F/W revision': 'firmwareRevision',
  'S/W revision': 'softwareRevision',
  'Serial number': 'serialNumber',
  Manufacturer: 'manufacturer',
  Model: 'model',
  'Device type': 'deviceType',
  'Network Policy(Voice)': 'voicePolicy',
  'Network Policy(Voice Signal)': 'voiceSignalPolicy',
};

function parseLldpText(text: string): ParseResult<CiscoLldpNeighbor> {
  const output = readShowOutput(text, 'show lldp neighbors detail');
  if (!output.ok) return output.failure;
  const warnings = [...output.warnings];
  if (output.lines.some((line) => /^\s*% ?LLDP is not enabled/i.test(line))) {
    return parsed([], [...warnings, 'LLDP is not enabled on the switch (it needs `lldp run`)']);
  }
  const records: CiscoLldpNeighbor[] = [];
  let current: CiscoLldpNeighbor | null = null;
  let inDescription = false;
  let inManagement = false;
  const start = (): CiscoLldpNeighbor => {
    const neighbor = emptyNeighbor();
    records.push(neighbor);
    return neighbor;
  };
  for (const rawLine of output.lines) {
    const line = rawLine.trim();
    if (/^-{10,}$/.test(line)) {
      current = null;
      inDescription = false;
      inManagement = false;
      continue;
    }
    if (inDescription) {
      if (line === '') {
        inDescription = false;
      } else if (current) {
        current.systemDescription = current.systemDescription
          ? `${current.systemDescription}\n${line}`
          : line;
      }
      continue;
    }
    if (line === '' || /^Total entries displayed/i.test(line)) continue;
    let match: RegExpExecArray | null;
    if ((match = /^Local Intf:\s*(.*)$/.exec(line))) {
      if (!current || current.localInterface || current.chassisId) current = start();
      current.localInterface = match[1] ?? '';
      current.localInterfaceNormalized = normalizeCiscoInterfaceName(current.localInterface);
      continue;
    }
    if ((match = /^Chassis id:\s*(.*)$/.exec(line))) {
      if (!current || current.chassisId) current = start();
      current.chassisId = match[1] ?? '';
      continue;
    }
    if (!current) continue;
    if ((match = /^System Description:\s*(.*)$/.exec(line))) {
      inDescription = true;
      current.systemDescription = match[1] ?? '';
      continue;
    }
    if (/^Management Addresses:/.test(line)) {
      inManagement = true;
      continue;
    }
    if (inManagement && (match = /^(?:IP|IPV6):\s*(\S+)/i.exec(line))) {
      current.managementAddresses.push(match[1] ?? '');
      continue;
    }
    if (/^(?:OID:|[\d.]+\.$)/.test(line)) continue;
    inManagement = false;
    if (/^PD device,/.test(line)) {
      current.medPower = line;
      continue;
    }
    if (/^(.+?)\s*-\s*not advertised$/.test(line)) continue;
    if ((match = /^([^:]+?):\s*(.*)$/.exec(line))) {
      const field = SIMPLE_FIELDS[match[1] ?? ''];
      if (field) (current[field] as string) = match[2] ?? '';
    }
  }
  for (const record of records) {
    record.macNormalized =
      normalizeMac(record.chassisId) ??
      normalizeMac(record.portId) ??
      macFromCiscoPhoneName(record.portId) ??
      macFromCiscoPhoneName(record.systemName);
    record.isTelephone = record.enabledCapabilities.split(/[,\s]+/).includes('T');
    const policy = /VLAN (\d+)(?:,\s*(tagged|untagged))?/.exec(record.voicePolicy);
    record.voicePolicyVlan = policy ? Number(policy[1]) : null;
    record.voicePolicyTagged = policy?.[2] ? policy[2] === 'tagged' : null;
  }
  if (
    records.length === 0 &&
    output.lines.some((line) => line.trim() !== '' && !/^Total entries/i.test(line.trim()))
  ) {
    return parseFailure(
      'show lldp neighbors detail: no "Chassis id:" line, so no neighbour to report',
    );
  }
  return parsed(records, warnings);
}

export function parseCiscoShowLldpNeighborsDetail(text: string): ParseResult<CiscoLldpNeighbor> {
  return parseSafely('show lldp neighbors detail', text, parseLldpText);
}
