import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { demoSwitch, servePty, type PtyServer } from '../../sim/switch';
import { openSerialTransport, serialOpenError } from './serial-transport';
import type { Transport } from './transport';

const credentials = { username: 'admin', password: 'console-pass', enableSecret: 'enable-secret' };
const opened: (Transport | PtyServer)[] = [];

afterEach(async () => {
  for (const thing of opened.splice(0)) await thing.close();
});

async function ptyConsole(baud = 9600) {
  const sw = demoSwitch('cisco_ios', { credentials });
  const pty = await servePty(sw, { path: join(tmpdir(), `dialtone-pty-${randomUUID()}`), baud });
  opened.push(pty);
  return { sw, pty };
}

function receive(transport: Transport, pattern: RegExp): Promise<string> {
  let text = '';
  return new Promise((resolve) => {
    const stop = transport.onData((bytes) => {
      text += bytes.toString('latin1');
      if (pattern.test(text)) {
        stop();
        resolve(text);
      }
    });
  });
}

describe('serial transport', () => {
  it('talks to a switch console on a real PTY at 9600 baud and counts the bytes', async () => {
    const { pty } = await ptyConsole();
    const transport = await openSerialTransport({ path: pty.path });
    opened.push(transport);
    expect(transport.label).toBe(`${pty.path} at 9600 baud`);
    const answer = receive(transport, /Username: $/);
    transport.write('\r');
    expect(await answer).toContain('User Access Verification');
    expect(transport.bytes.tx).toBe(1);
    expect(transport.bytes.rx).toBe((await answer).length);
  });

  it('says a port that is not there is missing, and what to do', async () => {
    const error = await openSerialTransport({ path: '/dev/ttyUSB-dialtone-none' }).catch((e) => e);
    expect(error).toMatchObject({ code: 'SWITCH_PORT_MISSING' });
    expect(error.message).toContain('Check the USB console cable is plugged in');
    // Plain words: the CLI adds its own command hint (main/cli/switch-apply-role.ts).
    expect(error.message).not.toMatch(/dialtone |DIALTONE_/);
  });

  it('says a port another program holds is busy', async () => {
    const { pty } = await ptyConsole();
    const first = await openSerialTransport({ path: pty.path });
    opened.push(first);
    const error = await openSerialTransport({ path: pty.path }).catch((e) => e);
    expect(error).toMatchObject({ code: 'SWITCH_PORT_BUSY' });
  });

  it('tells a Linux user without access to join the dialout group', () => {
    const denied = Object.assign(new Error('Error: Permission denied, cannot open /dev/ttyUSB0'), {
      code: 'EACCES',
    });
    const error = serialOpenError('/dev/ttyUSB0', denied);
    expect(error.code).toBe('SWITCH_PORT_PERMISSION');
    if (process.platform === 'linux') expect(error.message).toContain('usermod -aG dialout');
  });

  it('reports the line going away under it as closed by the far end', async () => {
    const { pty } = await ptyConsole();
    const transport = await openSerialTransport({ path: pty.path });
    opened.push(transport);
    const closed = new Promise((resolve) => transport.onClose(resolve));
    await pty.close();
    expect(await closed).toMatchObject({ by: 'remote' });
  });
});
