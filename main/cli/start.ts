import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Command } from 'commander';
import type { DemoConsoleRequest } from '../app/demo-equipment';
import { createAppServices } from '../app/services';
import { startBrowserHost } from '../web/server';
import { buildIsStale } from './build-freshness';
import { defaultDataDirectory } from '../app/data-directory';
import { electronForProject } from './electron-download';
import { chooseHost } from './host-choice';
import { EXIT, type CliIo } from './io';
import { PROJECT_ROOT } from './project-root';

interface StartOptions {
  open: boolean;
  browser: boolean;
  port?: string;
  world?: string;
  demoConsole: string[];
}

/** `--demo-console SWITCH=PATH[@BAUD]`: one demo switch's console on a PTY at PATH. */
export function parseDemoConsole(text: string): DemoConsoleRequest | string {
  const match = /^([^=\s]+)=(\/[^@]+?)(?:@(\d{3,7}))?$/.exec(text);
  if (!match)
    return `--demo-console takes SWITCH=PATH[@BAUD], e.g. sw-2f-a=/tmp/sw-2f-a-console@38400, not ${text}`;
  return {
    switch: match[1]!,
    path: match[2]!,
    ...(match[3] ? { baud: Number(match[3]) } : {}),
  };
}

function run(command: string, args: string[], io: CliIo): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', (error) => {
      io.err(`dialtone: could not run ${command}: ${error.message}`);
      resolve(EXIT.failed);
    });
    child.on('close', (code) => {
      if (code !== 0) io.err(output);
      resolve(code ?? EXIT.failed);
    });
  });
}

async function ensureBuilt(io: CliIo): Promise<boolean> {
  if (!buildIsStale(PROJECT_ROOT)) return true;
  io.out('Building Dialtone (main, preload and renderer)…');
  const require = createRequire(import.meta.url);
  const cli = join(require.resolve('electron-vite/package.json'), '..', 'bin', 'electron-vite.js');
  return (await run(process.execPath, [cli, 'build'], io)) === EXIT.ok;
}

function openInBrowser(url: string): void {
  const [command, args] =
    process.platform === 'darwin'
      ? ['open', [url]]
      : process.platform === 'win32'
        ? ['cmd', ['/c', 'start', '""', url]]
        : ['xdg-open', [url]];
  const child = spawn(command, args, { stdio: 'ignore', detached: true });
  child.on('error', () => undefined);
  child.unref();
}

function waitForStopSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const stop = (signal: NodeJS.Signals) => resolve(signal);
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

export async function startDialtone(options: StartOptions, io: CliIo): Promise<number> {
  const port = options.port === undefined ? undefined : Number(options.port);
  if (port !== undefined && (!Number.isInteger(port) || port < 1 || port > 65535)) {
    io.err(`dialtone: --port must be a whole number from 1 to 65535, not ${options.port}`);
    return EXIT.badInput;
  }
  const demoConsoles: DemoConsoleRequest[] = [];
  for (const text of options.demoConsole) {
    const parsed = parseDemoConsole(text);
    if (typeof parsed === 'string') {
      io.err(`dialtone: ${parsed}`);
      return EXIT.badInput;
    }
    demoConsoles.push(parsed);
  }
  if (!(await ensureBuilt(io))) {
    io.err('dialtone: the build failed (output above); Dialtone was not started.');
    return EXIT.failed;
  }
  const choice = chooseHost({
    electron: options.browser
      ? { found: false, reason: 'not looked for (--browser)', downloadable: false }
      : await electronForProject({
          projectRoot: PROJECT_ROOT,
          dataDirectory: defaultDataDirectory(),
          env: process.env,
          honourRecentFailure: true,
          progress: (line) => io.out(line),
        }),
    forceBrowser: options.browser,
    noOpen: !options.open,
    env: process.env,
  });

  if (choice.host === 'electron' && demoConsoles.length > 0) {
    io.err('dialtone: --demo-console serves the demo switches of the browser host: add --browser.');
    return EXIT.badInput;
  }
  if (choice.host === 'electron') {
    io.out('Starting Dialtone in its Electron window…');
    const child = spawn(choice.electronPath, ['.'], { cwd: PROJECT_ROOT, stdio: 'inherit' });
    const stopped = waitForStopSignal().then(() => child.kill('SIGTERM'));
    return new Promise((resolve) => {
      child.on('exit', (code) => {
        void stopped;
        resolve(code ?? EXIT.ok);
      });
    });
  }

  io.out(`${choice.why}, so Dialtone runs in your browser instead.`);
  // The host's session token is a secret too: no bundle may carry it.
  let sessionToken: string | null = null;
  const services = await createAppServices({
    host: 'browser',
    ...(options.world ? { target: { kind: 'demo', worldFile: options.world } } : {}),
    demoConsoles,
    log: (line) => io.err(line),
    knownSecrets: () => (sessionToken === null ? [] : [sessionToken]),
  });
  for (const served of services.demoConsoles)
    io.out(
      `The console of demo switch ${served.hostname} is on ${served.path} at ${served.baud} baud: connect with "Console cable" and type that path.`,
    );
  const host = await startBrowserHost({
    router: services.router,
    rendererDir: join(PROJECT_ROOT, 'out', 'renderer'),
    ...(port === undefined ? {} : { port }),
  });
  sessionToken = host.token;
  const connection = services.connection();
  io.out(
    `Dialtone is running on ${connection.kind === 'demo' ? 'the built-in demo platform' : `the platform at ${connection.platformUrl}`}. Open: ${host.launchUrl}`,
  );
  io.out('Press Ctrl-C to stop.');
  if (choice.openBrowser) openInBrowser(host.launchUrl);

  await waitForStopSignal();
  io.out('Stopping Dialtone…');
  await host.close();
  await services.close();
  return EXIT.ok;
}

export function registerStartCommand(
  program: Command,
  io: CliIo,
  setExit: (code: number) => void,
): void {
  program
    .command('start')
    .description(
      'start Dialtone: the Electron window if installed, else the browser host on 127.0.0.1',
    )
    .option('--no-open', 'do not open a browser (also implied by CI=1)')
    .option('--browser', 'use the browser host even where Electron is installed', false)
    .option('--port <port>', 'browser host port (default: a free one)')
    .option(
      '--world <file>',
      'a world file to run the demo platform on instead of the built-in one',
    )
    .option(
      '--demo-console <switch=path[@baud]>',
      "also serve a demo switch's console on a PTY at path (needs socat), as a console cable would; repeatable",
      (value: string, all: string[]) => [...all, value],
      [] as string[],
    )
    .action(async (options: StartOptions) => setExit(await startDialtone(options, io)));
}
