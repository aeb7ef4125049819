/**
 * CLI start-up (issue 17): median of 10 runs of three commands as a user types them, from the
 * bundled build (out/cli, `npm run build:cli`) and from the TypeScript sources through tsx,
 * beside `node -e 0` (Node's own start). Goal: under 300 ms to the first byte of output for
 * each built command. Wall time swings with the shared machine's load, so the load average
 * is printed with the figures, and the CPU time (user + system) of each run beside it.
 */
import { spawn } from 'node:child_process';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildCli } from '../scripts/build-cli.mjs';
import { count } from '../shared/wording';

const ROOT = join(import.meta.dirname, '..');
const RUNS = 10;
const BUDGET_MS = 300;
const CAPTURE = join(
  ROOT,
  'main/switch/test-support/ntc-templates/cisco_ios/show_interfaces_status/cisco_ios_show_interfaces_status.raw',
);

interface Case {
  name: string;
  args: string[];
  stdin?: string;
}

const CASES: Case[] = [
  { name: 'dialtone --help', args: ['--help'] },
  {
    name: 'numbers classify --region GB <one>',
    args: ['numbers', 'classify', '--region', 'GB', '+442079460123'],
  },
  {
    name: 'switch parse (small capture)',
    args: ['switch', 'parse', '--vendor', 'cisco_ios', '--command', 'show interfaces status'],
    stdin: CAPTURE,
  },
];

interface Run {
  firstByteMs: number;
  exitMs: number;
  cpuMs: number;
}

/** One run: wall time to the first byte on stdout and to exit; CPU time from /usr/bin/time. */
function once(args: string[], env: NodeJS.ProcessEnv, stdinFile?: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let firstByteMs = Number.NaN;
    let stderr = '';
    const child = spawn('/usr/bin/time', ['-f', '%U %S', process.execPath, ...args], {
      cwd: ROOT,
      env,
      stdio: [stdinFile ? 'pipe' : 'ignore', 'pipe', 'pipe'],
    });
    if (stdinFile && child.stdin) {
      void import('node:fs').then(({ createReadStream }) =>
        createReadStream(stdinFile).pipe(child.stdin!),
      );
    }
    child.stdout!.once('data', () => (firstByteMs = performance.now() - started));
    child.stdout!.resume();
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const exitMs = performance.now() - started;
      const times = /(\d+\.\d+) (\d+\.\d+)\s*$/.exec(stderr);
      if (code !== 0 || !times) {
        reject(new Error(`${args.join(' ')} exited ${code}: ${stderr}`));
        return;
      }
      resolve({ firstByteMs, exitMs, cpuMs: (Number(times[1]) + Number(times[2])) * 1000 });
    });
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

async function measure(args: string[], env: NodeJS.ProcessEnv, stdin?: string) {
  const runs: Run[] = [];
  for (let i = 0; i < RUNS; i++) runs.push(await once(args, env, stdin));
  return {
    firstByte: median(runs.map((r) => r.firstByteMs)),
    exit: median(runs.map((r) => r.exitMs)),
    cpu: median(runs.map((r) => r.cpuMs)),
  };
}

const fmt = (ms: number) => `${Math.round(ms)} ms`.padStart(8);

await buildCli({ quiet: true });
const bin = join(ROOT, 'bin', 'dialtone.mjs');
const builtEnv = { ...process.env, DIALTONE_CLI_BUILT: 'required' };
const sourcesEnv = { ...process.env, DIALTONE_CLI_BUILT: 'sources' };

console.log(`CLI start-up, median of ${RUNS} runs (load average ${loadavg()[0]!.toFixed(1)})`);
console.log(
  'command                                 built: first byte / exit / CPU    tsx: first byte / exit / CPU',
);
const node = await measure(['-e', 'process.stdout.write("x")'], process.env);
console.log(
  `${'node -e 0 (Node alone)'.padEnd(40)}${fmt(node.firstByte)}${fmt(node.exit)}${fmt(node.cpu)}`,
);
let over = 0;
for (const c of CASES) {
  const built = await measure([bin, ...c.args], builtEnv, c.stdin);
  const sources = await measure([bin, ...c.args], sourcesEnv, c.stdin);
  if (built.firstByte > BUDGET_MS) over += 1;
  console.log(
    `${c.name.padEnd(40)}${fmt(built.firstByte)}${fmt(built.exit)}${fmt(built.cpu)}      ${fmt(sources.firstByte)}${fmt(sources.exit)}${fmt(sources.cpu)}`,
  );
}
console.log(
  over === 0
    ? `All built commands under ${BUDGET_MS} ms to the first byte.`
    : `${count(over, 'built command', 'built commands')} over ${BUDGET_MS} ms to the first byte (see the load average).`,
);
console.log(`Load average after: ${loadavg()[0]!.toFixed(1)}`);
