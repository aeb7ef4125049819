import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { promisify } from 'node:util';
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
  /**
   * Listen only at `baud`, as a real console does: the PTY's two ends share one termios, so
   * the speed the app set is read from it (stty), and at any other speed what the app types
   * is lost and what the switch says arrives as garbage.
   */
  strictSpeed?: boolean;
}

/** What a byte sent at one speed looks like read at another: framing errors, high bits. */
function garble(bytes: Buffer): Buffer {
  return Buffer.from(bytes.map((byte, index) => 0x80 | ((byte * 7 + index * 13) & 0x7f)));
}

/** The speed the app has set on the PTY, as stty reads it from the shared termios. */
async function speedOf(path: string): Promise<number | null> {
  try {
    const { stdout } = await promisify(execFile)('stty', ['-F', path, 'speed']);
    return Number(stdout.trim()) || null;
  } catch {
    return null;
  }
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
  // The speed the app's end is at, as last read; the line is right when it is the switch's.
  let appSpeed: number | null = options.baud;
  let incoming = Promise.resolve();
  socat.stdout!.on('data', (bytes: Buffer) => {
    if (!options.strictSpeed) {
      console.write(bytes);
      return;
    }
    // In order, each chunk judged at the speed the app had set when it typed it.
    incoming = incoming.then(async () => {
      appSpeed = await speedOf(options.path);
      if (appSpeed === options.baud) console.write(bytes);
      else if (socat.stdin!.writable) socat.stdin!.write(garble(Buffer.from('\r\n% ', 'latin1')));
    });
  });
  console.onData((bytes) => {
    if (!socat.stdin!.writable) return;
    socat.stdin!.write(options.strictSpeed && appSpeed !== options.baud ? garble(bytes) : bytes);
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
