import { describe, expect, it } from 'vitest';
import type { SwitchVendor } from '../../../shared/platform/schemas';
import { demoSwitch, SimulatedSwitch, type SimConsoleEndpoint } from '../../sim/switch';
import { connectInProcess } from '../transports/in-process-transport';
import { openSession } from './open-session';
import type { SwitchLogEvent } from './log-events';

const login = { username: 'admin', password: 'console-pass', enableSecret: 'enable-secret' };
const ESC = String.fromCharCode(27);

function consoleOf(vendor: SwitchVendor, baud: number | null = null) {
  const sw = demoSwitch(vendor, { credentials: login });
  return { sw, endpoint: sw.openConsole({ baud, channel: 'console' }) };
}

/** An endpoint whose output gets extra bytes mixed in, as a noisy line or a chatty terminal would. */
function withNoise(
  endpoint: SimConsoleEndpoint,
  noise: (chunk: Buffer) => string,
): SimConsoleEndpoint {
  return {
    ...endpoint,
    write: (bytes) => endpoint.write(bytes),
    close: () => endpoint.close(),
    get closed() {
      return endpoint.closed;
    },
    onData: (listener) =>
      endpoint.onData((chunk) =>
        listener(Buffer.from(noise(chunk) + chunk.toString('latin1'), 'latin1')),
      ),
  };
}

const statusCommand = {
  cisco_ios: 'show interfaces status',
  aruba_aoss: 'show interfaces brief',
} as const;

describe.each(['cisco_ios', 'aruba_aoss'] as const)('switch session (%s)', (vendor) => {
  it('wakes the console, logs in, enables and turns paging off', async () => {
    const { endpoint } = consoleOf(vendor);
    const session = await openSession(connectInProcess(endpoint), { vendor, login });
    expect(session.hostname).toBe(vendor === 'cisco_ios' ? 'sw-2f-a' : 'HC-4F-A');
    expect(session.level).toBe('privileged');
    const status = await session.run(statusCommand[vendor]);
    expect(
      status.output
        .split('\n')
        .filter((line) => /^\s*(Gi1\/0\/|)\d+\s/.test(line) || /^Gi1\/0\/\d+/.test(line)),
    ).toHaveLength(24);
    expect(status.output).not.toMatch(/MORE|More/);
    expect(session.transcript.toText()).not.toContain('console-pass');
    expect(session.transcript.toText()).not.toContain('enable-secret');
    await session.close();
  });

  it('answers a pager that appears anyway, and the output is whole', async () => {
    const { endpoint } = consoleOf(vendor);
    const session = await openSession(connectInProcess(endpoint), { vendor, login });
    const unpaged = await session.run(statusCommand[vendor]);
    await session.run(vendor === 'cisco_ios' ? 'terminal length 10' : 'page');
    const paged = await session.run(statusCommand[vendor]);
    expect(paged.output).toBe(unpaged.output);
    expect(session.transcript.toText()).toMatch(/More|MORE/);
  });

  it('says the enable secret was refused', async () => {
    const { endpoint } = consoleOf(vendor);
    const error = await openSession(connectInProcess(endpoint), {
      vendor,
      login: { ...login, enableSecret: 'wrong-secret' },
    }).catch((e) => e);
    expect(error).toMatchObject({ code: 'SWITCH_ENABLE_REJECTED' });
    expect(error.message).toContain('Check the enable secret');
    // The session serves the app too: environment variables are the CLI's to mention.
    expect(error.message).not.toMatch(/DIALTONE_/);
  });

  it('says the login was refused', async () => {
    const { endpoint } = consoleOf(vendor);
    const error = await openSession(connectInProcess(endpoint), {
      vendor,
      login: { ...login, password: 'wrong-pass' },
    }).catch((e) => e);
    expect(error).toMatchObject({ code: 'SWITCH_LOGIN_REJECTED' });
  });

  it('ignores escape codes and control bytes mixed into any chunk, and line noise between lines', async () => {
    const { endpoint } = consoleOf(vendor);
    let count = 0;
    const noisy = withNoise(endpoint, () => {
      count += 1;
      return count % 3 === 0 ? `${ESC}[?25h${ESC}[0m\x00\x07\xff\xfe\x80` : `${ESC}[K`;
    });
    const session = await openSession(connectInProcess(noisy), { vendor, login });
    const clean = await openSession(connectInProcess(consoleOf(vendor).endpoint), {
      vendor,
      login,
    });
    const command =
      vendor === 'cisco_ios'
        ? 'show running-config interface Gi1/0/7'
        : 'show running-config interface 7';
    expect((await session.run(command)).output).toBe((await clean.run(command)).output);
  });

  it('logs in and runs commands when the switch answers a byte at a time', async () => {
    const { endpoint } = consoleOf(vendor);
    const trickle: SimConsoleEndpoint = {
      ...endpoint,
      write: (bytes) => endpoint.write(bytes),
      close: () => endpoint.close(),
      get closed() {
        return endpoint.closed;
      },
      onData: (listener) =>
        endpoint.onData((chunk) => {
          for (const byte of chunk) listener(Buffer.from([byte]));
        }),
    };
    const session = await openSession(connectInProcess(trickle), { vendor, login });
    const clean = await openSession(connectInProcess(consoleOf(vendor).endpoint), {
      vendor,
      login,
    });
    expect((await session.run(statusCommand[vendor])).output).toBe(
      (await clean.run(statusCommand[vendor])).output,
    );
  });

  it('splits link messages out of command output into events', async () => {
    const { sw, endpoint } = consoleOf(vendor, 115_200);
    const session = await openSession(connectInProcess(endpoint), { vendor, login });
    if (vendor === 'aruba_aoss') {
      await session.run('debug destination session');
      await session.run('debug event');
    }
    const before = await session.run(statusCommand[vendor]);
    const events: SwitchLogEvent[] = [];
    session.onEvent((event) => events.push(event));
    const port = vendor === 'cisco_ios' ? 'Gi1/0/5' : '5';
    let plugged = false;
    const stop = session.transport.onData(() => {
      if (plugged) return;
      plugged = true;
      sw.plugIn(port, { mac: '80:5e:c0:00:00:05', model: 'T54W' });
    });
    const during = await session.run(statusCommand[vendor]);
    stop();
    expect(events.some((event) => event.link?.state === 'up')).toBe(true);
    expect(during.output).not.toMatch(/%LINK|on-line/);
    const lines = (text: string) =>
      text.split('\n').filter((line) => !/\b5\b|Gi1\/0\/5 /.test(line));
    expect(lines(during.output)).toEqual(lines(before.output));
  });

  it('names a command the switch refuses', async () => {
    const { endpoint } = consoleOf(vendor);
    const session = await openSession(connectInProcess(endpoint), { vendor, login });
    const error = await session.run('show interfaces statsu').catch((e) => e);
    expect(error).toMatchObject({
      code: 'SWITCH_COMMAND_REJECTED',
      detail: { command: 'show interfaces statsu', kind: 'invalid' },
    });
    expect(error.message).toContain('statsu');
    expect(session.level).toBe('privileged');
  });

  it('reports silence as a timeout naming the command', async () => {
    const { endpoint } = consoleOf(vendor);
    let mute = false;
    const muted: SimConsoleEndpoint = {
      ...endpoint,
      write: (bytes) => (mute ? undefined : endpoint.write(bytes)),
      close: () => endpoint.close(),
      get closed() {
        return endpoint.closed;
      },
      onData: (listener) => endpoint.onData(listener),
    };
    const session = await openSession(connectInProcess(muted), {
      vendor,
      login,
      timeouts: { idleMs: 200 },
    });
    mute = true;
    const error = await session.run('show version').catch((e) => e);
    expect(error).toMatchObject({ code: 'SWITCH_TIMEOUT' });
    expect(error.message).toContain('"show version"');
  });
});

describe('switch session on special consoles', () => {
  it('declines the initial configuration dialog on a factory-fresh IOS switch', async () => {
    const sw = new SimulatedSwitch({
      vendor: 'cisco_ios',
      hostname: 'Switch',
      model: 'WS-C2960X-24PS-L',
      interfaceCount: 8,
      credentials: null,
      initialDialog: true,
    });
    const session = await openSession(
      connectInProcess(sw.openConsole({ baud: null, channel: 'console' })),
      {
        vendor: 'cisco_ios',
        login,
      },
    );
    expect(session.transcript.toText()).toContain('tx "no\\r"');
    expect(session.level).toBe('privileged');
  });

  it('says so when the console never answers', async () => {
    const silent: SimConsoleEndpoint = {
      write: () => undefined,
      onData: () => () => undefined,
      onClose: () => () => undefined,
      close: () => undefined,
      closed: false,
    };
    const error = await openSession(connectInProcess(silent), {
      vendor: 'cisco_ios',
      login,
      wakeAfterMs: 30,
    }).catch((e) => e);
    expect(error).toMatchObject({ code: 'SWITCH_NO_RESPONSE' });
    // In-process: no cable, no baud rate to blame.
    expect(error.message).toContain('The simulated switch stopped answering');
    expect(error.message).not.toMatch(/baud|cable/);
  });
});

describe('switch session on a console someone left busy', () => {
  it('leaves a pager left on the screen and logs in', async () => {
    const sw = demoSwitch('cisco_ios', { credentials: null });
    const endpoint = sw.openConsole({ baud: null, channel: 'console' });
    // The last person ran a long show and walked away at the pager.
    let shown = '';
    const atPager = new Promise<void>((resolve) =>
      endpoint.onData((bytes) => {
        shown += bytes.toString('latin1');
        if (shown.endsWith(' --More-- ')) resolve();
      }),
    );
    endpoint.write('\renable\rshow interfaces status\r');
    await atPager;
    const session = await openSession(connectInProcess(endpoint), { vendor: 'cisco_ios', login });
    expect(session.level).toBe('privileged');
    expect(session.transcript.toText()).toContain('tx "q"');
  });
});

describe('switch session at a login prompt left on the screen', () => {
  it('answers a password prompt that was already showing, then logs in properly', async () => {
    const sw = demoSwitch('cisco_ios', { credentials: login });
    const endpoint = sw.openConsole({ baud: null, channel: 'console' });
    let shown = '';
    const atPassword = new Promise<void>((resolve) =>
      endpoint.onData((bytes) => {
        shown += bytes.toString('latin1');
        if (shown.endsWith('Password: ')) resolve();
      }),
    );
    // Someone typed a user name and walked away at the password prompt.
    endpoint.write('\rsomebody\r');
    await atPassword;
    const session = await openSession(connectInProcess(endpoint), { vendor: 'cisco_ios', login });
    expect(session.level).toBe('privileged');
  });
});
