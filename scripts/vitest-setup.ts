import { builtCliStaleness } from '../bin/cli-loader.mjs';
import { buildCli } from './build-cli.mjs';

/**
 * Vitest's global setup: tests spawn `bin/dialtone.mjs` as a user does, so the bundled CLI
 * they run is brought up to date first (esbuild, well under a second; nothing when fresh).
 */
export default async function setup(): Promise<void> {
  if (builtCliStaleness() !== undefined) await buildCli({ quiet: true });
}
