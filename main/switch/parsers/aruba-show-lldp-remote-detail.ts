import { normalizeArubaPortName } from './aruba-port-name';
import { keyValuePairs } from './key-value-pairs';
import { normalizeMac } from './mac-address';
import { parsed, parseFailure, parseSafely, type ParseResult } from './parse-result';
import { readShowOutput } from './show-output-lines';

/** One neighbour of Aruba `show lldp info remote-device <ports>` (the detail). */
export interface ArubaLldpRemoteDetail {
  localPort: string;
  localPortNormalized: string;
  chassisType: string;
  chassisId: string;
  portType: string;
  portId: string;
  /** The neighbour's MAC when its chassis id or port id is one, in the app's MAC form. */
  macNormalized: string | null;
  sysName: string;
  systemDescr: string;
  portDescr: string;
  pvid: string;
  capabilitiesSupported: string;
  capabilitiesEnabled: string;
  isTelephone: boolean;
  managementAddresses: string[];
  /** LLDP-MED (`MED Information Detail`), as printed. */
  medEndpointClass: string;
  medPolicyVlanId: string;
  medPolicyPriority: string;
  medPolicyDscp: string;
  medPolicyTagged: string;
  medPoeDeviceType: string;
  medPowerRequested: string;
  medPowerSource: string;
  medPowerPriority: string;
  /** 802.3at (`Poe Plus Information Detail`), as printed. */
  poePlusDeviceType: string;
  poePlusPowerSource: string;
  poePlusPowerPriority: string;
  poePlusRequestedPower: string;
  poePlusAllocatedPower: string;
}

type Field = keyof ArubaLldpRemoteDetail;
type Section = 'main' | 'med' | 'poePlus' | 'management';
const FIELDS: Record<Section, Record<string, Field>> = {
  main: {
    'Local Port': 'localPort',
    ChassisType: 'chassisType',
    ChassisId: 'chassisId',
    PortType: 'portType',
    PortId: 'portId',
    SysName: 'sysName',
    'System Descr': 'systemDescr',
    PortDescr: 'portDescr',
    Pvid: 'pvid',
    'System Capabilities Supported': 'capabilitiesSupported',
    'System Capabilities Enabled': 'capabilitiesEnabled',
  },
  med: {
    EndpointClass: 'medEndpointClass',
    'Media Policy Vlan id': 'medPolicyVlanId',
    'Media Policy Priority': 'medPolicyPriority',
    'Media Policy Dscp': 'medPolicyDscp',
    'Media Policy Tagged': 'medPolicyTagged',
    'Poe Device Type': 'medPoeDeviceType',
    'Power Requested': 'medPowerRequested',
    'Power Source': 'medPowerSource',
    'Power Priority': 'medPowerPriority',
  },
  poePlus: {
    'Poe Device Type': 'poePlusDeviceType',
    'Power Source': 'poePlusPowerSource',
    'Power Priority': 'poePlusPowerPriority',
    'PD Requested Power Value': 'poePlusRequestedPower',
    'PSE Allocated Power Value': 'poePlusAllocatedPower',
  },
  management: {},
};

function emptyDetail(): ArubaLldpRemoteDetail {
  const record = Object.fromEntries(
    Object.values(FIELDS).flatMap((fields) => Object.values(fields).map((field) => [field, ''])),
  ) as unknown as ArubaLldpRemoteDetail;
  return {
    ...record,
    localPortNormalized: '',
    macNormalized: null,
    isTelephone: false,
    managementAddresses: [],
  };
}

function parseDetailText(text: string): ParseResult<ArubaLldpRemoteDetail> {
  const output = readShowOutput(text, 'show lldp info remote-device <port>');
  if (!output.ok) return output.failure;
  const records: ArubaLldpRemoteDetail[] = [];
  let current: ArubaLldpRemoteDetail | null = null;
  let section: Section = 'main';
  for (const line of output.lines) {
    const trimmed = line.trim();
    if (/^-{10,}$/.test(trimmed)) {
      current = null;
      continue;
    }
    if (/^MED Information Detail/i.test(trimmed)) section = 'med';
    else if (/^Poe Plus Information Detail/i.test(trimmed)) section = 'poePlus';
    else if (/^Remote Management Address/i.test(trimmed)) section = 'management';
    for (const { key, value } of keyValuePairs(line)) {
      if (key === 'Local Port') {
        current = emptyDetail();
        records.push(current);
        section = 'main';
      }
      if (!current) continue;
      if (section === 'management' && key === 'Address') {
        current.managementAddresses.push(value);
        continue;
      }
      const field = FIELDS[section][key] ?? FIELDS.main[key];
      if (field) (current[field] as string) = value;
    }
  }
  for (const record of records) {
    record.localPortNormalized = normalizeArubaPortName(record.localPort);
    record.macNormalized = normalizeMac(record.chassisId) ?? normalizeMac(record.portId);
    record.isTelephone = /\btelephone\b/i.test(record.capabilitiesEnabled);
  }
  if (
    records.length === 0 &&
    output.lines.some((line) => line.trim() !== '' && !/LLDP Remote Device/i.test(line))
  ) {
    return parseFailure(
      'show lldp info remote-device <port>: no "Local Port :" line, so no neighbour to report',
    );
  }
  return parsed(records, output.warnings);
}

export function parseArubaShowLldpRemoteDetail(text: string): ParseResult<ArubaLldpRemoteDetail> {
  return parseSafely('show lldp info remote-device <port>', text, parseDetailText);
}
