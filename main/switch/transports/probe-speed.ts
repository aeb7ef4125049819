import type { SerialPort } from 'serialport';
import { CodedError } from '../../../shared/errors';
import type { TransportCore } from './transport';

/** Console speeds in the order switches are found at them: the default first, then the usual changes. */
export const CONSOLE_SPEEDS = [9600, 115_200, 38_400, 19_200, 57_600] as const;
const SPEEDS = CONSOLE_SPEEDS;

/**
 * Whether bytes read like a switch talking (a prompt, a login, a banner) rather than the
 * noise a line at the wrong speed gives: almost all printable ASCII, and some words.
 */
export function readsLikeText(bytes: Buffer): boolean {
  if (bytes.length < 2) return false;
  let printable = 0;
  for (const byte of bytes)
    if ((byte >= 0x20 && byte < 0x7f) || byte === 0x0d || byte === 0x0a || byte === 0x1b)
      printable += 1;
  return printable / bytes.length >= 0.9 && /[A-Za-z0-9]{2}/.test(bytes.toString('latin1'));
}

/**
 * Finds the console's speed on an open port without reopening it: at each common speed,
 * presses Enter and listens; the first speed whose answer reads as text wins. What was
 * heard at that speed is handed on to the session (nothing is lost). A line silent or
 * garbled at every speed is a clear error, within the speeds x `listenMs`.
 */
export async function probeSpeed(
  port: SerialPort,
  core: TransportCore,
  path: string,
  listenMs: number,
): Promise<number> {
  let heard: Buffer[] = [];
  const stop = core.onData((bytes) => heard.push(bytes));
  let anything = false;
  try {
    for (const speed of SPEEDS) {
      if (port.baudRate !== speed)
        await new Promise<void>((resolve, reject) =>
          port.update({ baudRate: speed }, (error) => (error ? reject(error) : resolve())),
        );
      heard = [];
      port.write('\r');
      const answer = await listen(() => Buffer.concat(heard), listenMs);
      anything ||= answer.length > 0;
      if (readsLikeText(answer)) {
        stop();
        core.unread(Buffer.concat(heard));
        return speed;
      }
    }
  } finally {
    stop();
  }
  throw new CodedError(
    'SWITCH_SPEED_UNKNOWN',
    anything
      ? `The console on ${path} answered, but not readably at any of ${SPEEDS.join(', ')} baud. Check the console cable (a rollover/console cable, not a network cable) and the switch's console settings.`
      : `The console on ${path} said nothing at any of ${SPEEDS.join(', ')} baud. Check the console cable is in the switch's console port and that the switch is on.`,
    { path },
  );
}

/**
 * Waits for an answer: up to `limitMs` for the first byte, then until the line has been
 * quiet a moment or enough has arrived to judge.
 */
function listen(read: () => Buffer, limitMs: number): Promise<Buffer> {
  return new Promise((resolve) => {
    const started = Date.now();
    let lastLength = 0;
    let quietSince = Date.now();
    const timer = setInterval(() => {
      const now = Date.now();
      const bytes = read();
      if (bytes.length !== lastLength) {
        lastLength = bytes.length;
        quietSince = now;
      }
      const enough = bytes.length >= 48;
      const settled = bytes.length > 0 && now - quietSince >= 40;
      if (enough || settled || now - started >= limitMs) {
        clearInterval(timer);
        resolve(bytes);
      }
    }, 10);
  });
}
