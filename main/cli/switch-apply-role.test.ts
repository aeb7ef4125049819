import { spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from './project-root';

const env = {
  ...process.env,
  DIALTONE_SWITCH_PASSWORD: 'cli-pass-123',
  DIALTONE_SWITCH_ENABLE: 'cli-enable-123',
};
const running: ChildProcess[] = [];

afterAll(async () => {
  for (const child of running) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
});

/** Runs `dialtone …` to the end, as a person at a terminal would. */
function dialtone(args: string[], extraEnv: Record<string, string> = {}) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/dialtone.mjs', ...args], {
      cwd: PROJECT_ROOT,
      env: { ...env, ...extraEnv },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Starts `dialtone switch simulate …` and waits for the line saying where it listens. */
function simulate(args: string[]) {
  return new Promise<{ child: ChildProcess; ready: Record<string, unknown> }>((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/dialtone.mjs', 'switch', 'simulate', ...args], {
      cwd: PROJECT_ROOT,
      env,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    running.push(child);
    let stdout = '';
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const onData = (chunk: Buffer) => {
      stdout += chunk.toString();
      const line = stdout.split('\n')[0];
      if (stdout.includes('\n') && line) {
        child.stdout!.off('data', onData);
        resolve({ child, ready: JSON.parse(line) as Record<string, unknown> });
      }
    };
    child.stdout!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`simulate exited ${code}: ${stderr}`)));
  });
}

const voiceRole = [
  '--data-vlan',
  '10',
  '--voice-vlan',
  '20',
  '--poe',
  '--edge',
  '--description',
  'Desk phone',
];

describe('dialtone switch apply-role', () => {
  it('applies a role over a real PTY at 9600 baud, and a second run changes nothing', async () => {
    const path = join(tmpdir(), `dialtone-cli-${randomUUID()}`);
    await simulate(['--vendor', 'cisco_ios', '--pty', path, '--baud', '9600']);
    const transcriptFile = join(tmpdir(), `dialtone-transcript-${randomUUID()}.txt`);
    const args = [
      'switch',
      'apply-role',
      '--serial',
      path,
      '--vendor',
      'cisco_ios',
      '--interface',
      'Gi1/0/2',
      ...voiceRole,
      '--json',
    ];
    const first = await dialtone([...args, '--transcript', transcriptFile]);
    expect(first.code, first.stderr).toBe(0);
    const result = JSON.parse(first.stdout);
    expect(result).toMatchObject({ changed: true, verified: true });
    expect(Object.keys(result).sort()).toEqual([
      'bytes',
      'changed',
      'interfaces',
      'notAttempted',
      'save',
      'seconds',
      'verified',
    ]);
    expect(result.interfaces).toEqual([
      {
        interface: 'Gi1/0/2',
        changed: true,
        verified: true,
        commands: expect.arrayContaining(['switchport voice vlan 20', 'description Desk phone']),
        accepted: expect.arrayContaining(['switchport voice vlan 20', 'description Desk phone']),
        diff: [],
        readBack: 'read',
        actualConfig: expect.arrayContaining(['switchport voice vlan 20']),
      },
    ]);
    expect(result.save).toEqual({
      saved: true,
      confirmedBy: 'answer',
      switchSaid: expect.stringContaining('[OK]'),
    });
    expect(result.bytes.rx).toBeGreaterThan(result.bytes.tx);
    const transcript = await readFile(transcriptFile, 'utf8');
    expect(transcript).toContain('tx "<secret>\\r"');
    expect(transcript).toContain('switchport voice vlan 20');
    expect(transcript).not.toContain('cli-pass-123');
    expect(transcript).not.toContain('cli-enable-123');
    const again = JSON.parse((await dialtone(args)).stdout);
    expect(again).toMatchObject({
      changed: false,
      verified: true,
      interfaces: [{ commands: [], changed: false }],
    });
  });

  it('applies a role to several interfaces over SSH in one session', async () => {
    const { child, ready } = await simulate([
      '--vendor',
      'aruba_aoss',
      '--ssh',
      '0',
      '--hostname',
      'HC-CLI-1',
      '--ports',
      '8',
    ]);
    const port = (ready.ssh as { port: number }).port;
    expect(ready.hostname).toBe('HC-CLI-1');
    const plugged = new Promise<string>((resolve) =>
      child.stdout!.on('data', (chunk: Buffer) => resolve(chunk.toString())),
    );
    child.stdin!.write('plug 3 80:5e:c0:00:00:03 T54W\n');
    expect(JSON.parse(await plugged)).toEqual({ plugged: '3', mac: '80:5e:c0:00:00:03' });
    const run = await dialtone([
      'switch',
      'apply-role',
      '--ssh',
      `127.0.0.1:${port}`,
      '--username',
      'admin',
      '--vendor',
      'aruba_aoss',
      '--interface',
      '3',
      '--interface',
      '4',
      ...voiceRole,
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^3: changed \(\d+ commands\), verified/m);
    expect(run.stdout).toMatch(/^4: changed \(\d+ commands\), verified/m);
    expect(run.stdout).not.toContain('cli-pass-123');
  });

  it('exits 1 and names the command when the switch refuses it', async () => {
    const { ready } = await simulate(['--vendor', 'aruba_aoss', '--ssh', '0']);
    const port = (ready.ssh as { port: number }).port;
    const run = await dialtone([
      'switch',
      'apply-role',
      '--ssh',
      `127.0.0.1:${port}`,
      '--username',
      'admin',
      '--vendor',
      'aruba_aoss',
      '--interface',
      '5',
      '--data-vlan',
      '77',
      '--json',
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('refused "untagged vlan 77"');
    const result = JSON.parse(run.stdout);
    expect(result).toMatchObject({
      verified: false,
      interfaces: [{ rejected: { command: 'untagged vlan 77' } }],
    });
  });

  it('says what a switch that stopped answering mid-change took, saves nothing, and names the rest not attempted', async () => {
    const path = join(tmpdir(), `dialtone-cli-${randomUUID()}`);
    await simulate([
      '--vendor',
      'cisco_ios',
      '--pty',
      path,
      '--baud',
      '115200',
      '--quirks',
      '{"freezeOn":"switchport voice vlan"}',
    ]);
    const run = await dialtone([
      'switch',
      'apply-role',
      '--serial',
      path,
      '--baud',
      '115200',
      '--vendor',
      'cisco_ios',
      '--interface',
      'Gi1/0/6',
      '--interface',
      'Gi1/0/7',
      ...voiceRole,
      '--json',
    ]);
    expect(run.code).toBe(1);
    const result = JSON.parse(run.stdout);
    expect(result).toMatchObject({
      changed: true,
      verified: false,
      notAttempted: ['Gi1/0/7'],
      save: { saved: false },
      interfaces: [
        {
          interface: 'Gi1/0/6',
          changed: true,
          accepted: expect.arrayContaining(['interface Gi1/0/6']),
          failure: { code: 'SWITCH_TIMEOUT', unconfirmed: 'switchport voice vlan 20' },
          readBack: 'unavailable',
        },
      ],
    });
    expect(run.stderr).toContain('Gi1/0/6: The switch went quiet');
  }, 60_000);

  it('presses Enter for a set-but-empty DIALTONE_SWITCH_ENABLE, and adds its own hint when refused', async () => {
    const simEnv = { DIALTONE_SWITCH_ENABLE: '' };
    const path = join(tmpdir(), `dialtone-cli-${randomUUID()}`);
    const child = spawn(
      process.execPath,
      [
        'bin/dialtone.mjs',
        'switch',
        'simulate',
        '--vendor',
        'cisco_ios',
        '--pty',
        path,
        '--baud',
        '115200',
      ],
      { cwd: PROJECT_ROOT, env: { ...env, ...simEnv }, stdio: ['pipe', 'pipe', 'pipe'] },
    );
    running.push(child);
    await new Promise((resolve) => child.stdout!.once('data', resolve));
    const args = [
      'switch',
      'apply-role',
      '--serial',
      path,
      '--baud',
      '115200',
      '--vendor',
      'cisco_ios',
      '--interface',
      'Gi1/0/8',
      '--data-vlan',
      '10',
      '--no-save',
    ];
    const unset = { ...env } as Record<string, string>;
    delete unset.DIALTONE_SWITCH_ENABLE;
    const refused = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const c = spawn(process.execPath, ['bin/dialtone.mjs', ...args], {
        cwd: PROJECT_ROOT,
        env: unset,
      });
      let stderr = '';
      c.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      c.on('close', (code) => resolve({ code, stderr }));
    });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('SWITCH_ENABLE_REJECTED');
    expect(refused.stderr).toContain('DIALTONE_SWITCH_ENABLE');
    // The console stays at the user prompt; set but empty, the secret is Enter, and it works.
    const empty = await dialtone(args, simEnv);
    expect(empty.code, empty.stderr).toBe(0);
  }, 60_000);

  it('finds the console speed with --baud auto on a line that answers garbage at other speeds', async () => {
    const path = join(tmpdir(), `dialtone-cli-${randomUUID()}`);
    await simulate(['--vendor', 'aruba_aoss', '--pty', path, '--baud', '19200', '--strict-speed']);
    const run = await dialtone([
      'switch',
      'apply-role',
      '--serial',
      path,
      '--baud',
      'auto',
      '--vendor',
      'aruba_aoss',
      '--interface',
      '6',
      '--data-vlan',
      '10',
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^6: changed \(\d+ commands\), verified/m);
  }, 60_000);

  it('exits 2 for bad input, an unknown port and a refused login, without a stack trace', async () => {
    const badVlan = await dialtone([
      'switch',
      'apply-role',
      '--serial',
      '/dev/null',
      '--vendor',
      'cisco_ios',
      '--interface',
      'Gi1/0/1',
      '--data-vlan',
      '5000',
    ]);
    expect(badVlan.code).toBe(2);
    expect(badVlan.stderr).toContain('--data-vlan must be a VLAN from 1 to 4094');
    const missing = await dialtone([
      'switch',
      'apply-role',
      '--serial',
      '/dev/ttyUSB-dialtone-none',
      '--vendor',
      'cisco_ios',
      '--interface',
      'Gi1/0/1',
      '--data-vlan',
      '10',
    ]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('SWITCH_PORT_MISSING');
    expect(missing.stderr).toContain('Run "dialtone switch ports"');
    const { ready } = await simulate(['--vendor', 'cisco_ios', '--ssh', '0']);
    const port = (ready.ssh as { port: number }).port;
    const refused = await dialtone(
      [
        'switch',
        'apply-role',
        '--ssh',
        `127.0.0.1:${port}`,
        '--username',
        'admin',
        '--vendor',
        'cisco_ios',
        '--interface',
        'Gi1/0/1',
        '--data-vlan',
        '10',
      ],
      { DIALTONE_SWITCH_PASSWORD: 'wrong-password' },
    );
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('SWITCH_LOGIN_REJECTED');
    for (const run of [badVlan, missing, refused]) expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('dialtone switch apply-role refuses bad input before connecting', () => {
  const base = ['switch', 'apply-role', '--vendor', 'cisco_ios', '--interface', 'Gi1/0/1'];

  it.each([
    ['a folder', tmpdir(), 'it is a folder'],
    [
      'a missing folder',
      join(tmpdir(), `dialtone-none-${randomUUID()}`, 't.txt'),
      'its folder does not exist',
    ],
  ])('exits 2 when --transcript is %s', async (_what, transcriptPath, why) => {
    // The serial port does not exist either: the transcript is checked first, so that is not reached.
    const run = await dialtone([
      ...base,
      '--serial',
      '/dev/ttyUSB-dialtone-none',
      '--data-vlan',
      '10',
      '--transcript',
      transcriptPath,
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`--transcript ${transcriptPath} cannot be written: ${why}`);
    expect(run.stderr).not.toContain('SWITCH_PORT_MISSING');
  });

  it('exits 2 for an SSH port out of range, without trying to connect', async () => {
    const run = await dialtone([
      ...base,
      '--ssh',
      '127.0.0.1:99999',
      '--username',
      'admin',
      '--data-vlan',
      '10',
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--ssh port must be from 1 to 65535, not 99999');
  });

  it.each(['0x14', '1e2', ' 20', '20.0', '+20'])(
    'exits 2 for --data-vlan %j: whole decimal numbers only',
    async (value) => {
      const run = await dialtone([...base, '--serial', '/dev/null', '--data-vlan', value]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('--data-vlan must be a VLAN from 1 to 4094');
    },
  );
});

describe('dialtone switch ports', () => {
  it('lists serial ports (possibly none) and exits 0', async () => {
    const run = await dialtone(['switch', 'ports', '--json']);
    expect(run.code).toBe(0);
    expect(Array.isArray(JSON.parse(run.stdout))).toBe(true);
  });
});
