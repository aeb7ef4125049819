import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import { z } from 'zod';
import { SwitchVendor } from '../../shared/platform/schemas';
import {
  firstSwitchOfVendor,
  servePty,
  serveSsh,
  switchFromWorld,
  type ConsoleQuirks,
  type SimulatedSwitch,
} from '../sim/switch';
import { loadDemoWorld, loadWorldFile } from '../sim/world/load';
import { EXIT, UsageError, type CliIo } from './io';

interface SimulateOptions {
  vendor: string;
  pty?: string;
  ssh?: string;
  baud: string;
  hostname?: string;
  ports?: string;
  username: string;
  world: string;
  quirks?: string;
  strictSpeed?: boolean;
}

const Quirks = z
  .object({
    silentShell: z.boolean(),
    promptOnOpen: z.boolean(),
    noEnd: z.boolean(),
    unknownCommand: z.string().min(1).max(200),
    saveWithoutOk: z.boolean(),
    freezeOn: z.string().min(1).max(200),
    authDelayMs: z.number().int().min(0).max(120_000),
  })
  .partial()
  .strict();

function quirksFrom(text: string): ConsoleQuirks {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new UsageError(`--quirks takes a JSON object, e.g. '{"noEnd":true}', not ${text}`);
  }
  const quirks = Quirks.safeParse(parsed);
  if (!quirks.success)
    throw new UsageError(
      `--quirks: ${quirks.error.issues[0]?.message ?? 'not valid'} (known: ${Object.keys(Quirks.shape).join(', ')})`,
    );
  return Object.fromEntries(
    Object.entries(quirks.data).filter(([, value]) => value !== undefined),
  ) as ConsoleQuirks;
}

function wholeNumber(name: string, value: string, min: number, max: number): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < min || number > max)
    throw new UsageError(
      `${name} must be a whole number from ${min} to ${max}, not ${JSON.stringify(value)}`,
    );
  return number;
}

/**
 * Lines on stdin drive the simulated equipment while it runs:
 * `plug <interface> <mac> [model…]` and `unplug <interface>`.
 */
function acceptControlLines(sw: SimulatedSwitch, io: CliIo): () => void {
  const lines = createInterface({ input: process.stdin, terminal: false });
  lines.on('line', (line) => {
    const [verb, name, mac, ...model] = line.trim().split(/\s+/);
    try {
      if (verb === 'plug' && name && mac) {
        sw.plugIn(name, { mac, model: model.join(' ') || 'T54W' });
        io.out(JSON.stringify({ plugged: name, mac }));
      } else if (verb === 'unplug' && name) {
        sw.unplug(name);
        io.out(JSON.stringify({ unplugged: name }));
      } else if (verb)
        io.err(`dialtone: unknown control line "${line.trim()}" (plug IF MAC [MODEL] | unplug IF)`);
    } catch (error) {
      io.err(`dialtone: ${(error as Error).message}`);
    }
  });
  return () => lines.close();
}

export function registerSwitchSimulateCommand(
  switchCommand: Command,
  io: CliIo,
  setExit: (code: number) => void,
): void {
  switchCommand
    .command('simulate')
    .description(
      'run a simulated switch until interrupted, on a PTY (PATH is the end the app opens) or SSH on 127.0.0.1; ' +
        'login password and enable secret come from DIALTONE_SWITCH_PASSWORD / DIALTONE_SWITCH_ENABLE (no login when unset); ' +
        'stdin takes "plug IF MAC [MODEL]" and "unplug IF" lines',
    )
    .requiredOption('--vendor <vendor>', 'cisco_ios or aruba_aoss')
    .option('--pty <path>', 'create a PTY pair; the app opens PATH as its serial port')
    .option('--ssh <port>', 'serve SSH on 127.0.0.1:PORT (0 picks a free port)')
    .option('--baud <baud>', 'console line speed', '9600')
    .option(
      '--strict-speed',
      'with --pty: answer garbage when the app is at another speed than --baud, as a real console line does',
    )
    .option('--hostname <name>', 'the switch hostname (default: from the world)')
    .option('--ports <count>', 'how many access interfaces (default: from the world)')
    .option('--username <user>', 'login user name', 'admin')
    .option('--world <world>', '"demo" for the built-in world, or a world JSON file', 'demo')
    .option(
      '--quirks <json>',
      'console variations to hold a session against, e.g. \'{"noEnd":true,"unknownCommand":"No such command : {command}","saveWithoutOk":true}\'',
    )
    .action(async (options: SimulateOptions) => {
      const vendor = SwitchVendor.safeParse(options.vendor);
      if (!vendor.success)
        throw new UsageError(
          `--vendor must be cisco_ios or aruba_aoss, not ${JSON.stringify(options.vendor)}`,
        );
      if ((options.pty === undefined) === (options.ssh === undefined))
        throw new UsageError('give exactly one of --pty PATH or --ssh PORT');
      const baud = wholeNumber('--baud', options.baud, 50, 4_000_000);
      const ports =
        options.ports === undefined ? undefined : wholeNumber('--ports', options.ports, 1, 96);
      if (
        options.hostname !== undefined &&
        !/^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/.test(options.hostname)
      )
        throw new UsageError('--hostname takes letters, digits, dot, dash and underscore');
      const world = options.world === 'demo' ? loadDemoWorld() : await loadWorldFile(options.world);
      const password = process.env.DIALTONE_SWITCH_PASSWORD;
      const sw = switchFromWorld(world, firstSwitchOfVendor(world, vendor.data), {
        credentials: password
          ? {
              username: options.username,
              password,
              // Set but empty: a switch with no enable secret.
              enableSecret: process.env.DIALTONE_SWITCH_ENABLE ?? password,
            }
          : null,
        ...(options.hostname === undefined ? {} : { hostname: options.hostname }),
        ...(ports === undefined ? {} : { interfaceCount: ports }),
        ...(options.quirks === undefined ? {} : { quirks: quirksFrom(options.quirks) }),
      });
      let close: () => Promise<void>;
      if (options.pty !== undefined) {
        const pty = await servePty(sw, {
          path: options.pty,
          baud,
          strictSpeed: options.strictSpeed ?? false,
        });
        close = () => pty.close();
        io.out(
          JSON.stringify({
            vendor: vendor.data,
            hostname: sw.identity.hostname,
            pty: pty.path,
            baud,
          }),
        );
      } else {
        const server = await serveSsh(sw, { port: wholeNumber('--ssh', options.ssh!, 0, 65535) });
        close = () => server.close();
        io.out(
          JSON.stringify({
            vendor: vendor.data,
            hostname: sw.identity.hostname,
            ssh: { host: server.host, port: server.port },
          }),
        );
      }
      const stopControl = acceptControlLines(sw, io);
      await new Promise<void>((resolve) => {
        process.once('SIGINT', () => resolve());
        process.once('SIGTERM', () => resolve());
      });
      stopControl();
      await close();
      setExit(EXIT.ok);
    });
}
