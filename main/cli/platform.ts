import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { buildOpenApiDocument } from '../../shared/platform/openapi';
import type { z } from 'zod';
import { FaultSettings } from '../sim/platform/faults';
import { RateLimitSettings } from '../sim/platform/rate-limit';
import { loadDemoWorld, loadWorldFile } from '../sim/world/load';
import { EXIT, UsageError, type CliIo } from './io';

interface ServeOptions {
  port?: string;
  seed: string;
  state?: string;
  token?: string;
  registrationDelay?: string;
  faults?: string;
  rateLimit?: string;
  admin?: boolean;
}

function parseWholeNumber(
  flag: string,
  value: string | undefined,
  max: number,
): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!/^\d+$/.test(value) || number > max)
    throw new UsageError(
      `${flag} must be a whole number from 0 to ${max}, not ${JSON.stringify(value)}`,
    );
  return number;
}

function parseJsonOption<T extends z.ZodType>(
  flag: string,
  schema: T,
  example: string,
  value: string | undefined,
): z.output<T> | undefined {
  if (value === undefined) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(value);
  } catch {
    throw new UsageError(`${flag} must be JSON such as '${example}'`);
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success)
    throw new UsageError(
      `${flag}: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'value'}: ${i.message}`).join('; ')}`,
    );
  return parsed.data;
}

/** The committed OpenAPI document, as generated from the contract. */
export function openApiText(): string {
  return `${JSON.stringify(buildOpenApiDocument(), null, 2)}\n`;
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
    .option(
      '--state <file>',
      'keep the state in this file (loaded if it exists, written atomically)',
    )
    .option('--token <token>', 'API token to require (default: a random one)')
    .option('--registration-delay <ms>', 'how long a handset takes to register after login')
    .option('--faults <json>', 'inject faults, e.g. \'{"latencyMs":200,"serverErrorShare":0.1}\'')
    .option(
      '--rate-limit <json>',
      'rate limit per token, e.g. \'{"requestsPerSecond":5,"burst":10}\'',
    )
    .option('--admin', 'enable the test-only /_admin endpoints (faults, link table)')
    .action(async (options: ServeOptions) => {
      const port = parseWholeNumber('--port', options.port, 65_535);
      const registrationDelayMs = parseWholeNumber(
        '--registration-delay',
        options.registrationDelay,
        600_000,
      );
      const faults = parseJsonOption(
        '--faults',
        FaultSettings,
        '{"serverErrorShare":0.1}',
        options.faults,
      );
      const rateLimit = parseJsonOption(
        '--rate-limit',
        RateLimitSettings,
        '{"requestsPerSecond":5,"burst":10}',
        options.rateLimit,
      );
      const world = options.seed === 'demo' ? loadDemoWorld() : await loadWorldFile(options.seed);
      // Loaded here, not at the top: `platform openapi` never needs the HTTP server.
      const { startPlatformSimulator } = await import('../sim/platform/server');
      const simulator = await startPlatformSimulator({
        world,
        ...(port === undefined ? {} : { port }),
        ...(options.token === undefined ? {} : { token: options.token }),
        ...(options.state === undefined ? {} : { statePath: options.state }),
        ...(registrationDelayMs === undefined ? {} : { registrationDelayMs }),
        ...(faults === undefined ? {} : { faults }),
        ...(rateLimit === undefined ? {} : { rateLimit }),
        ...(options.admin ? { admin: true } : {}),
      });
      io.out(JSON.stringify({ url: simulator.url, token: simulator.token }));
      await new Promise<void>((resolve) => {
        process.once('SIGINT', () => resolve());
        process.once('SIGTERM', () => resolve());
      });
      await simulator.close();
      setExit(EXIT.ok);
    });
  platform
    .command('openapi')
    .description('print the platform OpenAPI 3.1 document generated from the contract')
    .option('--out <file>', 'write it to this file instead of stdout')
    .action(async (options: { out?: string }) => {
      const text = openApiText();
      if (options.out === undefined) io.out(text);
      else await writeFile(options.out, text, 'utf8');
      setExit(EXIT.ok);
    });
}
