import { keyValuePairs } from './key-value-pairs';
import { normalizeMac } from './mac-address';
import { parsed, parseFailure, parseSafely, type ParseResult } from './parse-result';
import { readShowOutput } from './show-output-lines';

/** Aruba AOS-S `show system`: one record, or one per member of a VSF stack. */
export interface ArubaSystem {
  systemName: string;
  systemContact: string;
  systemLocation: string;
  macAgeTime: string;
  timeZone: string;
  daylightTimeRule: string;
  softwareRevision: string;
  romVersion: string;
  baseMacAddress: string;
  /** The member's MAC in a VSF stack, else the base MAC; as printed (`7446a0-41a56f`). */
  macAddress: string;
  macNormalized: string | null;
  serialNumber: string;
  allowV1Modules: string;
  upTime: string;
  cpuUtilPercent: string;
  memoryTotal: string;
  memoryFree: string;
  packetsRx: string;
  packetsTx: string;
  packetBuffersTotal: string;
  packetBuffersFree: string;
  packetBuffersLowest: string;
  packetBuffersMissed: string;
  /** VSF member number; '' when the switch is not a VSF stack. */
  vsfMember: string;
}

type Field = keyof ArubaSystem;
const FIELDS: Record<string, Field> = {
  'System Name': 'systemName',
  'System Contact': 'systemContact',
  'System Location': 'systemLocation',
  'MAC Age Time (sec)': 'macAgeTime',
  'Time Zone': 'timeZone',
  'Daylight Time Rule': 'daylightTimeRule',
  'Software revision': 'softwareRevision',
  'ROM Version': 'romVersion',
  'Base MAC Addr': 'baseMacAddress',
  'MAC Addr': 'macAddress',
  'Serial Number': 'serialNumber',
  'Allow V1 Modules': 'allowV1Modules',
  'Up Time': 'upTime',
  'CPU Util (%)': 'cpuUtilPercent',
  'Memory - Total': 'memoryTotal',
  Free: 'memoryFree',
  'IP Mgmt - Pkts Rx': 'packetsRx',
  'Pkts Tx': 'packetsTx',
  'Packet - Total': 'packetBuffersTotal',
  'Buffers Free': 'packetBuffersFree',
  Lowest: 'packetBuffersLowest',
  Missed: 'packetBuffersMissed',
};

function emptySystem(): ArubaSystem {
  return Object.fromEntries(
    [...Object.values(FIELDS), 'macNormalized', 'vsfMember'].map((field) => [field, '']),
  ) as unknown as ArubaSystem;
}

function parseSystemText(text: string): ParseResult<ArubaSystem> {
  const output = readShowOutput(text, 'show system');
  if (!output.ok) return output.failure;
  const shared = emptySystem();
  const members: ArubaSystem[] = [];
  let target = shared;
  for (const line of output.lines) {
    const member = /^\s*VSF-Member\s*:\s*(\d+)/.exec(line);
    if (member) {
      target = { ...emptySystem(), vsfMember: member[1] ?? '' };
      members.push(target);
      continue;
    }
    for (const { key, value } of keyValuePairs(line)) {
      const field = FIELDS[key];
      if (field) (target[field] as string) = value;
    }
  }
  if (!shared.systemName && !shared.softwareRevision && members.length === 0) {
    return parseFailure(
      'show system: no "System Name" or "Software revision" line; this is not Aruba show system output',
    );
  }
  const records = (members.length > 0 ? members : [shared]).map((member) => {
    const record: ArubaSystem = { ...member };
    for (const field of Object.keys(record) as Field[]) {
      if (record[field] === '' && shared[field] !== '')
        (record[field] as string) = shared[field] as string;
    }
    if (!record.macAddress) record.macAddress = record.baseMacAddress;
    record.macNormalized = normalizeMac(record.macAddress);
    return record;
  });
  return parsed(records, output.warnings);
}

export function parseArubaShowSystem(text: string): ParseResult<ArubaSystem> {
  return parseSafely('show system', text, parseSystemText);
}
