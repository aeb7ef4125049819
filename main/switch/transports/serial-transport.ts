import { access } from 'node:fs/promises';
import { SerialPort } from 'serialport';
import { CodedError } from '../../../shared/errors';
import { CONSOLE_SPEEDS, probeSpeed } from './probe-speed';
import { TransportCore, exposeTransport, type Transport } from './transport';

export interface SerialOptions {
  path: string;
  /**
   * 9600 unless the switch's console was changed; `auto` listens at the common console
   * speeds in turn and keeps the one at which the switch answers readably.
   */
  baudRate?: number | 'auto';
  /** With `auto`: how long each speed is given to answer Enter (5 speeds stay under 3 s). */
  probeMs?: number;
}

export interface SerialTransport extends Transport {
  /** The line speed in use (the one found, with `auto`). */
  readonly baudRate: number;
}

/** Turns the OS's reason for not opening a port into what the engineer should do. */
export function serialOpenError(path: string, error: Error): CodedError {
  const text = `${(error as NodeJS.ErrnoException).code ?? ''} ${error.message}`;
  if (/ENOENT|No such file|cannot find|File not found/i.test(text))
    return new CodedError(
      'SWITCH_PORT_MISSING',
      `There is no serial port ${path}. Check the USB console cable is plugged in, then pick its port from the list again.`,
      { path },
    );
  if (/EACCES|Permission denied|Access denied/i.test(text))
    return new CodedError(
      'SWITCH_PORT_PERMISSION',
      process.platform === 'linux'
        ? `You are not allowed to open ${path}. Add yourself to the dialout group (sudo usermod -aG dialout $USER), then log out and back in.`
        : `You are not allowed to open ${path}. Ask for access to serial ports on this laptop.`,
      { path },
    );
  if (/EBUSY|busy|Cannot lock port|temporarily unavailable/i.test(text))
    return new CodedError(
      'SWITCH_PORT_BUSY',
      `${path} is in use by another program (screen, minicom, PuTTY or another Dialtone window). Close it and try again.`,
      { path },
    );
  return new CodedError('SWITCH_PORT_OPEN_FAILED', `Cannot open ${path}: ${error.message}`, {
    path,
  });
}

/** A USB-serial console line, 8N1 with no flow control, as switch consoles expect. */
export async function openSerialTransport(options: SerialOptions): Promise<SerialTransport> {
  const auto = options.baudRate === 'auto';
  const firstRate = options.baudRate === 'auto' ? CONSOLE_SPEEDS[0]! : (options.baudRate ?? 9600);
  const port = new SerialPort({
    path: options.path,
    baudRate: firstRate,
    dataBits: 8,
    parity: 'none',
    stopBits: 1,
    rtscts: false,
    xon: false,
    xoff: false,
    autoOpen: false,
  });
  await new Promise<void>((resolve, reject) =>
    port.open((error) => (error ? reject(serialOpenError(options.path, error)) : resolve())),
  );
  const core = new TransportCore();
  const gone = {
    by: 'remote' as const,
    message: `The console line on ${options.path} went away (the cable or adapter was unplugged, or the port was closed under us). Check the cable and reconnect.`,
  };
  // A vanished device does not always fail a pending read (a PTY whose other end closed
  // just goes quiet), so the device node is checked too: unplugging removes it.
  const watchdog = setInterval(() => {
    access(options.path).catch(() => {
      core.ended(gone);
      if (port.isOpen) port.close(() => undefined);
    });
  }, 500);
  watchdog.unref();
  core.onClose(() => clearInterval(watchdog));
  port.on('data', (bytes: Buffer) => core.received(bytes));
  port.on('error', (error: Error) =>
    core.ended({
      by: 'error',
      message: `The serial port ${options.path} failed: ${error.message}`,
    }),
  );
  port.on('close', (error?: Error & { disconnected?: boolean }) => {
    core.ended(error ? gone : { by: 'local', message: 'Closed by Dialtone.' });
  });
  let baudRate = firstRate;
  if (auto) {
    try {
      baudRate = await probeSpeed(port, core, options.path, options.probeMs ?? 450);
    } catch (error) {
      core.ended({ by: 'local', message: 'Closed by Dialtone.' });
      if (port.isOpen) await new Promise<void>((resolve) => port.close(() => resolve()));
      throw error;
    }
  }
  return exposeTransport(core, {
    kind: 'serial',
    label: `${options.path} at ${baudRate} baud${auto ? ' (found by listening)' : ''}`,
    extra: { baudRate },
    writeBytes: (bytes) =>
      port.write(bytes, (error) => {
        if (error)
          core.ended({
            by: 'error',
            message: `Writing to ${options.path} failed: ${error.message}. Check the cable and reconnect.`,
          });
      }),
    release: () =>
      port.isOpen ? new Promise<void>((resolve) => port.close(() => resolve())) : undefined,
  });
}
