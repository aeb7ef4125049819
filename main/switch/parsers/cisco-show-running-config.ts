import { normalizeCiscoInterfaceName } from './cisco-interface-name';
import type { InterfaceConfig } from './interface-config';
import { parsed, parseFailure, parseSafely, type ParseResult } from './parse-result';
import { readShowOutput } from './show-output-lines';
import { vlanNumber } from './vlan-list';

const INTERFACE_LINE = /^interface\s+(\S.*?)\s*$/;

function parseCiscoConfigText(text: string): ParseResult<InterfaceConfig> {
  const output = readShowOutput(text, 'show running-config interface');
  if (!output.ok) return output.failure;
  const records: InterfaceConfig[] = [];
  let current: InterfaceConfig | null = null;
  for (const rawLine of output.lines) {
    const line = rawLine.trim();
    const start = INTERFACE_LINE.exec(rawLine);
    if (start) {
      current = emptyCiscoConfig(start[1] ?? '');
      records.push(current);
      continue;
    }
    if (!current) continue;
    // The block ends at `!`, `end`, or the next line that is not indented.
    if (line === '!' || line === 'end' || (line !== '' && !/^\s/.test(rawLine))) {
      current = null;
      continue;
    }
    if (line === '') continue;
    current.lines.push(line);
  }
  if (records.length === 0) {
    if (
      output.lines.some(
        (line) =>
          line.trim() !== '' &&
          !/^(Building configuration|Current configuration|!)/.test(line.trim()),
      )
    ) {
      return parseFailure('show running-config interface: no "interface …" line in the output');
    }
    return parsed([], [...output.warnings, 'the output shows no interface']);
  }
  for (const record of records) readCiscoSettings(record);
  return parsed(records, output.warnings);
}

function emptyCiscoConfig(name: string): InterfaceConfig {
  return {
    vendor: 'cisco_ios',
    interfaceName: name,
    interfaceNormalized: normalizeCiscoInterfaceName(name),
    lines: [],
    effectiveLines: [],
    description: null,
    shutdown: false,
    switchportMode: null,
    accessVlan: null,
    voiceVlan: null,
    taggedVlans: [],
    voiceVlansKnown: null,
    vlansKnown: null,
  };
}

function readCiscoSettings(record: InterfaceConfig): void {
  record.effectiveLines = record.lines.map((line) => line.replace(/\s+/g, ' '));
  for (const line of record.lines) {
    let match: RegExpExecArray | null;
    if ((match = /^description (.*)$/.exec(line))) record.description = match[1] ?? '';
    else if (line === 'shutdown') record.shutdown = true;
    else if ((match = /^switchport mode (\S+)/.exec(line)))
      record.switchportMode = match[1] ?? null;
    else if ((match = /^switchport access vlan (\d+)$/.exec(line)))
      record.accessVlan = vlanNumber(match[1] ?? '');
    else if ((match = /^switchport voice vlan (\d+)$/.exec(line)))
      record.voiceVlan = vlanNumber(match[1] ?? '');
  }
}

export function parseCiscoRunningConfigInterface(text: string): ParseResult<InterfaceConfig> {
  return parseSafely('show running-config interface', text, parseCiscoConfigText);
}
