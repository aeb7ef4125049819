import { looksLikeCiscoInterface, normalizeCiscoInterfaceName } from './cisco-interface-name';
import { rulerTables, splitRow, type RulerTable } from './fixed-width-table';
import { parsed, parseFailure, parseSafely, type ParseResult } from './parse-result';
import { readShowOutput } from './show-output-lines';

/** One interface row of Cisco `show power inline`. */
export interface CiscoPowerInline {
  interface: string;
  interfaceNormalized: string;
  /** `auto`, `static`, `off` (configured `never`). */
  admin: string;
  /** `on`, `off`, `faulty`, `power-deny`, … */
  oper: string;
  /** Watts delivered to the device, as printed (`30.0`). */
  power: string;
  /** Watts drawn from the supply, on platforms that print both (Catalyst 4500); else ''. */
  powerFromSupply: string;
  powerWatts: number | null;
  /** `Ieee PD`, a Cisco model, `n/a`, or ''. */
  device: string;
  class: string;
  /** Maximum watts for the port, where the platform prints it. */
  max: string;
  priority: string;
  delivering: boolean;
}

function interfaceTable(tables: RulerTable[]): RulerTable | undefined {
  return tables.find((table) => /^interface\b/i.test(table.spans[0]?.title ?? ''));
}

function parsePowerInlineText(text: string): ParseResult<CiscoPowerInline> {
  const output = readShowOutput(text, 'show power inline');
  if (!output.ok) return output.failure;
  const warnings = [...output.warnings];
  if (output.lines.some((line) => /^\s*%\s*No inline power/i.test(line))) {
    return parsed([], [...warnings, 'the switch has no inline power (PoE) hardware']);
  }
  const table = interfaceTable(rulerTables(output.lines));
  if (!table) {
    if (output.lines.every((line) => line.trim() === '')) return parsed([], warnings);
    return parseFailure('show power inline: no "Interface Admin Oper …" table in the output');
  }
  const { spans } = table;
  // Headers are not always over their columns (6880-X prints `Interface Admin` over one ruler
  // run), so columns are found by words in their titles, never in the interface column.
  const titled = (pattern: RegExp) =>
    spans.findIndex((span, index) => index > 0 && pattern.test(span.title));
  const column = {
    admin: titled(/\badmin\b/i),
    priority: titled(/\bpriority\b/i),
    oper: titled(/\boper\b/i),
    fromSupply: titled(/\bfrom ps\b/i),
    toDevice: titled(/\bto (device|pd)\b/i),
    power: titled(/\bpower\b/i),
    device: titled(/^device$/i),
    class: titled(/^class$/i),
    max: titled(/^max\b/i),
  };
  const powerColumn = column.toDevice >= 0 ? column.toDevice : column.power;
  const records: CiscoPowerInline[] = [];
  for (const row of table.rows) {
    const firstToken = row.text.trim().split(/\s+/)[0] ?? '';
    if (!looksLikeCiscoInterface(firstToken)) continue;
    const cells = splitRow(row.text, spans);
    const cell = (index: number) => (index >= 0 ? (cells[index] ?? '').trim() : '');
    const power = cell(powerColumn);
    const oper = cell(column.oper);
    records.push({
      interface: cell(0),
      interfaceNormalized: normalizeCiscoInterfaceName(cell(0)),
      admin: cell(column.admin),
      oper,
      power,
      powerFromSupply: column.toDevice >= 0 ? cell(column.fromSupply) : '',
      powerWatts: /^\d+(\.\d+)?$/.test(power) ? Number(power) : null,
      device: cell(column.device),
      class: cell(column.class),
      max: cell(column.max),
      priority: cell(column.priority),
      delivering: oper === 'on',
    });
  }
  return parsed(records, warnings);
}

export function parseCiscoShowPowerInline(text: string): ParseResult<CiscoPowerInline> {
  return parseSafely('show power inline', text, parsePowerInlineText);
}
