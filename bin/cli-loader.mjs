// How `dialtone` and `npm start` load the CLI: the bundle in out/cli (scripts/build-cli.mjs)
// when it is fresh, else the TypeScript sources through tsx, saying so once on stderr.
// Fresh means: every source file the bundle was built from is still there and no newer than
// the build (a few stat calls, no transpiling).
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Why the built CLI cannot be used, or undefined when it is fresh. */
export function builtCliStaleness(root = ROOT) {
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(join(root, 'out', 'cli', 'inputs.json'), 'utf8'));
  } catch {
    return 'there is no built CLI in out/cli';
  }
  for (const input of manifest.inputs) {
    let mtime;
    try {
      mtime = statSync(join(root, input)).mtimeMs;
    } catch {
      return `the built CLI was made from ${input}, which is gone`;
    }
    if (mtime > manifest.builtAt) return `${input} changed after the CLI was built`;
  }
  return undefined;
}

/** runCli from the build, or from the sources. */
export async function loadCli() {
  // DIALTONE_CLI_BUILT=sources: always the sources (to compare, bench/cli-start.ts).
  const fromSources = process.env.DIALTONE_CLI_BUILT === 'sources';
  const staleness = fromSources ? undefined : builtCliStaleness();
  if (staleness === undefined && !fromSources)
    return (await import('../out/cli/dialtone.js')).runCli;
  if (process.env.DIALTONE_CLI_BUILT === 'required') {
    process.stderr.write(
      `dialtone: ${staleness}, and DIALTONE_CLI_BUILT=required; run \`npm run build:cli\`.\n`,
    );
    process.exit(1);
  }
  if (!fromSources)
    process.stderr.write(
      `dialtone: ${staleness}; running the TypeScript sources through tsx (slower start; \`npm run build:cli\` builds it).\n`,
    );
  const { register } = await import('tsx/esm/api');
  register();
  return (await import('../main/cli/index.ts')).runCli;
}
