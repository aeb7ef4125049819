import Conf from 'conf';

/**
 * The small store for the job index and settings. electron-store (Electron host) and conf
 * (browser host, CLI, tests) both satisfy it and write the same JSON file format.
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
