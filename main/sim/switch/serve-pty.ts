import { spawn, type ChildProcess } from 'node:child_process';
import type { SimulatedSwitch } from './simulated-switch';

export interface PtyServer {
  /** The PTY the app opens, as a serial port. */
  readonly path: string;
  /** Ends the line as a pulled cable would: the app's port closes under it. */
  close(): Promise<void>;
  /** Resolves when socat exits, for whatever reason. */
  readonly exited: Promise<void>;
}

export interface ServePtyOptions {
  /** Where the PTY's link goes (e.g. /tmp/sw-console); replaced if it exists. */
  path: string;
  baud: number;
  /** How long socat may take to create the PTY. */
  startTimeoutMs?: number;
}

/**
 * Serves a switch console on a real pseudo-terminal: socat creates the PTY (linked at
 * `path`) and relays it to this process, where the simulator answers at the baud rate.
 */
export async function servePty(sw: SimulatedSwitch, options: ServePtyOptions): Promise<PtyServer> {
  const socat: ChildProcess = spawn(
    'socat',
    ['-d', '-d', `pty,raw,echo=0,link=${options.path}`, 'STDIO'],
    { stdio: ['pipe', 'pipe', 'pipe'] },
  );
  const exited = new Promise<void>((resolve) => socat.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    let log = '';
    const timeout = options.startTimeoutMs ?? 5000;
    const timer = setTimeout(() => {
      socat.kill();
      reject(new Error(`socat did not create the PTY within ${timeout} ms: ${log.trim()}`));
    }, timeout);
    const onLog = (chunk: Buffer) => {
      log += chunk.toString();
      if (log.includes('starting data transfer loop')) {
        clearTimeout(timer);
        socat.stderr!.off('data', onLog);
        resolve();
      }
    };
    socat.stderr!.on('data', onLog);
    socat.once('error', (error) => {
      clearTimeout(timer);
      reject(
        new Error(
          `cannot run socat (${error.message}); install it (apt install socat) to serve a PTY`,
        ),
      );
    });
    socat.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`socat exited (${code}) before the PTY was ready: ${log.trim()}`));
    });
  });
  socat.stderr!.resume();
  const console = sw.openConsole({ baud: options.baud, channel: 'console' });
  socat.stdout!.on('data', (bytes: Buffer) => console.write(bytes));
  console.onData((bytes) => {
    if (socat.stdin!.writable) socat.stdin!.write(bytes);
  });
  socat.stdin!.on('error', () => undefined);
  void exited.then(() => console.close());
  return {
    path: options.path,
    exited,
    async close() {
      console.close();
      if (socat.exitCode === null && socat.signalCode === null) socat.kill('SIGTERM');
      await exited;
    },
  };
}
