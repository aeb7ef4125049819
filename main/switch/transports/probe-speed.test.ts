import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { demoSwitch, servePty } from '../../sim/switch';
import { openSession } from '../session';
import { readsLikeText } from './probe-speed';
import { openSerialTransport } from './serial-transport';

const login = { username: 'admin', password: 'probe-pass', enableSecret: 'probe-enable' };
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('console speed found by listening (--baud auto)', () => {
  it('tells a switch talking from line noise', () => {
    expect(readsLikeText(Buffer.from('\r\nsw-2f-a>', 'latin1'))).toBe(true);
    expect(readsLikeText(Buffer.from('\r\nUsername: ', 'latin1'))).toBe(true);
    expect(readsLikeText(Buffer.from([0xfe, 0x80, 0xf8, 0x9c, 0x0d, 0xe6]))).toBe(false);
    expect(readsLikeText(Buffer.from(''))).toBe(false);
  });

  it.each(['cisco_ios', 'aruba_aoss'] as const)(
    'finds a %s console at 38400 over a real PTY that answers garbage at any other speed, and logs in',
    async (vendor) => {
      const sw = demoSwitch(vendor, { credentials: login });
      const pty = await servePty(sw, {
        path: join(tmpdir(), `dialtone-probe-${randomUUID()}`),
        baud: 38_400,
        strictSpeed: true,
      });
      cleanups.push(() => pty.close());
      const transport = await openSerialTransport({ path: pty.path, baudRate: 'auto' });
      cleanups.push(() => transport.close());
      expect(transport.baudRate).toBe(38_400);
      expect(transport.label).toContain('38400 baud (found by listening)');
      const session = await openSession(transport, { vendor, login });
      expect(session.level).toBe('privileged');
      // What the probe heard at the right speed reached the session: the login began from it.
      expect(session.heardText()).toMatch(/Username: |Press any key/);
    },
  );

  it('says so when the console answers garbage at every speed', async () => {
    const sw = demoSwitch('cisco_ios', { credentials: login });
    const pty = await servePty(sw, {
      path: join(tmpdir(), `dialtone-probe-${randomUUID()}`),
      baud: 2400,
      strictSpeed: true,
    });
    cleanups.push(() => pty.close());
    const error = await openSerialTransport({
      path: pty.path,
      baudRate: 'auto',
      probeMs: 200,
    }).catch((e) => e);
    expect(error).toMatchObject({ code: 'SWITCH_SPEED_UNKNOWN' });
    expect(error.message).toContain(
      'answered, but not readably at any of 9600, 115200, 38400, 19200, 57600 baud',
    );
  });

  it('says so when the line is silent at every speed', async () => {
    const path = join(tmpdir(), `dialtone-silent-${randomUUID()}`);
    const socat = spawn('socat', [`pty,raw,echo=0,link=${path}`, 'EXEC:sleep 60'], {
      stdio: 'ignore',
    });
    const exited = new Promise((resolve) => socat.once('exit', resolve));
    cleanups.push(async () => {
      socat.kill();
      await exited;
    });
    while (!existsSync(path)) await new Promise((resolve) => setTimeout(resolve, 20));
    const error = await openSerialTransport({ path, baudRate: 'auto' }).catch((e) => e);
    expect(error).toMatchObject({ code: 'SWITCH_SPEED_UNKNOWN' });
    expect(error.message).toContain('said nothing at any of');
  });
});
