import { rulerTables, splitRow } from './fixed-width-table';
import { parsed, parseFailure, parseSafely, type ParseResult } from './parse-result';
import { readShowOutput } from './show-output-lines';
import { vlanNumber } from './vlan-list';

/** One VLAN of Aruba `show vlans`. */
export interface ArubaVlan {
  vlanId: string;
  vlanNumber: number | null;
  name: string;
  /** `Port-based`, `Protocol`, … */
  status: string;
  /** `Yes` when the VLAN is a voice VLAN. */
  voice: string;
  isVoice: boolean;
  /** '' on firmware without the Jumbo column. */
  jumbo: string;
}

function parseVlansText(text: string): ParseResult<ArubaVlan> {
  const output = readShowOutput(text, 'show vlans');
  if (!output.ok) return output.failure;
  const table = rulerTables(output.lines).find((candidate) =>
    /vlan id/i.test(candidate.spans[0]?.title ?? ''),
  );
  if (!table) {
    if (output.lines.every((line) => line.trim() === '')) return parsed([], output.warnings);
    return parseFailure('show vlans: no "VLAN ID Name | Status Voice" table in the output');
  }
  const spans = table.spans;
  const titled = (pattern: RegExp) =>
    spans.findIndex((span, index) => index > 0 && pattern.test(span.title));
  const column = {
    name: titled(/^name$/i),
    status: titled(/^status$/i),
    voice: titled(/^voice$/i),
    jumbo: titled(/^jumbo$/i),
  };
  const records: ArubaVlan[] = [];
  for (const row of table.rows) {
    const cells = splitRow(row.text, spans);
    const cell = (index: number) => (index >= 0 ? (cells[index] ?? '').trim() : '');
    const id = cell(0);
    if (!/^\d+$/.test(id)) continue;
    const voice = cell(column.voice);
    records.push({
      vlanId: id,
      vlanNumber: vlanNumber(id),
      name: cell(column.name),
      status: cell(column.status),
      voice,
      isVoice: /^yes$/i.test(voice),
      jumbo: cell(column.jumbo),
    });
  }
  return parsed(records, output.warnings);
}

export function parseArubaShowVlans(text: string): ParseResult<ArubaVlan> {
  return parseSafely('show vlans', text, parseVlansText);
}
