import { normalizeArubaPortName } from './aruba-port-name';
import { rulerTables, splitRow } from './fixed-width-table';
import { normalizeMac } from './mac-address';
import { parsed, parseFailure, parseSafely, type ParseResult } from './parse-result';
import { readShowOutput } from './show-output-lines';
import { vlanNumber } from './vlan-list';

/** One entry of Aruba `show mac-address` (all ports, one port, or one VLAN). */
export interface ArubaMacAddressEntry {
  /** As printed: `500000-b70008`. */
  macAddress: string;
  macNormalized: string;
  /** As printed; '' when the output is for one port and the port is only in the title. */
  port: string;
  portNormalized: string;
  /** As printed; '' when the table has no VLAN column (`show mac-address vlan N` has it in the title). */
  vlan: string;
  vlanId: number | null;
}

function parseMacText(text: string): ParseResult<ArubaMacAddressEntry> {
  const output = readShowOutput(text, 'show mac-address');
  if (!output.ok) return output.failure;
  const table = rulerTables(output.lines).find((candidate) =>
    /mac address/i.test(candidate.spans[0]?.title ?? ''),
  );
  if (!table) {
    if (output.lines.every((line) => line.trim() === '')) return parsed([], output.warnings);
    return parseFailure('show mac-address: no "MAC Address Port VLAN" table in the output');
  }
  // `show mac-address 25` names the port in the title; `show mac-address vlan 50` the VLAN.
  const title = output.lines.find((line) => /Address Table/i.test(line)) ?? '';
  const titlePort = /Address Table\s*-\s*(?:Port\s+)?(\S+)\s*$/i.exec(title)?.[1] ?? '';
  const titleVlan = /VLAN\s+(\d+)/i.exec(title)?.[1] ?? '';
  const spans = table.spans;
  const titled = (pattern: RegExp) =>
    spans.findIndex((span, index) => index > 0 && pattern.test(span.title));
  const column = { port: titled(/port/i), vlan: titled(/vlan/i) };
  const records: ArubaMacAddressEntry[] = [];
  const warnings = [...output.warnings];
  for (const row of table.rows) {
    const cells = splitRow(row.text, spans);
    const cell = (index: number) => (index >= 0 ? (cells[index] ?? '').trim() : '');
    const mac = normalizeMac(cell(0));
    if (!mac) {
      warnings.push(`line ${row.index + 1}: not a MAC entry: ${row.text.trim()}`);
      continue;
    }
    const port = column.port >= 0 ? cell(column.port) : titleVlan ? '' : titlePort;
    const vlan = column.vlan >= 0 ? cell(column.vlan) : titleVlan;
    records.push({
      macAddress: cell(0),
      macNormalized: mac,
      port,
      portNormalized: normalizeArubaPortName(port),
      vlan,
      vlanId: vlanNumber(vlan),
    });
  }
  return parsed(records, warnings);
}

export function parseArubaShowMacAddress(text: string): ParseResult<ArubaMacAddressEntry> {
  return parseSafely('show mac-address', text, parseMacText);
}
