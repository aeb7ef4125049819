import { normalizeArubaPortName } from './aruba-port-name';
import { rulerTables, splitRow } from './fixed-width-table';
import { keyValuePairs } from './key-value-pairs';
import { parsed, parseFailure, parseSafely, type ParseResult } from './parse-result';
import { readShowOutput } from './show-output-lines';

/**
 * One port of Aruba `show power-over-ethernet brief` (a table) or `show power-over-ethernet
 * <port>` (a detail block per port). Fields a format does not print are ''.
 */
export interface ArubaPoePort {
  port: string;
  portNormalized: string;
  /** `Yes` or `No`. */
  powerEnable: string;
  priority: string;
  allocateBy: string;
  /** As printed: `17 W`. */
  allocatedPower: string;
  /** As printed: `3.9 W`. */
  actualPower: string;
  configuredType: string;
  /** `Searching`, `Delivering`, `Disabled`, `Fault`, … */
  detectionStatus: string;
  powerClass: string;
  preStandardDetect: string;
  delivering: boolean;
}

function emptyPort(port: string): ArubaPoePort {
  return {
    port,
    portNormalized: normalizeArubaPortName(port),
    powerEnable: '',
    priority: '',
    allocateBy: '',
    allocatedPower: '',
    actualPower: '',
    configuredType: '',
    detectionStatus: '',
    powerClass: '',
    preStandardDetect: '',
    delivering: false,
  };
}

type Field = Exclude<keyof ArubaPoePort, 'port' | 'portNormalized' | 'delivering'>;
const TABLE_COLUMNS: Array<[RegExp, Field]> = [
  [/power enable/i, 'powerEnable'],
  [/priority/i, 'priority'],
  [/alloc(ate)? by/i, 'allocateBy'],
  [/alloc(ated)? power/i, 'allocatedPower'],
  [/actual power/i, 'actualPower'],
  [/configured type/i, 'configuredType'],
  [/detection status/i, 'detectionStatus'],
  [/power class/i, 'powerClass'],
  [/pre-std detect/i, 'preStandardDetect'],
];
const DETAIL_KEYS: Record<string, Field> = {
  'Power Enable': 'powerEnable',
  Priority: 'priority',
  AllocateBy: 'allocateBy',
  Value: 'allocatedPower',
  Power: 'actualPower',
  'Configured Type': 'configuredType',
  'Detection Status': 'detectionStatus',
  'Power Class': 'powerClass',
  'Pre-std Detect': 'preStandardDetect',
};

function parsePoeText(text: string): ParseResult<ArubaPoePort> {
  const output = readShowOutput(text, 'show power-over-ethernet');
  if (!output.ok) return output.failure;
  const records: ArubaPoePort[] = [];
  const table = rulerTables(output.lines).find((candidate) =>
    /port/i.test(candidate.spans[0]?.title ?? ''),
  );
  if (table) {
    const columns = table.spans.map((span, index) =>
      index === 0
        ? null
        : (TABLE_COLUMNS.find(([pattern]) => pattern.test(span.title))?.[1] ?? null),
    );
    for (const row of table.rows) {
      const cells = splitRow(row.text, table.spans);
      const port = (cells[0] ?? '').trim();
      if (!/\d/.test(port)) continue;
      const record = emptyPort(port);
      columns.forEach((field, index) => {
        if (field) record[field] = (cells[index] ?? '').trim();
      });
      records.push(record);
    }
  }
  // Detail blocks: `Status and Counters - Port Power Status for port A6`, then `Key : value`.
  let current: ArubaPoePort | null = null;
  for (const line of output.lines) {
    const title = /Port Power Status for port\s+(\S+)/i.exec(line);
    if (title) {
      current = emptyPort(title[1] ?? '');
      records.push(current);
      continue;
    }
    if (!current) continue;
    for (const { key, value } of keyValuePairs(line)) {
      const field = DETAIL_KEYS[key];
      if (field) current[field] = value;
    }
  }
  for (const record of records) record.delivering = /^delivering$/i.test(record.detectionStatus);
  if (records.length === 0 && output.lines.some((line) => /Power Status/i.test(line))) {
    return parsed(
      [],
      [...output.warnings, 'the output has no per-port rows; use `brief` or name the ports'],
    );
  }
  if (records.length === 0 && !table && output.lines.some((line) => line.trim() !== '')) {
    return parseFailure(
      'show power-over-ethernet: no port table and no "Port Power Status for port" block',
    );
  }
  return parsed(records, output.warnings);
}

export function parseArubaShowPowerOverEthernet(text: string): ParseResult<ArubaPoePort> {
  return parseSafely('show power-over-ethernet', text, parsePoeText);
}
