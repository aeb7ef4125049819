import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { closeSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from './project-root';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

const SAMPLES = join(PROJECT_ROOT, 'main', 'switch', 'test-support', 'ntc-templates');

/** Runs `dialtone switch parse …` as a person would, with a file on stdin. */
function parse(stdinFile: string | null, ...args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const stdin = stdinFile === null ? 'pipe' : openSync(stdinFile, 'r');
    const child = spawn(process.execPath, ['bin/dialtone.mjs', 'switch', 'parse', ...args], {
      cwd: PROJECT_ROOT,
      stdio: [stdin, 'pipe', 'pipe'],
    });
    if (typeof stdin === 'number') closeSync(stdin);
    else child.stdin?.end('Gi1/0/1 is a line the parser cannot place\n');
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('dialtone switch parse', () => {
  it('prints JSON records for a Cisco sample read from stdin', async () => {
    const run = await parse(
      join(SAMPLES, 'cisco_ios/show_interfaces_status/cisco_ios_show_interfaces_status.raw'),
      '--vendor',
      'cisco_ios',
      '--command',
      'sh int status',
      '--json',
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const records = JSON.parse(run.stdout) as Array<Record<string, unknown>>;
    expect(records).toHaveLength(25);
    expect(records[1]).toMatchObject({
      port: 'Gi1/0/2',
      portNormalized: 'GigabitEthernet1/0/2',
      status: 'connected',
      linkUp: true,
    });
  });

  it('prints a readable table for an Aruba sample', async () => {
    const run = await parse(
      join(SAMPLES, 'hp_procurve/show_vlans/hp_procurve_show_vlans2.raw'),
      '--vendor',
      'aruba_aoss',
      '--command',
      'show vlans',
    );
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')[0]).toMatch(/^VLANID\s+NAME\s+STATUS\s+VOICE\s+JUMBO$/);
    expect(run.stdout).toMatch(/^50\s+Voice\s+Port-based\s+Yes\s+No$/m);
  });

  it('exits 2 with a clear message for an unknown vendor', async () => {
    const run = await parse(null, '--vendor', 'juniper', '--command', 'show version');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--vendor must be cisco_ios or aruba_aoss');
    expect(run.stderr).not.toMatch(/\bat .*\.ts:\d+/);
  });

  it('exits 2 and lists the supported commands for an unknown command', async () => {
    const run = await parse(null, '--vendor', 'aruba_aoss', '--command', 'show clock');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('no parser for "show clock"');
    expect(run.stderr).toContain('show interfaces brief');
  });

  it('exits 2 naming the line when the output cannot be parsed', async () => {
    const run = await parse(
      null,
      '--vendor',
      'cisco_ios',
      '--command',
      'show cdp neighbors detail',
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('cannot parse the show cdp neighbors detail output');
  });

  it('gives the same answer for empty stdin whatever the command', async () => {
    const empty = join(tmpdir(), `dialtone-empty-${randomUUID()}.txt`);
    writeFileSync(empty, '');
    const runs = await Promise.all(
      [
        ['cisco_ios', 'show interfaces status'],
        ['cisco_ios', 'show cdp neighbors detail'],
        ['cisco_ios', 'show version'],
        ['aruba_aoss', 'show vlans'],
        ['aruba_aoss', 'show system'],
      ].map(([vendor, command]) => parse(empty, '--vendor', vendor!, '--command', command!)),
    );
    for (const run of runs) {
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(/^dialtone: stdin was empty: pipe the output of "[^"]+" in/);
    }
  });

  it('prints a table for 20 MB of output without running out of stack', async () => {
    const sample = readFileSync(
      join(SAMPLES, 'cisco_ios/show_interfaces_status/cisco_ios_show_interfaces_status.raw'),
      'utf8',
    );
    const [header, ...rows] = sample.split('\n');
    const body = rows.filter((row) => row.trim() !== '').join('\n') + '\n';
    const big = join(tmpdir(), `dialtone-big-${randomUUID()}.txt`);
    writeFileSync(big, `${header}\n${body.repeat(Math.ceil(20_000_000 / body.length))}`);
    const run = await parse(big, '--vendor', 'cisco_ios', '--command', 'show interfaces status');
    expect(run.stderr).not.toContain('Maximum call stack');
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n').length).toBeGreaterThan(100_000);
  }, 120_000);
});
