import { normalizeCiscoInterfaceName } from './cisco-interface-name';
import { CISCO_MAC_TOKEN, normalizeMac } from './mac-address';
import { parsed, parseFailure, parseSafely, type ParseResult } from './parse-result';
import { readShowOutput } from './show-output-lines';
import { vlanNumber } from './vlan-list';

/** One entry of Cisco `show mac address-table` (or the older `show mac-address-table`). */
export interface CiscoMacAddressEntry {
  /** As printed: `10`, `All`. */
  vlan: string;
  vlanId: number | null;
  macAddress: string;
  macNormalized: string;
  /** As printed: `DYNAMIC`, `dynamic`, `STATIC`, `system`, … */
  type: string;
  dynamic: boolean;
  /** Ports as printed (`Gi1/0/5`, `CPU`, `Port-channel15`); a multicast entry lists several. */
  ports: string[];
  portsNormalized: string[];
  /** `unicast` or `multicast` when the table has those sections (Catalyst 6500); else null. */
  section: 'unicast' | 'multicast' | null;
  learn: string;
  age: string;
  protocols: string;
}

type Column = 'vlan' | 'mac' | 'type' | 'protocols' | 'learn' | 'age' | 'secure' | 'ntfy' | 'ports';

/** Column order, from the header line; the ports column is always last and takes the rest. */
function columnsFromHeader(header: string): Column[] | null {
  const lower = header.toLowerCase();
  const found: Array<[number, Column]> = [];
  const add = (pattern: RegExp, column: Column) => {
    const match = pattern.exec(lower);
    if (match) found.push([match.index, column]);
  };
  add(/\bvlan\b/, 'vlan');
  add(/\b(?:mac address|destination address)\b/, 'mac');
  add(/\b(?:address )?type\b/, 'type');
  add(/\bprotocols\b/, 'protocols');
  add(/\blearn\b/, 'learn');
  add(/\bage\b/, 'age');
  add(/\bsecure\b/, 'secure');
  add(/\bntfy\b/, 'ntfy');
  add(/\b(?:destination )?ports?\b/, 'ports');
  const columns = found.sort((a, b) => a[0] - b[0]).map(([, column]) => column);
  if (!columns.includes('mac') || !columns.includes('vlan') || columns.at(-1) !== 'ports')
    return null;
  return columns;
}

const DEFAULT_COLUMNS: Column[] = ['vlan', 'mac', 'type', 'ports'];
const OLD_COLUMNS: Column[] = ['mac', 'type', 'vlan', 'ports'];

function splitPorts(text: string): string[] {
  return text
    .split(/[,\s]+/)
    .map((port) => port.trim())
    .filter(Boolean);
}

function parseMacTableText(text: string): ParseResult<CiscoMacAddressEntry> {
  const output = readShowOutput(text, 'show mac address-table');
  if (!output.ok) return output.failure;
  const records: CiscoMacAddressEntry[] = [];
  const warnings = [...output.warnings];
  let columns: Column[] | null = null;
  let section: CiscoMacAddressEntry['section'] = null;
  let previous: CiscoMacAddressEntry | null = null;
  for (const [index, rawLine] of output.lines.entries()) {
    const line = rawLine.trim();
    if (/^Unicast Entries/i.test(line)) section = 'unicast';
    if (/^Multicast Entries/i.test(line)) section = 'multicast';
    const header = columnsFromHeader(line);
    if (header && !CISCO_MAC_TOKEN.test(line)) {
      columns = header;
      previous = null;
      continue;
    }
    if (!CISCO_MAC_TOKEN.test(line)) {
      // A multicast entry's port list wraps onto indented lines of ports only.
      if (previous && /^\s{8,}\S/.test(rawLine) && /^[\w/.,-]+(?:,[\w/.-]+)*,?$/.test(line)) {
        for (const port of splitPorts(line)) previous.ports.push(port);
        previous.portsNormalized = previous.ports.map(normalizeCiscoInterfaceName);
        continue;
      }
      previous = null;
      continue;
    }
    // Leading markers: `*` primary entry (6500), `G`/`+`/`~`/`R`/`O` on newer platforms.
    const body = line.replace(/^[*+~GRO]\s+/, '');
    const tokens = body.split(/\s+/);
    const firstIsMac = CISCO_MAC_TOKEN.test(tokens[0] ?? '') && tokens[0]!.length === 14;
    const order = columns ?? (firstIsMac ? OLD_COLUMNS : DEFAULT_COLUMNS);
    if (tokens.length < order.length) {
      warnings.push(`line ${index + 1}: too few columns for a MAC entry: ${line}`);
      continue;
    }
    const value: Partial<Record<Column, string>> = {};
    order.forEach((column, position) => {
      value[column] =
        position === order.length - 1 ? tokens.slice(position).join(' ') : (tokens[position] ?? '');
    });
    const mac = normalizeMac(value.mac ?? '');
    if (!mac) {
      warnings.push(`line ${index + 1}: the MAC column does not hold a MAC address: ${line}`);
      continue;
    }
    const ports = splitPorts(value.ports ?? '');
    const entry: CiscoMacAddressEntry = {
      vlan: value.vlan ?? '',
      vlanId: vlanNumber(value.vlan ?? ''),
      macAddress: value.mac ?? '',
      macNormalized: mac,
      type: value.type ?? '',
      dynamic: /dynamic/i.test(value.type ?? ''),
      ports,
      portsNormalized: ports.map(normalizeCiscoInterfaceName),
      section,
      learn: value.learn ?? '',
      age: value.age ?? '',
      protocols: value.protocols ?? '',
    };
    records.push(entry);
    previous = entry;
  }
  if (records.length === 0 && !columns && output.lines.some((line) => line.trim() !== '')) {
    return parseFailure(
      'show mac address-table: no "Vlan Mac Address Type Ports" header and no MAC entries',
    );
  }
  return parsed(records, warnings);
}

export function parseCiscoShowMacAddressTable(text: string): ParseResult<CiscoMacAddressEntry> {
  return parseSafely('show mac address-table', text, parseMacTableText);
}
