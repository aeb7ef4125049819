import { homedir } from 'node:os';
import { join } from 'node:path';

/** Where jobs, journals and settings live: DIALTONE_DATA_DIR, else ~/.dialtone (Electron passes its own). */
export function defaultDataDirectory(): string {
  return process.env['DIALTONE_DATA_DIR'] ?? join(homedir(), '.dialtone');
}
