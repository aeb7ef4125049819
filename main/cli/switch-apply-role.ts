import { writeFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import type { Command } from 'commander';
import { CodedError } from '../../shared/errors';
import { PortRole, SwitchVendor } from '../../shared/platform/schemas';
import { driverFor, type SwitchDriver } from '../switch/drivers';
import { applyPortRole, type PortRoleResult } from '../switch/operations';
import { openSession, Transcript, type SwitchLogin, type SwitchSession } from '../switch/session';
import {
  fileHostKeyStore,
  openSerialTransport,
  openSshTransport,
  type Transport,
} from '../switch/transports';
import { EXIT, UsageError, type CliIo } from './io';
import { printSummary, summarise, type SaveOutcome } from './switch-apply-summary';

interface ApplyRoleOptions {
  serial?: string;
  baud: string;
  ssh?: string;
  username?: string;
  vendor: string;
  interface: string[];
  dataVlan: string;
  voiceVlan?: string;
  poe?: boolean;
  edge?: boolean;
  lldpMed?: boolean;
  description?: string;
  shutdown?: boolean;
  json?: boolean;
  save: boolean;
  transcript?: string;
  hostKeys?: string;
  trustNewKey?: string;
}

function vlan(flag: string, value: string): number {
  // Whole decimal numbers only: Number() would also take 0x14, 1e2 and " 20".
  const number = /^\d{1,4}$/.test(value) ? Number(value) : NaN;
  if (!Number.isInteger(number) || number < 1 || number > 4094)
    throw new UsageError(`${flag} must be a VLAN from 1 to 4094, not ${JSON.stringify(value)}`);
  return number;
}

/** Makes sure the transcript can be written before anything is said to a switch. */
async function checkTranscriptPath(path: string): Promise<void> {
  try {
    await writeFile(path, '');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'EISDIR'
        ? 'it is a folder; give a file name'
        : code === 'ENOENT'
          ? 'its folder does not exist'
          : code === 'EACCES' || code === 'EPERM'
            ? 'you may not write there'
            : (error as Error).message;
    throw new UsageError(`--transcript ${path} cannot be written: ${why}`);
  }
}

/** Writes the transcript; a failure is reported, never allowed to skip closing the session. */
async function saveTranscript(path: string, transcript: Transcript, io: CliIo): Promise<void> {
  try {
    await writeFile(path, transcript.toText() + '\n');
  } catch (error) {
    io.err(`dialtone: could not write the transcript to ${path}: ${(error as Error).message}`);
  }
}

function roleFrom(options: ApplyRoleOptions): PortRole {
  const voiceVlan =
    options.voiceVlan === undefined ? null : vlan('--voice-vlan', options.voiceVlan);
  const role = PortRole.safeParse({
    id: 'command-line',
    name: 'role from the command line',
    description: options.description ?? '',
    dataVlan: vlan('--data-vlan', options.dataVlan),
    voiceVlan,
    poe: options.poe ?? false,
    lldpMed: options.lldpMed ?? voiceVlan !== null,
    edge: options.edge ?? false,
    shutdown: options.shutdown ?? false,
  });
  if (!role.success)
    throw new UsageError(`the role is not valid: ${role.error.issues[0]?.message ?? ''}`);
  if (role.data.voiceVlan === role.data.dataVlan)
    throw new UsageError('--voice-vlan must differ from --data-vlan');
  return role.data;
}

async function connect(
  options: ApplyRoleOptions,
): Promise<{ transport: Transport; username: string }> {
  const password = process.env.DIALTONE_SWITCH_PASSWORD ?? '';
  if (options.serial !== undefined) {
    const baud =
      options.baud === 'auto'
        ? 'auto'
        : /^\d{2,7}$/.test(options.baud)
          ? Number(options.baud)
          : NaN;
    if (baud !== 'auto' && (!Number.isInteger(baud) || baud < 50))
      throw new UsageError(
        `--baud must be a line speed such as 9600, or auto, not ${options.baud}`,
      );
    try {
      return {
        transport: await openSerialTransport({ path: options.serial, baudRate: baud }),
        username: options.username ?? 'admin',
      };
    } catch (error) {
      throw withCliHint(error);
    }
  }
  const target = /^(\[[^\]]+\]|[^:]+):(\d{1,5})$/.exec(options.ssh ?? '');
  if (!target) throw new UsageError('--ssh takes HOST:PORT, e.g. 10.0.0.2:22');
  const port = Number(target[2]);
  if (port < 1 || port > 65_535)
    throw new UsageError(`--ssh port must be from 1 to 65535, not ${target[2]}`);
  if (!options.username) throw new UsageError('--ssh needs --username');
  const host = target[1]!.replace(/^\[|\]$/g, '');
  try {
    return {
      transport: await openSshTransport({
        host,
        port,
        username: options.username,
        password,
        ...(options.hostKeys === undefined
          ? {}
          : {
              hostKeys: {
                store: fileHostKeyStore(options.hostKeys),
                switchKey: `${host}:${port}`,
                ...(options.trustNewKey === undefined ? {} : { trustNewKey: options.trustNewKey }),
              },
            }),
      }),
      username: options.username,
    };
  } catch (error) {
    if (error instanceof CodedError && error.code === 'SWITCH_HOST_KEY_CHANGED') {
      const { presented } = error.detail as { presented: string };
      throw new CodedError(
        error.code,
        `${error.message} To trust it, run again with --trust-new-key ${presented}.`,
        error.detail,
      );
    }
    throw withCliHint(error);
  }
}

/** The CLI's own hint on top of the session's words: where it read the secret from, which command lists ports. */
function withCliHint(error: unknown): unknown {
  if (!(error instanceof CodedError)) return error;
  const hint = {
    SWITCH_PORT_MISSING: ' (Run "dialtone switch ports" to see the serial ports this laptop has.)',
    SWITCH_LOGIN_REJECTED: ' (The password was read from DIALTONE_SWITCH_PASSWORD.)',
    SWITCH_ENABLE_REJECTED:
      ' (The enable secret was read from DIALTONE_SWITCH_ENABLE, or is the login password when that is unset; set it empty for a switch with no enable secret.)',
  }[error.code];
  return hint ? new CodedError(error.code, error.message + hint, error.detail) : error;
}

function loginFromEnvironment(username: string): SwitchLogin {
  const enable = process.env.DIALTONE_SWITCH_ENABLE;
  // Set but empty is a switch with no enable secret: Enter at its prompt.
  return {
    username,
    password: process.env.DIALTONE_SWITCH_PASSWORD ?? '',
    ...(enable === undefined ? {} : { enableSecret: enable }),
  };
}

/** Saves when everything changed verified; otherwise says why not. */
async function saveIfDone(
  driver: SwitchDriver,
  results: PortRoleResult[],
  notAttempted: string[],
  wanted: boolean,
): Promise<SaveOutcome> {
  if (!wanted) return { saved: false, why: '--no-save was given' };
  if (!results.some((result) => result.changed))
    return { saved: false, why: 'nothing was changed' };
  if (notAttempted.length > 0 || !results.every((result) => result.verified))
    return { saved: false, why: 'not every interface verified, so the change was left unsaved' };
  try {
    const interfaces = results.flatMap((result) =>
      result.changed && result.afterConfig ? [result.afterConfig] : [],
    );
    return { saved: true, ...(await driver.save({ interfaces })) };
  } catch (error) {
    const coded =
      error instanceof CodedError ? error : new CodedError('SWITCH_SAVE_FAILED', String(error));
    return { saved: false, why: coded.message, code: coded.code };
  }
}

export function registerSwitchApplyRoleCommand(
  switchCommand: Command,
  io: CliIo,
  setExit: (code: number) => void,
): void {
  switchCommand
    .command('apply-role')
    .description(
      'give switch interfaces a port role over the console cable or SSH, read them back and verify; ' +
        'password and enable secret come from DIALTONE_SWITCH_PASSWORD and DIALTONE_SWITCH_ENABLE. ' +
        'Exit 0 done and verified, 1 refused or not verified, 2 bad input or cannot connect',
    )
    .option('--serial <path>', 'serial port of the console cable (see "dialtone switch ports")')
    .option(
      '--baud <baud>',
      'console line speed, or auto to find it (listens at 9600, 115200, 38400, 19200, 57600)',
      '9600',
    )
    .option('--ssh <host:port>', 'SSH to the switch')
    .option('--username <user>', 'login user name (needed with --ssh; console default: admin)')
    .requiredOption('--vendor <vendor>', 'cisco_ios or aruba_aoss')
    .requiredOption(
      '--interface <name>',
      'interface to configure (Gi1/0/5, 5); repeat for several, all in one session',
      (value: string, previous: string[] = []) => [...previous, value],
    )
    .requiredOption('--data-vlan <vlan>', 'access (untagged) VLAN')
    .option('--voice-vlan <vlan>', 'voice VLAN (tagged)')
    .option('--poe', 'PoE on (off when absent)')
    .option('--edge', 'edge port (portfast / admin-edge-port)')
    .option('--lldp-med', 'insist on LLDP-MED network policy (default: when there is a voice VLAN)')
    .option('--description <text>', 'interface description / port name')
    .option('--shutdown', 'shut the interface down')
    .option('--no-save', 'do not write the configuration to memory afterwards')
    .option('--transcript <file>', 'write the console transcript (secrets redacted) to a file')
    .option(
      '--host-keys <file>',
      "with --ssh: pin each switch's SSH host key in this file on first use, and refuse a changed one",
    )
    .option(
      '--trust-new-key <fingerprint>',
      'with --host-keys: trust this new host key (SHA256:…) of a switch whose key changed',
    )
    .option('--json', 'print the result as JSON')
    .action(async (options: ApplyRoleOptions) => {
      const vendor = SwitchVendor.safeParse(options.vendor);
      if (!vendor.success)
        throw new UsageError(
          `--vendor must be cisco_ios or aruba_aoss, not ${JSON.stringify(options.vendor)}`,
        );
      if ((options.serial === undefined) === (options.ssh === undefined))
        throw new UsageError('give exactly one of --serial PATH or --ssh HOST:PORT');
      const role = roleFrom(options);
      if (options.transcript !== undefined) await checkTranscriptPath(options.transcript);
      const started = performance.now();
      const transcript = new Transcript();
      const { transport, username } = await connect(options);
      let session: SwitchSession;
      try {
        session = await openSession(transport, {
          vendor: vendor.data,
          transcript,
          login: loginFromEnvironment(username),
        });
      } catch (error) {
        throw withCliHint(error);
      } finally {
        if (options.transcript) await saveTranscript(options.transcript, transcript, io);
      }
      const driver = driverFor(session);
      const results: PortRoleResult[] = [];
      const notAttempted: string[] = [];
      let save: SaveOutcome;
      try {
        for (const interfaceName of options.interface) {
          // After anything but a refusal the line's state is unknown: type nothing more.
          if (session.isClosed || results.some((result) => result.failure))
            notAttempted.push(interfaceName);
          else results.push(await applyPortRole(driver, { interfaceName, role }));
        }
        save = await saveIfDone(driver, results, notAttempted, options.save);
      } finally {
        await session.close();
        if (options.transcript) await saveTranscript(options.transcript, transcript, io);
      }
      const summary = summarise(results, notAttempted, save, {
        bytes: { tx: transport.bytes.tx, rx: transport.bytes.rx },
        seconds: Math.round((performance.now() - started) / 10) / 100,
      });
      printSummary(io, summary, results, options.json ?? false);
      setExit(summary.verified ? EXIT.ok : EXIT.failed);
    });
}
