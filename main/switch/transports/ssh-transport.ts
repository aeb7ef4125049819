import { createHash } from 'node:crypto';
import ssh2 from 'ssh2';
import { CodedError } from '../../../shared/errors';
import { checkHostKey, type HostKeyCheck } from './host-keys';
import { TransportCore, exposeTransport, type Transport } from './transport';

export interface SshOptions {
  host: string;
  port?: number;
  username: string;
  password: string;
  /** How long to wait for the handshake and login. */
  readyTimeoutMs?: number;
  /** Pin the switch's host key on first use and refuse a changed one; without it any key is taken. */
  hostKeys?: HostKeyCheck;
}

export interface SshTransport extends Transport {
  /** SHA-256 of the switch's host key (base64), for the transcript. */
  readonly hostKeySha256: string;
  /** The same as OpenSSH prints it: `SHA256:…`. */
  readonly hostKeyFingerprint: string;
}

function sshError(
  options: SshOptions,
  error: Error & { level?: string; code?: string },
): CodedError {
  const where = `${options.host}:${options.port ?? 22}`;
  if (error.level === 'client-authentication')
    return new CodedError(
      'SWITCH_LOGIN_REJECTED',
      `The switch at ${where} refused the login for ${options.username}. Check the user name and password.`,
    );
  if (error.code === 'ECONNREFUSED')
    return new CodedError(
      'SWITCH_CONNECT_REFUSED',
      `Nothing accepts SSH at ${where}. Check the address and that SSH is enabled on the switch (or use the console cable).`,
    );
  if (error.code === 'ENOTFOUND' || error.code === 'EAI_AGAIN')
    return new CodedError(
      'SWITCH_HOST_UNKNOWN',
      `The name ${options.host} does not resolve. Check the address.`,
    );
  if (error.level === 'client-timeout' || /timed out/i.test(error.message))
    return new CodedError(
      'SWITCH_TIMEOUT',
      `The switch at ${where} did not complete the SSH login in time. Check the network path to the switch.`,
    );
  return new CodedError('SWITCH_CONNECT_FAILED', `SSH to ${where} failed: ${error.message}`);
}

/** An interactive SSH shell on a switch, logging in by password or keyboard-interactive. */
export function openSshTransport(options: SshOptions): Promise<SshTransport> {
  const client = new ssh2.Client();
  const core = new TransportCore();
  let hostKeySha256 = '';
  const label = `ssh ${options.username}@${options.host}:${options.port ?? 22}`;
  return new Promise<SshTransport>((resolve, reject) => {
    let ready = false;
    let refusedKey: CodedError | null = null;
    let clientClosed = false;
    client.once('close', () => (clientClosed = true));
    client.on('keyboard-interactive', (_name, _instructions, _lang, prompts, finish) =>
      finish(prompts.map(() => options.password)),
    );
    client.on('error', (error) => {
      if (!ready) {
        reject(refusedKey ?? sshError(options, error));
        return;
      }
      core.ended({ by: 'error', message: `The SSH session (${label}) failed: ${error.message}` });
    });
    client.on('close', () =>
      core.ended({ by: 'remote', message: `The switch closed the SSH session (${label}).` }),
    );
    client.on('ready', () => {
      ready = true;
      client.shell({ term: 'vt100', cols: 200, rows: 24 }, (error, stream) => {
        if (error) {
          client.end();
          reject(
            new CodedError('SWITCH_CONNECT_FAILED', `The switch refused a shell: ${error.message}`),
          );
          return;
        }
        stream.on('data', (bytes: Buffer) => core.received(bytes));
        stream.stderr.on('data', (bytes: Buffer) => core.received(bytes));
        stream.on('close', () =>
          core.ended({ by: 'remote', message: `The switch ended the SSH session (${label}).` }),
        );
        resolve(
          exposeTransport(core, {
            kind: 'ssh',
            label,
            extra: {
              hostKeySha256,
              hostKeyFingerprint: `SHA256:${hostKeySha256.replace(/=+$/, '')}`,
            },
            writeBytes: (bytes) => stream.write(bytes),
            release: () =>
              clientClosed
                ? undefined
                : new Promise<void>((done) => {
                    client.once('close', () => done());
                    stream.end();
                    client.end();
                  }),
          }),
        );
      });
    });
    client.connect({
      host: options.host,
      port: options.port ?? 22,
      username: options.username,
      password: options.password,
      tryKeyboard: true,
      readyTimeout: options.readyTimeoutMs ?? 15_000,
      hostVerifier: (key: Buffer, verify: (valid: boolean) => void) => {
        hostKeySha256 = createHash('sha256').update(key).digest('base64');
        const check = options.hostKeys;
        if (!check) return verify(true);
        const fingerprint = `SHA256:${hostKeySha256.replace(/=+$/, '')}`;
        checkHostKey(check, fingerprint, `${options.host}:${options.port ?? 22}`).then(
          (verdict) => {
            if (verdict !== true) refusedKey = verdict;
            verify(verdict === true);
          },
          (error: unknown) => {
            refusedKey =
              error instanceof CodedError
                ? error
                : new CodedError('HOST_KEYS_UNREADABLE', String(error));
            verify(false);
          },
        );
      },
    });
  });
}
