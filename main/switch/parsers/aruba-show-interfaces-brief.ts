import { normalizeArubaPortName } from './aruba-port-name';
import { rulerTables, splitRow } from './fixed-width-table';
import { parsed, parseFailure, parseSafely, type ParseResult } from './parse-result';
import { readShowOutput } from './show-output-lines';

/** One port of Aruba `show interfaces brief`. */
export interface ArubaInterfaceBrief {
  /** As printed: `5`, `A1`, `1/28-Trk1` (a trunk member shows its trunk). */
  port: string;
  portNormalized: string;
  type: string;
  intrusionAlert: string;
  /** `Yes`, or `No` when the port is disabled. */
  enabled: string;
  /** `Up` or `Down`. */
  status: string;
  mode: string;
  mdiMode: string;
  flowControl: string;
  /** '' on firmware without the `Bcast Limit` column. */
  broadcastLimit: string;
  linkUp: boolean;
  adminDown: boolean;
}

function parseBriefText(text: string): ParseResult<ArubaInterfaceBrief> {
  const output = readShowOutput(text, 'show interfaces brief');
  if (!output.ok) return output.failure;
  const table = rulerTables(output.lines).find((candidate) =>
    /^port$/i.test(candidate.spans[0]?.title ?? ''),
  );
  if (!table) {
    if (output.lines.every((line) => line.trim() === '')) return parsed([], output.warnings);
    return parseFailure(
      'show interfaces brief: no "Port Type | Alert Enabled Status Mode" table in the output',
    );
  }
  const spans = table.spans;
  const titled = (pattern: RegExp) =>
    spans.findIndex((span, index) => index > 0 && pattern.test(span.title));
  const column = {
    type: titled(/^type$/i),
    alert: titled(/alert/i),
    enabled: titled(/^enabled$/i),
    status: titled(/^status$/i),
    mode: titled(/^mode$/i),
    mdi: titled(/^mdi mode$/i),
    flow: titled(/flow/i),
    bcast: titled(/bcast/i),
  };
  const records: ArubaInterfaceBrief[] = [];
  for (const row of table.rows) {
    const cells = splitRow(row.text, spans);
    const cell = (index: number) => (index >= 0 ? (cells[index] ?? '').trim() : '');
    const port = cell(0).replace(/\*$/, '');
    if (!/\d/.test(port)) continue;
    const status = cell(column.status);
    const enabled = cell(column.enabled);
    records.push({
      port,
      portNormalized: normalizeArubaPortName(port.replace(/-Trk\d+$/i, '')),
      type: cell(column.type),
      intrusionAlert: cell(column.alert),
      enabled,
      status,
      mode: cell(column.mode),
      mdiMode: cell(column.mdi),
      flowControl: cell(column.flow),
      broadcastLimit: cell(column.bcast),
      linkUp: /^up$/i.test(status),
      adminDown: /^no$/i.test(enabled),
    });
  }
  return parsed(records, output.warnings);
}

export function parseArubaShowInterfacesBrief(text: string): ParseResult<ArubaInterfaceBrief> {
  return parseSafely('show interfaces brief', text, parseBriefText);
}
