import { readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import pino, { type Logger } from 'pino';
import pinoRoll from 'pino-roll';

/**
 * The app's own log: JSON lines (pino) in rotating files in the data folder (pino-roll:
 * a new file each day or past 10 MB, the last 14 kept), so a bundle can carry the lines
 * of a job's time span.
 */
export interface AppLog {
  logger: Logger;
  /** The folder holding the log files. */
  directory: string;
  /** Every line written between two times (inclusive), oldest first; waits for pending writes. */
  linesBetween(from: Date, to: Date): Promise<object[]>;
  close(): Promise<void>;
}

export type { Logger } from 'pino';

export interface AppLogOptions {
  directory: string;
  level?: pino.Level;
  /** Rotate past this size (pino-roll's notation: '10m'). */
  size?: string;
  /** Files kept besides the current one. */
  keep?: number;
  /** The clock stamped on each line, in ms (tests pass their own). */
  now?: () => number;
}

const BASE_NAME = 'dialtone';
const FILE_NAME = /^dialtone\.(\d+)\.log$/;

/** A logger that writes nowhere (tests, and a CLI command that keeps no log). */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}

export async function createAppLog(options: AppLogOptions): Promise<AppLog> {
  const stream = await pinoRoll({
    file: join(options.directory, BASE_NAME),
    extension: '.log',
    frequency: 'daily',
    size: options.size ?? '10m',
    limit: { count: options.keep ?? 14 },
    mkdir: true,
  });
  // The file opens asynchronously; until then nothing could be read back.
  if ((stream as unknown as { fd: number }).fd < 0)
    await new Promise<void>((resolve, reject) => {
      stream.once('ready', () => resolve());
      stream.once('error', reject);
    });
  const logger = pino(
    {
      level: options.level ?? 'info',
      base: { pid: process.pid },
      ...(options.now ? { timestamp: () => `,"time":${options.now!()}` } : {}),
      // Never let a credential into the log in the first place (bundles redact again).
      redact: {
        paths: ['token', '*.token', 'password', '*.password', 'secret', '*.secret', 'pin', '*.pin'],
        censor: '<redacted>',
      },
    },
    stream,
  );
  let closing: Promise<void> | null = null;
  const destroyed = () => (stream as unknown as { destroyed?: boolean }).destroyed === true;
  const flush = () =>
    new Promise<void>((resolve) => {
      // Closed (or its file gone): what reached the file is still readable.
      if (closing || destroyed()) return resolve();
      try {
        logger.flush(() => resolve());
      } catch {
        resolve();
      }
    });
  return {
    logger,
    directory: options.directory,
    async linesBetween(from, to) {
      await flush();
      return readLogLines(options.directory, from, to);
    },
    close() {
      // Once only, and quietly when the stream already went (a second close, a removed folder).
      closing ??= flush().then(
        () =>
          new Promise<void>((resolve) => {
            if (destroyed()) return resolve();
            stream.once('close', () => resolve());
            stream.once('error', () => resolve());
            try {
              stream.end();
            } catch {
              resolve();
            }
          }),
      );
      return closing;
    },
  };
}

/** Every line in a log folder written between two times (inclusive), oldest first; reads only. */
export async function readLogLines(directory: string, from: Date, to: Date): Promise<object[]> {
  const low = from.getTime();
  const high = to.getTime();
  let names: string[];
  try {
    names = await readdir(directory);
  } catch {
    return []; // no log kept yet
  }
  const files = names
    .filter((name) => FILE_NAME.test(name))
    .sort((a, b) => Number(FILE_NAME.exec(a)![1]) - Number(FILE_NAME.exec(b)![1]));
  const lines: { time: number }[] = [];
  for (const name of files) {
    const path = join(directory, name);
    // A file last written before the span began holds none of its lines.
    if ((await stat(path)).mtimeMs < low) continue;
    for (const line of (await readFile(path, 'utf8')).split('\n')) {
      if (line === '') continue;
      let parsed: unknown;
      try {
        parsed = JSON.parse(line);
      } catch {
        continue; // a line cut by a crash
      }
      const time = (parsed as { time?: unknown }).time;
      if (typeof time === 'number' && time >= low && time <= high)
        lines.push(parsed as { time: number });
    }
  }
  return lines.sort((a, b) => a.time - b.time);
}
