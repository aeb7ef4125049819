import { timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import ssh2 from 'ssh2';
import type { SimulatedSwitch } from './simulated-switch';

export interface SshServer {
  readonly host: '127.0.0.1';
  readonly port: number;
  close(): Promise<void>;
}

export interface ServeSshOptions {
  /** 0 picks a free port. */
  port: number;
  /** Throttle the shell's output to a line rate; null for full speed. */
  baud?: number | null;
  /** Login methods offered; both by default, as most switches do. */
  authMethods?: ('password' | 'keyboard-interactive')[];
  /** The host key (OpenSSH private key text); a new ed25519 key when absent. Keep one to look like the same switch. */
  hostKey?: string;
}

/**
 * A new ed25519 host key (OpenSSH private key text) that ssh2 can read back. ssh2 1.17's
 * generateKeyPairSync strips leading zero bytes off the public key, so about one key in
 * 256 is malformed and a server given it never starts (mscdex/ssh2#1513): such a key is
 * thrown away and another made.
 */
export function newHostKey(
  generate: () => { private: string; public: string } = () =>
    ssh2.utils.generateKeyPairSync('ed25519'),
): string {
  for (let attempt = 1; ; attempt += 1) {
    const pair = generate();
    const readable = [pair.private, pair.public].every(
      (key) => !(ssh2.utils.parseKey(key) instanceof Error),
    );
    if (readable) return pair.private;
    if (attempt >= 20) throw new Error('ssh2 made 20 unreadable host keys in a row');
  }
}

function same(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Serves a switch's CLI over SSH on loopback, with password and keyboard-interactive
 * logins (switches offer both); each shell is one vty session on the shared switch.
 */
export async function serveSsh(sw: SimulatedSwitch, options: ServeSshOptions): Promise<SshServer> {
  const hostKey = options.hostKey ?? newHostKey();
  const credentials = sw.credentials;
  const methods = options.authMethods ?? ['password', 'keyboard-interactive'];
  const clients = new Set<ssh2.Connection>();
  const server = new ssh2.Server({ hostKeys: [hostKey] }, (client, info) => {
    clients.add(client);
    client.on('close', () => clients.delete(client));
    let user = '';
    client.on('authentication', (context) => {
      user = context.username;
      const userOk = credentials === null || same(context.username, credentials.username);
      if (context.method === 'password' && methods.includes('password')) {
        if (userOk && (credentials === null || same(context.password, credentials.password)))
          context.accept();
        else context.reject(methods);
        return;
      }
      if (context.method === 'keyboard-interactive' && methods.includes('keyboard-interactive')) {
        context.prompt([{ prompt: 'Password: ', echo: false }], (answers) => {
          if (userOk && (credentials === null || same(answers[0] ?? '', credentials.password)))
            context.accept();
          else context.reject(methods);
        });
        return;
      }
      context.reject(methods);
    });
    client.on('ready', () => {
      client.on('session', (acceptSession) => {
        const session = acceptSession();
        session.on('pty', (accept) => accept?.());
        session.on('window-change', (accept) => accept?.());
        session.on('shell', (acceptShell) => {
          const stream = acceptShell();
          const console = sw.openConsole({
            baud: options.baud ?? null,
            channel: 'ssh',
            authenticatedUser: user,
            peer: info.ip,
          });
          stream.on('data', (bytes: Buffer) => console.write(bytes));
          console.onData((bytes) => {
            if (stream.writable) stream.write(bytes);
          });
          console.onClose(() => {
            if (stream.writable) stream.end();
          });
          stream.on('close', () => console.close());
          stream.on('error', () => console.close());
        });
      });
    });
    client.on('error', () => undefined);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    host: '127.0.0.1',
    port,
    close: () =>
      new Promise<void>((resolve) => {
        sw.close();
        for (const client of clients) client.end();
        server.close(() => resolve());
      }),
  };
}
