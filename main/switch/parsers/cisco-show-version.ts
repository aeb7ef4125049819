import { normalizeMac } from './mac-address';
import { parsed, parseFailure, parseSafely, type ParseResult } from './parse-result';
import { readShowOutput } from './show-output-lines';

/** Cisco IOS / IOS-XE `show version`: one record for the switch (or the stack). */
export interface CiscoVersion {
  hostname: string;
  version: string;
  softwareImage: string;
  release: string;
  rommon: string;
  runningImage: string;
  uptime: string;
  uptimeYears: string;
  uptimeWeeks: string;
  uptimeDays: string;
  uptimeHours: string;
  uptimeMinutes: string;
  reloadReason: string;
  restarted: string;
  configRegister: string;
  /** Model of each stack member (`WS-C3850-48U`), or of the one switch. */
  hardware: string[];
  /** Serial number of each stack member, or of the one switch. */
  serial: string[];
  /** Base MAC of each stack member, as printed. */
  macAddress: string[];
  macNormalized: Array<string | null>;
}

const SOFTWARE_LINE =
  /^Cisco IOS Software(?: \[[^\]]*\])?,.*?(?:\(([^)]+)\))?,? Version ([^\s,]+),? ?(?:RELEASE SOFTWARE )?(?:\((\w+)\))?/;

function uptimePart(uptime: string, unit: string): string {
  return new RegExp(String.raw`(\d+) ${unit}s?\b`).exec(uptime)?.[1] ?? '';
}

function parseCiscoVersionText(text: string): ParseResult<CiscoVersion> {
  const output = readShowOutput(text, 'show version');
  if (!output.ok) return output.failure;
  const lines = output.lines.map((line) => line.trim());
  const record: CiscoVersion = {
    hostname: '',
    version: '',
    softwareImage: '',
    release: '',
    rommon: '',
    runningImage: '',
    uptime: '',
    uptimeYears: '',
    uptimeWeeks: '',
    uptimeDays: '',
    uptimeHours: '',
    uptimeMinutes: '',
    reloadReason: '',
    restarted: '',
    configRegister: '',
    hardware: [],
    serial: [],
    macAddress: [],
    macNormalized: [],
  };
  const modelNumbers: string[] = [];
  const systemSerials: string[] = [];
  let processorModel = '';
  let boardId = '';
  let lastReloadReason = '';
  let returnedToRomBy = '';
  for (const line of lines) {
    let match: RegExpExecArray | null;
    if (!record.version && (match = SOFTWARE_LINE.exec(line))) {
      record.softwareImage = match[1] ?? '';
      record.version = match[2] ?? '';
      record.release = match[3] ?? '';
    } else if ((match = /^ROM: (\S+)/.exec(line)) && !record.rommon) {
      record.rommon = match[1] ?? '';
    } else if ((match = /^(\S+) uptime is (.+)$/.exec(line)) && !record.hostname) {
      record.hostname = match[1] ?? '';
      record.uptime = match[2] ?? '';
    } else if ((match = /^System returned to ROM by (.+?)(?: at .*)?$/.exec(line))) {
      returnedToRomBy = match[1] ?? '';
    } else if ((match = /^System restarted at (.+)$/.exec(line))) {
      record.restarted = match[1] ?? '';
    } else if ((match = /^System image file is "(?:[^:"]*:)?([^"]*)"/.exec(line))) {
      record.runningImage = match[1] ?? '';
    } else if ((match = /^Last reload reason: (.+)$/.exec(line))) {
      lastReloadReason = match[1] ?? '';
    } else if (
      (match = /^[Cc]isco (\S+) (?:\([^)]*\) )?(?:processor|with)\b/.exec(line)) &&
      !processorModel
    ) {
      processorModel = match[1] ?? '';
    } else if ((match = /^Processor board ID (\S+)/.exec(line)) && !boardId) {
      boardId = match[1] ?? '';
    } else if ((match = /^Model [Nn]umber\s*: (\S+)/.exec(line))) {
      modelNumbers.push(match[1] ?? '');
    } else if ((match = /^System [Ss]erial [Nn]umber\s*: (\S+)/.exec(line))) {
      systemSerials.push(match[1] ?? '');
    } else if ((match = /^Base [Ee]thernet MAC [Aa]ddress\s*: (\S+)/.exec(line))) {
      record.macAddress.push(match[1] ?? '');
    } else if ((match = /^Configuration register is (\S+)/.exec(line))) {
      record.configRegister = match[1] ?? '';
    }
  }
  if (!record.version && !record.hostname) {
    return parseFailure(
      'show version: no "Cisco IOS Software … Version" line and no "uptime is" line; this is not Cisco IOS show version output',
    );
  }
  record.reloadReason = lastReloadReason || returnedToRomBy;
  record.uptimeYears = uptimePart(record.uptime, 'year');
  record.uptimeWeeks = uptimePart(record.uptime, 'week');
  record.uptimeDays = uptimePart(record.uptime, 'day');
  record.uptimeHours = uptimePart(record.uptime, 'hour');
  record.uptimeMinutes = uptimePart(record.uptime, 'minute');
  // A stack lists each member's model and serial; a single switch only names its processor.
  record.hardware = modelNumbers.length > 0 ? modelNumbers : processorModel ? [processorModel] : [];
  record.serial = systemSerials.length > 0 ? systemSerials : boardId ? [boardId] : [];
  record.macNormalized = record.macAddress.map(normalizeMac);
  return parsed([record], output.warnings);
}

export function parseCiscoShowVersion(text: string): ParseResult<CiscoVersion> {
  return parseSafely('show version', text, parseCiscoVersionText);
}
