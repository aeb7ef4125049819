import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanShowOutput } from './clean-output';
import { parseCiscoShowInterfacesStatus } from './cisco-show-interfaces-status';
import { parseArubaShowInterfacesBrief } from './aruba-show-interfaces-brief';
import { parseShowOutput, supportedCommands } from './parse-show-output';
import { resolveShowCommand } from './show-commands';

const TESTDATA = join(import.meta.dirname, '..', 'test-support', 'ntc-templates');
const ciscoStatus = readFileSync(
  join(TESTDATA, 'cisco_ios/show_interfaces_status/cisco_ios_show_interfaces_status.raw'),
  'utf8',
);
const arubaBrief = readFileSync(
  join(TESTDATA, 'hp_procurve/show_interfaces_brief/show_interfaces_brief_NA.raw'),
  'utf8',
);

describe('output as a console session leaves it', () => {
  it('reads the same rows through an echoed command, a pager prompt with backspaces, a log line and a trailing prompt', () => {
    const clean = parseCiscoShowInterfacesStatus(ciscoStatus);
    const lines = ciscoStatus.split('\n');
    const messy = [
      'sw-3f-a#show interfaces status',
      ...lines.slice(0, 10),
      ` --More-- ${'\b'.repeat(10)}${' '.repeat(10)}${'\b'.repeat(10)}${lines[10]}`,
      '*Mar  1 18:46:11.123: %LINK-3-UPDOWN: Interface GigabitEthernet1/0/5, changed state to up',
      ...lines.slice(11),
      'sw-3f-a#',
    ].join('\r\n');
    const result = parseCiscoShowInterfacesStatus(messy);
    expect(clean.ok).toBe(true);
    expect(result.ok).toBe(true);
    if (!result.ok || !clean.ok) return;
    expect(clean.records.length).toBeGreaterThan(0);
    expect(result.records).toEqual(clean.records);
    expect(result.warnings.join('\n')).toMatch(/line 13: skipped a log message/);
  });

  it('reads Aruba output through escape codes and its pager line', () => {
    const clean = parseArubaShowInterfacesBrief(arubaBrief);
    const lines = arubaBrief.split('\n');
    const messy = [
      '\x1b[1;24r\x1b[24;1HHP-2920# show interfaces brief',
      ...lines.slice(0, 12),
      '-- MORE --, next page: Space, next line: Enter, quit: Control-C\x1b[2K\r' + lines[12],
      ...lines.slice(13),
      'HP-2920# ',
    ].join('\n');
    const result = parseArubaShowInterfacesBrief(messy);
    // Each parse must succeed on its own: two failures are not "the same rows".
    expect(clean.ok).toBe(true);
    expect(result.ok).toBe(true);
    if (!result.ok || !clean.ok) return;
    expect(clean.records.length).toBeGreaterThan(0);
    expect(result.records).toEqual(clean.records);
  });

  it('turns a rejected command into a parse error naming the line', () => {
    const result = parseShowOutput(
      'cisco_ios',
      'show interfaces status',
      "show interfaces statsu\n                      ^\n% Invalid input detected at '^' marker.\n",
    );
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'PARSE_ERROR',
        message: expect.stringContaining('rejected the command') as string,
        line: 3,
      },
    });
  });

  it('keeps line positions when cleaning', () => {
    const erased = ` --More-- ${'\b'.repeat(10)}${' '.repeat(10)}${'\b'.repeat(10)}`;
    expect(cleanShowOutput(`a\r\n${erased}c\n --More-- \nd`).lines).toEqual(['a', 'c', '', 'd']);
  });
});

describe('command names as people type them', () => {
  it.each([
    ['cisco_ios', 'sh int status', 'show interfaces status'],
    ['cisco_ios', 'show int Gi1/0/5 switchport', 'show interfaces switchport'],
    ['cisco_ios', 'sh run int gi1/0/5', 'show running-config interface <interface>'],
    ['cisco_ios', 'sh mac address-table interface Gi1/0/5', 'show mac address-table'],
    ['cisco_ios', 'show mac-address-table', 'show mac address-table'],
    ['cisco_ios', 'sh lldp nei det', 'show lldp neighbors detail'],
    ['aruba_aoss', 'sh lldp info remote-device 5', 'show lldp info remote-device [<ports>]'],
    ['aruba_aoss', 'show power-over-ethernet brief', 'show power-over-ethernet [brief | <ports>]'],
  ] as const)('%s: %s', (vendor, typed, usage) => {
    // It resolves to that command, not merely to some command.
    const resolution = resolveShowCommand(vendor, typed);
    expect(resolution.ok && resolution.resolved.command.usage).toBe(usage);
    expect(supportedCommands(vendor)).toContain(usage);
  });

  it('refuses an ambiguous abbreviation and an unknown command', () => {
    expect(parseShowOutput('cisco_ios', 'sh int s', '')).toMatchObject({
      ok: false,
      error: { code: 'UNSUPPORTED_COMMAND', message: expect.stringContaining('ambiguous') },
    });
    expect(parseShowOutput('aruba_aoss', 'show clock', '')).toMatchObject({
      ok: false,
      error: { code: 'UNSUPPORTED_COMMAND' },
    });
  });
});
