import type { Command } from 'commander';
import { startPlatformSimulator } from '../sim/platform/server';
import { loadDemoWorld, loadWorldFile } from '../sim/world/load';
import { EXIT, UsageError, type CliIo } from './io';

interface ServeOptions {
  port?: string;
  seed: string;
  token?: string;
}

function parsePort(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError(
      `--port must be a whole number from 0 to 65535, not ${JSON.stringify(value)}`,
    );
  return port;
}

export function registerPlatformCommand(
  program: Command,
  io: CliIo,
  setExit: (code: number) => void,
): void {
  const platform = program.command('platform').description('the simulated platform');
  platform
    .command('serve')
    .description(
      'run the platform simulator on 127.0.0.1 until interrupted; prints {"url","token"} when ready',
    )
    .option('--port <port>', 'port to listen on (default: a free one)')
    .option('--seed <seed>', '"demo" for the built-in world, or a world JSON file', 'demo')
    .option('--token <token>', 'API token to require (default: a random one)')
    .action(async (options: ServeOptions) => {
      const port = parsePort(options.port);
      const world = options.seed === 'demo' ? loadDemoWorld() : await loadWorldFile(options.seed);
      const simulator = await startPlatformSimulator({
        world,
        ...(port === undefined ? {} : { port }),
        ...(options.token === undefined ? {} : { token: options.token }),
      });
      io.out(JSON.stringify({ url: simulator.url, token: simulator.token }));
      await new Promise<void>((resolve) => {
        process.once('SIGINT', () => resolve());
        process.once('SIGTERM', () => resolve());
      });
      await simulator.close();
      setExit(EXIT.ok);
    });
}
