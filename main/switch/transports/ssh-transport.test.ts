import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoSwitch, serveSsh, type SshServer } from '../../sim/switch';
import { openSshTransport } from './ssh-transport';

const credentials = { username: 'admin', password: 'ssh-pass-1', enableSecret: 'enable-secret' };
let server: SshServer;
let keyboardOnly: SshServer;

beforeAll(async () => {
  server = await serveSsh(demoSwitch('cisco_ios', { credentials }), { port: 0 });
  keyboardOnly = await serveSsh(demoSwitch('aruba_aoss', { credentials }), {
    port: 0,
    authMethods: ['keyboard-interactive'],
  });
});

afterAll(async () => {
  await server?.close();
  await keyboardOnly?.close();
});

function until(transport: { onData(l: (b: Buffer) => void): () => void }, pattern: RegExp) {
  let text = '';
  return new Promise<string>((resolve) => {
    const stop = transport.onData((bytes) => {
      text += bytes.toString('latin1');
      if (pattern.test(text)) {
        stop();
        resolve(text);
      }
    });
  });
}

describe('SSH transport', () => {
  it('logs in with a password and opens the switch shell', async () => {
    const transport = await openSshTransport({
      host: '127.0.0.1',
      port: server.port,
      ...credentials,
    });
    const prompt = until(transport, /sw-2f-a>$/);
    expect(await prompt).toContain('sw-2f-a>');
    expect(transport.hostKeySha256).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    await transport.close();
    expect(transport.closed).toMatchObject({ by: 'local' });
  });

  it('logs in by keyboard-interactive where the switch only offers that', async () => {
    const transport = await openSshTransport({
      host: '127.0.0.1',
      port: keyboardOnly.port,
      ...credentials,
    });
    expect(await until(transport, /Press any key to continue/)).toContain('HPE Aruba');
    await transport.close();
  });

  it('says the login was refused for a wrong password', async () => {
    const error = await openSshTransport({
      host: '127.0.0.1',
      port: server.port,
      username: 'admin',
      password: 'wrong',
    }).catch((e) => e);
    expect(error).toMatchObject({ code: 'SWITCH_LOGIN_REJECTED' });
  });

  it('says nothing listens when the port is closed', async () => {
    const error = await openSshTransport({ host: '127.0.0.1', port: 1, ...credentials }).catch(
      (e) => e,
    );
    expect(error).toMatchObject({ code: 'SWITCH_CONNECT_REFUSED' });
  });
});
