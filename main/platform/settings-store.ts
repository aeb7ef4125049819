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
import { CodedError } from '../../shared/errors';

/**
 * Where main keeps small settings. electron-store and conf satisfy it as they are (and so
 * does main/jobs' `createConfStore`); `createJsonFileSettingsStore` is the plain-file one.
 */
export interface SettingsStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
}

export function createMemorySettingsStore(initial: Record<string, unknown> = {}): SettingsStore {
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

/** A JSON file of settings (mode 0600), replaced atomically on every change. */
export function createJsonFileSettingsStore(path: string): SettingsStore {
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
