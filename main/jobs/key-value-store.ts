import {
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  writeSync,
} from 'node:fs';
import { dirname } from 'node:path';
import Conf from 'conf';
import { CodedError } from '../../shared/errors';

/**
 * The small store for the job index, preferences and platform settings. electron-store
 * (Electron host) and conf (browser host, CLI, tests) both satisfy it and write the same JSON
 * file format; the memory and plain-file stores below are for tests and tools.
 */
export interface KeyValueStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
}

/** The conf-backed store, for every host except Electron (which hands in electron-store). */
export function createConfStore(directory: string, name = 'dialtone'): KeyValueStore {
  const conf = new Conf<Record<string, unknown>>({
    cwd: directory,
    configName: name,
    projectName: 'dialtone',
    // Keys are job ids and setting names; never treat a dot in one as a path.
    accessPropertiesByDotNotation: false,
  });
  return {
    get: (key) => conf.get(key),
    set: (key, value) => conf.set(key, value),
  };
}

export function createMemoryKeyValueStore(initial: Record<string, unknown> = {}): KeyValueStore {
  const values = new Map(Object.entries(structuredClone(initial)));
  return {
    get: (key) => structuredClone(values.get(key)),
    set: (key, value) => {
      values.set(key, structuredClone(value));
    },
  };
}

function writeFileAtomically(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  const fd = openSync(temporary, 'w', 0o600);
  try {
    const bytes = Buffer.from(text, 'utf8');
    let written = 0;
    while (written < bytes.length) written += writeSync(fd, bytes, written);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, path);
}

/** A JSON file (mode 0600), replaced atomically on every change. */
export function createJsonFileKeyValueStore(path: string): KeyValueStore {
  let values: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
      throw new Error('not a JSON object');
    values = parsed as Record<string, unknown>;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT')
      throw new CodedError(
        'SETTINGS_UNREADABLE',
        `The settings file ${path} cannot be read (${(error as Error).message}). Move it aside to start with fresh settings.`,
      );
  }
  return {
    get: (key) => structuredClone(values[key]),
    set: (key, value) => {
      const next = { ...values, [key]: structuredClone(value) };
      writeFileAtomically(path, `${JSON.stringify(next, null, 2)}\n`);
      values = next;
    },
  };
}
