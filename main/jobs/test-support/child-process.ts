import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { build } from 'esbuild';
import type { ChildMessage, CrashAction } from './crash-script';

/**
 * Bundles the crash child into one plain .mjs file, so each of the hundreds of restarts
 * costs a bare `node` start instead of a TypeScript compile.
 */
export function bundleCrashChild(directory: string): Promise<string> {
  return bundleTestChild(directory, 'crash-child');
}

/** Bundles `test-support/<name>.ts` into `<directory>/<name>.mjs` for a bare `node` to run. */
export async function bundleTestChild(directory: string, name: string): Promise<string> {
  const outfile = join(directory, `${name}.mjs`);
  await build({
    entryPoints: [join(import.meta.dirname, `${name}.ts`)],
    bundle: true,
    minify: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile,
    logLevel: 'silent',
    // Some bundled CommonJS packages call require(); give the ESM bundle one.
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
    },
  });
  return outfile;
}

export interface RunningChild {
  process: ChildProcessWithoutNullStreams;
  send(action: CrashAction): void;
  /** Every message, as it arrives. */
  onMessage(listener: (message: ChildMessage) => void): void;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>;
}

/** `platform` given: the child runs the app's wiring against it, autoSync on. */
export function startCrashChild(
  script: string,
  dataDirectory: string,
  jobId: string,
  platform?: { url: string; token: string },
): RunningChild {
  const args = [script, dataDirectory, jobId, ...(platform ? [platform.url, platform.token] : [])];
  const child = spawn(process.execPath, args, { stdio: 'pipe' });
  const listeners: ((message: ChildMessage) => void)[] = [];
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  createInterface({ input: child.stdout }).on('line', (line) => {
    const message = JSON.parse(line) as ChildMessage;
    for (const listener of listeners) listener(message);
  });
  // Writing to a child that was just killed fails with EPIPE; that is expected here.
  child.stdin.on('error', () => undefined);
  return {
    process: child,
    send: (action) => child.stdin.write(`${JSON.stringify(action)}\n`),
    onMessage: (listener) => listeners.push(listener),
    exited: new Promise((resolve) =>
      child.on('exit', (code, signal) => resolve({ code, signal, stderr })),
    ),
  };
}
