import { normalizeCiscoInterfaceName } from './cisco-interface-name';
import { macFromCiscoPhoneName } from './mac-address';
import { parsed, parseFailure, parseSafely, type ParseResult } from './parse-result';
import { readShowOutput } from './show-output-lines';

/** One neighbour of Cisco `show cdp neighbors detail`. */
export interface CiscoCdpNeighbor {
  deviceId: string;
  /** A Cisco phone's MAC, from its device id `SEP<MAC>`, in the app's MAC form. */
  macNormalized: string | null;
  entryAddresses: string[];
  managementAddresses: string[];
  /** The first entry address, else the first management address; '' when neither. */
  ipAddress: string;
  platform: string;
  capabilities: string;
  isPhone: boolean;
  localInterface: string;
  localInterfaceNormalized: string;
  portId: string;
  holdtime: string;
  /** The whole version text; lines joined with `\n`. */
  version: string;
  advertisementVersion: string;
  vtpDomain: string;
  nativeVlan: string;
  duplex: string;
  /** `6.300 Watts` of `Power drawn: 6.300 Watts`, as printed. */
  powerDrawn: string;
}

function emptyNeighbor(deviceId: string): CiscoCdpNeighbor {
  return {
    deviceId,
    macNormalized: macFromCiscoPhoneName(deviceId),
    entryAddresses: [],
    managementAddresses: [],
    ipAddress: '',
    platform: '',
    capabilities: '',
    isPhone: false,
    localInterface: '',
    localInterfaceNormalized: '',
    portId: '',
    holdtime: '',
    version: '',
    advertisementVersion: '',
    vtpDomain: '',
    nativeVlan: '',
    duplex: '',
    powerDrawn: '',
  };
}

function parseCdpText(text: string): ParseResult<CiscoCdpNeighbor> {
  const output = readShowOutput(text, 'show cdp neighbors detail');
  if (!output.ok) return output.failure;
  if (output.lines.some((line) => /^\s*% ?CDP is not enabled/i.test(line))) {
    return parsed([], [...output.warnings, 'CDP is not enabled on the switch']);
  }
  const records: CiscoCdpNeighbor[] = [];
  let current: CiscoCdpNeighbor | null = null;
  let addressList: 'entry' | 'management' | null = null;
  let inVersion = false;
  for (const rawLine of output.lines) {
    const line = rawLine.trim();
    let match: RegExpExecArray | null;
    if ((match = /^Device ID:\s*(.*)$/.exec(line))) {
      current = emptyNeighbor(match[1] ?? '');
      records.push(current);
      addressList = null;
      inVersion = false;
      continue;
    }
    if (!current) continue;
    if (inVersion) {
      if (line === '') inVersion = false;
      else current.version = current.version ? `${current.version}\n${line}` : line;
      continue;
    }
    if (/^Entry address\(es\):/.test(line)) {
      addressList = 'entry';
      continue;
    }
    if (/^Management address\(es\):/.test(line)) {
      addressList = 'management';
      continue;
    }
    if (addressList && (match = /^IP(?:v6)? address:\s*(\S+)/i.exec(line))) {
      (addressList === 'entry' ? current.entryAddresses : current.managementAddresses).push(
        match[1] ?? '',
      );
      continue;
    }
    addressList = null;
    if ((match = /^Platform:\s*(.*?),\s*Capabilities:\s*(.*)$/.exec(line))) {
      current.platform = (match[1] ?? '').trim();
      current.capabilities = (match[2] ?? '').trim();
    } else if ((match = /^Interface:\s*(.*?),\s*Port ID \(outgoing port\):\s*(.*)$/.exec(line))) {
      current.localInterface = match[1] ?? '';
      current.localInterfaceNormalized = normalizeCiscoInterfaceName(current.localInterface);
      current.portId = (match[2] ?? '').trim();
    } else if ((match = /^Holdtime\s*:\s*(.*)$/.exec(line))) {
      current.holdtime = match[1] ?? '';
    } else if ((match = /^Version\s*:\s*(.*)$/.exec(line))) {
      inVersion = true;
      current.version = match[1] ?? '';
    } else if ((match = /^advertisement version:\s*(.*)$/.exec(line))) {
      current.advertisementVersion = match[1] ?? '';
    } else if ((match = /^VTP Management Domain:\s*'?(.*?)'?$/.exec(line))) {
      current.vtpDomain = match[1] ?? '';
    } else if ((match = /^Native VLAN:\s*(.*)$/.exec(line))) {
      current.nativeVlan = match[1] ?? '';
    } else if ((match = /^Duplex:\s*(.*)$/.exec(line))) {
      current.duplex = match[1] ?? '';
    } else if ((match = /^Power drawn:\s*(.*)$/.exec(line))) {
      current.powerDrawn = match[1] ?? '';
    }
  }
  for (const record of records) {
    record.ipAddress = record.entryAddresses[0] ?? record.managementAddresses[0] ?? '';
    record.isPhone = /\bPhone\b/.test(record.capabilities);
  }
  if (
    records.length === 0 &&
    output.lines.some((line) => line.trim() !== '' && !/^Total cdp entries/i.test(line.trim()))
  ) {
    return parseFailure(
      'show cdp neighbors detail: no "Device ID:" line, so no neighbour to report',
    );
  }
  return parsed(records, output.warnings);
}

export function parseCiscoShowCdpNeighborsDetail(text: string): ParseResult<CiscoCdpNeighbor> {
  return parseSafely('show cdp neighbors detail', text, parseCdpText);
}
