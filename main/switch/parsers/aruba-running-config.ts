import { normalizeArubaPortName, portListIncludes } from './aruba-port-name';
import type { InterfaceConfig } from './interface-config';
import { parsed, parseFailure, parseSafely, type ParseResult } from './parse-result';
import { readShowOutput } from './show-output-lines';
import { parseVlanList, vlanNumber } from './vlan-list';

interface Block {
  kind: 'interface' | 'vlan';
  name: string;
  lines: string[];
}

interface ArubaConfigText {
  blocks: Block[];
  globalLines: string[];
}

/**
 * AOS-S configuration: `interface 5` / `vlan 10` blocks whose lines are indented and end at
 * `exit`, and global lines. VLAN membership may live in either place: 16.x shows
 * `untagged vlan 10` inside `interface 5`; older releases and the full running-config keep
 * `untagged 1-24` inside `vlan 10`. Both are read.
 */
function splitBlocks(lines: string[]): ArubaConfigText {
  const blocks: Block[] = [];
  const globalLines: string[] = [];
  let current: Block | null = null;
  for (const rawLine of lines) {
    const line = rawLine.trim();
    if (line === '' || line.startsWith(';') || /^Running configuration:?$/i.test(line)) continue;
    const indented = /^\s/.test(rawLine);
    if (current && (line === 'exit' || line === '!')) {
      current = null;
      continue;
    }
    if (current && indented) {
      current.lines.push(line.replace(/\s+/g, ' '));
      continue;
    }
    current = null;
    const start = /^(interface|vlan)\s+(\S+)$/.exec(line);
    if (start) {
      current = { kind: start[1] as Block['kind'], name: start[2] ?? '', lines: [] };
      blocks.push(current);
      continue;
    }
    globalLines.push(line.replace(/\s+/g, ' '));
  }
  return { blocks, globalLines };
}

function unquote(text: string): string {
  const trimmed = text.trim();
  return trimmed.length >= 2 && trimmed.startsWith('"') && trimmed.endsWith('"')
    ? trimmed.slice(1, -1)
    : trimmed;
}

function emptyArubaConfig(name: string): InterfaceConfig {
  return {
    vendor: 'aruba_aoss',
    interfaceName: name,
    interfaceNormalized: normalizeArubaPortName(name),
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

function interfaceRecord(name: string, lines: string[], config: ArubaConfigText): InterfaceConfig {
  const record = emptyArubaConfig(name);
  record.lines = lines;
  const effective: string[] = [];
  let untagged: number | null = null;
  const tagged = new Set<number>();
  for (const line of lines) {
    let match: RegExpExecArray | null;
    if ((match = /^untagged vlan (\d+)$/.exec(line))) {
      untagged = vlanNumber(match[1] ?? '');
    } else if ((match = /^tagged vlan (\S+)$/.exec(line))) {
      for (const vlan of parseVlanList(match[1] ?? '') ?? []) tagged.add(vlan);
    } else {
      effective.push(line);
      if ((match = /^name (.*)$/.exec(line))) record.description = unquote(match[1] ?? '');
      else if (line === 'disable') record.shutdown = true;
    }
  }
  const vlanBlocks = config.blocks.filter((block) => block.kind === 'vlan');
  for (const block of vlanBlocks) {
    const vlan = vlanNumber(block.name);
    if (vlan === null) continue;
    for (const line of block.lines) {
      const member = /^(untagged|tagged) (\S+)$/.exec(line);
      if (!member || !portListIncludes(member[2] ?? '', name)) continue;
      if (member[1] === 'untagged') untagged = vlan;
      else tagged.add(vlan);
    }
  }
  if (vlanBlocks.length > 0) {
    record.vlansKnown = vlanBlocks
      .map((block) => vlanNumber(block.name))
      .filter((vlan): vlan is number => vlan !== null);
    record.voiceVlansKnown = vlanBlocks
      .filter((block) => block.lines.includes('voice'))
      .map((block) => vlanNumber(block.name))
      .filter((vlan): vlan is number => vlan !== null);
  }
  for (const vlan of record.voiceVlansKnown ?? []) effective.push(`vlan ${vlan} voice`);
  for (const line of config.globalLines) {
    const edge = /^spanning-tree (\S+) admin-edge-port$/.exec(line);
    if (edge && portListIncludes(edge[1] ?? '', name))
      effective.push('spanning-tree admin-edge-port');
    const lldp = /^no lldp config (\S+) medTlvEnable network[_-]policy$/i.exec(line);
    if (lldp && portListIncludes(lldp[1] ?? '', name)) {
      effective.push(`no lldp config ${name} medTlvEnable network_policy`);
    }
  }
  tagged.delete(untagged ?? -1);
  record.accessVlan = untagged;
  record.taggedVlans = [...tagged].sort((a, b) => a - b);
  if (untagged !== null) effective.push(`untagged vlan ${untagged}`);
  for (const vlan of record.taggedVlans) effective.push(`tagged vlan ${vlan}`);
  record.effectiveLines = [...new Set(effective)];
  return record;
}

function parseArubaConfigText(text: string, interfaceName?: string): ParseResult<InterfaceConfig> {
  const output = readShowOutput(text, 'show running-config');
  if (!output.ok) return output.failure;
  const config = splitBlocks(output.lines);
  const interfaceBlocks = config.blocks.filter((block) => block.kind === 'interface');
  const records = interfaceBlocks.map((block) => interfaceRecord(block.name, block.lines, config));
  const wanted = interfaceName?.trim();
  if (wanted) {
    const match = records.filter(
      (record) => record.interfaceNormalized === normalizeArubaPortName(wanted),
    );
    // A port with no interface-specific settings has no `interface` block at all; its VLANs
    // still come from the `vlan` blocks.
    if (match.length === 0) return parsed([interfaceRecord(wanted, [], config)], output.warnings);
    return parsed(match, output.warnings);
  }
  if (records.length === 0 && config.blocks.length === 0 && config.globalLines.length > 0) {
    return parseFailure('show running-config: no "interface …" or "vlan …" block in the output');
  }
  return parsed(records, output.warnings);
}

/** Aruba AOS-S `show running-config [interface X]`; name the port to read it from a whole configuration. */
export function parseArubaRunningConfig(
  text: string,
  interfaceName?: string,
): ParseResult<InterfaceConfig> {
  return parseSafely('show running-config', text, (body) =>
    parseArubaConfigText(body, interfaceName),
  );
}
