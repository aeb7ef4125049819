import { normalizeArubaPortName } from './aruba-port-name';
import { rulerTables, splitRow } from './fixed-width-table';
import { normalizeMac } from './mac-address';
import { parsed, parseFailure, parseSafely, type ParseResult } from './parse-result';
import { readShowOutput } from './show-output-lines';

/** One row of Aruba `show lldp info remote-device` (the list). */
export interface ArubaLldpRemoteSummary {
  localPort: string;
  localPortNormalized: string;
  chassisId: string;
  portId: string;
  /** The neighbour's MAC when its chassis id or port id is one, in the app's MAC form. */
  macNormalized: string | null;
  portDescr: string;
  /** Cut to the table's width, with `...`, as printed. */
  sysName: string;
}

function parseListText(text: string): ParseResult<ArubaLldpRemoteSummary> {
  const output = readShowOutput(text, 'show lldp info remote-device');
  if (!output.ok) return output.failure;
  const table = rulerTables(output.lines).find((candidate) =>
    /localport/i.test(candidate.spans[0]?.title ?? ''),
  );
  if (!table) {
    if (
      output.lines.every(
        (line) => line.trim() === '' || /LLDP Remote Devices? Information/i.test(line),
      )
    ) {
      return parsed([], output.warnings);
    }
    return parseFailure(
      'show lldp info remote-device: no "LocalPort | ChassisId PortId PortDescr SysName" table',
    );
  }
  const spans = table.spans;
  const titled = (pattern: RegExp) =>
    spans.findIndex((span, index) => index > 0 && pattern.test(span.title));
  const column = {
    chassis: titled(/chassisid/i),
    port: titled(/^portid$/i),
    descr: titled(/portdescr/i),
    name: titled(/sysname/i),
  };
  const records: ArubaLldpRemoteSummary[] = [];
  for (const row of table.rows) {
    const cells = splitRow(row.text, spans);
    const cell = (index: number) => (index >= 0 ? (cells[index] ?? '').trim() : '');
    const localPort = cell(0);
    if (!/\d/.test(localPort)) continue;
    const chassisId = cell(column.chassis);
    const portId = cell(column.port);
    records.push({
      localPort,
      localPortNormalized: normalizeArubaPortName(localPort),
      chassisId,
      portId,
      macNormalized: normalizeMac(chassisId) ?? normalizeMac(portId),
      portDescr: cell(column.descr),
      sysName: cell(column.name),
    });
  }
  return parsed(records, output.warnings);
}

export function parseArubaShowLldpRemoteList(text: string): ParseResult<ArubaLldpRemoteSummary> {
  return parseSafely('show lldp info remote-device', text, parseListText);
}
