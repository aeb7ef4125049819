import { looksLikeCiscoInterface, normalizeCiscoInterfaceName } from './cisco-interface-name';
import { parsed, parseFailure, parseSafely, type ParseResult } from './parse-result';
import { readShowOutput } from './show-output-lines';
import { vlanNumber } from './vlan-list';

/** One row of Cisco `show interfaces status`. */
export interface CiscoInterfaceStatus {
  port: string;
  portNormalized: string;
  /** The description, cut to the 18 characters the table has room for. */
  name: string;
  /** `connected`, `notconnect`, `disabled`, `err-disabled`, … (without the `:` some releases add). */
  status: string;
  /** Extra words some releases print after the status (`TDR`). */
  statusDetail: string;
  /** `10`, `trunk`, `routed`, `unassigned`, or '' where the row has none. */
  vlan: string;
  vlanId: number | null;
  duplex: string;
  speed: string;
  type: string;
  /** Fibre Channel port mode on NX-OS-style rows (`fc2/1 is up    Port mode is NP`). */
  fcMode: string;
  linkUp: boolean;
  adminDown: boolean;
  errDisabled: boolean;
}

const STATUS_WORDS =
  'err-disabled|disabled|connected|notconnect|notconnected|inactive|up|down|monitoring|suspended|sfpAbsent|xcvrAbsent|noOperMem|channelDoxn|channelDown|linkFlapE|faulty';
const VLAN_VALUE = String.raw`\d+|trunk|routed|unassigned|f-path`;
const DUPLEX_VALUE = String.raw`(?:a-)?(?:full|half)|auto|unknown`;
const ROW = new RegExp(
  String.raw`^(\S+)(?:\s+(.*?))?\s+(${STATUS_WORDS})(?::(?:\s+(\S+))?)?\s+(${VLAN_VALUE})\s+(${DUPLEX_VALUE})\s+(\S+)(?:\s+(.*))?$`,
);
const FC_ROW = /^(fc\S+) is (up|down|trunking|\S+)\s*(?:Port mode is (\S+)|\(([^)]*)\))?/;
const HEADER = /^\s*Port\s+Name\s+Status\s+Vlan\s+Duplex\s+Speed\s+Type/;

function parseStatusText(text: string): ParseResult<CiscoInterfaceStatus> {
  const output = readShowOutput(text, 'show interfaces status');
  if (!output.ok) return output.failure;
  const records: CiscoInterfaceStatus[] = [];
  const warnings = [...output.warnings];
  let sawHeader = false;
  for (const [index, rawLine] of output.lines.entries()) {
    const line = rawLine.trim();
    if (line === '' || /^-+$/.test(line)) continue;
    if (HEADER.test(rawLine)) {
      sawHeader = true;
      continue;
    }
    const fc = FC_ROW.exec(line);
    if (fc) {
      records.push(row(fc[1] ?? '', '', fc[2] ?? '', '', '', '', '', fc[4] ?? '', fc[3] ?? ''));
      continue;
    }
    const match = ROW.exec(line);
    const firstToken = line.split(/\s+/)[0] ?? '';
    if (match && looksLikeCiscoInterface(firstToken)) {
      const [
        ,
        port = '',
        name = '',
        status = '',
        detail = '',
        vlan = '',
        duplex = '',
        speed = '',
        type = '',
      ] = match;
      records.push(row(port, name.trim(), status, detail, vlan, duplex, speed, type.trim(), ''));
      continue;
    }
    if (looksLikeCiscoInterface(firstToken)) {
      warnings.push(`line ${index + 1}: could not read the row for ${firstToken}: ${line}`);
      continue;
    }
    if (!sawHeader) continue;
    warnings.push(`line ${index + 1}: ignored: ${line}`);
  }
  if (!sawHeader && records.length === 0 && output.lines.some((line) => line.trim() !== '')) {
    return parseFailure(
      'show interfaces status: no "Port Name Status Vlan Duplex Speed Type" header and no interface rows',
    );
  }
  return parsed(records, warnings);
}

function row(
  port: string,
  name: string,
  status: string,
  statusDetail: string,
  vlan: string,
  duplex: string,
  speed: string,
  type: string,
  fcMode: string,
): CiscoInterfaceStatus {
  return {
    port,
    portNormalized: normalizeCiscoInterfaceName(port),
    name,
    status,
    statusDetail,
    vlan,
    vlanId: vlanNumber(vlan),
    duplex,
    speed,
    type,
    fcMode,
    linkUp: status === 'connected' || status === 'up' || status === 'monitoring',
    adminDown: status === 'disabled',
    errDisabled: status === 'err-disabled',
  };
}

export function parseCiscoShowInterfacesStatus(text: string): ParseResult<CiscoInterfaceStatus> {
  return parseSafely('show interfaces status', text, parseStatusText);
}
