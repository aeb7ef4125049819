import { writeFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import type { Command } from 'commander';
import { CodedError } from '../../shared/errors';
import { PortRole, SwitchVendor } from '../../shared/platform/schemas';
import { driverFor } from '../switch/drivers';
import { applyPortRole, type PortRoleResult } from '../switch/operations';
import { openSession, Transcript, type SwitchSession } from '../switch/session';
import { openSerialTransport, openSshTransport, type Transport } from '../switch/transports';
import { EXIT, UsageError, type CliIo } from './io';

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
    const baud = Number(options.baud);
    if (!Number.isInteger(baud) || baud < 50)
      throw new UsageError(`--baud must be a line speed such as 9600, not ${options.baud}`);
    return {
      transport: await openSerialTransport({ path: options.serial, baudRate: baud }),
      username: options.username ?? 'admin',
    };
  }
  const target = /^(\[[^\]]+\]|[^:]+):(\d{1,5})$/.exec(options.ssh ?? '');
  if (!target) throw new UsageError('--ssh takes HOST:PORT, e.g. 10.0.0.2:22');
  const port = Number(target[2]);
  if (port < 1 || port > 65_535)
    throw new UsageError(`--ssh port must be from 1 to 65535, not ${target[2]}`);
  if (!options.username) throw new UsageError('--ssh needs --username');
  return {
    transport: await openSshTransport({
      host: target[1]!.replace(/^\[|\]$/g, ''),
      port,
      username: options.username,
      password,
    }),
    username: options.username,
  };
}

function describeResult(result: PortRoleResult): string[] {
  const name = result.interfaceName;
  if (result.rejected)
    return [
      `${name}: the switch refused "${result.rejected.command}" (${result.rejected.switchSaid}).`,
      `  sent before it: ${result.rejected.applied.join(' | ') || 'nothing'}; not sent: ${result.rejected.notSent.join(' | ') || 'nothing'}`,
      `  the interface now reads: ${result.actualConfig.join(' | ') || '(no configuration lines)'}`,
      ...result.diff.map(
        (line) =>
          `  differs from the role: ${line.line} should be ${line.expected}, is ${line.actual}`,
      ),
    ];
  const head = result.changed
    ? `${name}: changed (${result.commands.length} commands), ${result.verified ? 'verified' : 'NOT verified'}`
    : `${name}: already had the role, ${result.verified ? 'verified' : 'NOT verified'}`;
  return [
    head,
    ...result.changes.map((change) => `  - ${change}`),
    ...result.diff.map(
      (line) =>
        `  differs from the role: ${line.line} should be ${line.expected}, is ${line.actual}`,
    ),
  ];
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
    .option('--baud <baud>', 'console line speed', '9600')
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
          login: {
            username,
            password: process.env.DIALTONE_SWITCH_PASSWORD ?? '',
            ...(process.env.DIALTONE_SWITCH_ENABLE
              ? { enableSecret: process.env.DIALTONE_SWITCH_ENABLE }
              : {}),
          },
        });
      } finally {
        if (options.transcript) await saveTranscript(options.transcript, transcript, io);
      }
      const driver = driverFor(session);
      const results: PortRoleResult[] = [];
      let failure: CodedError | null = null;
      try {
        for (const interfaceName of options.interface)
          results.push(await applyPortRole(driver, { interfaceName, role }));
        const allVerified = results.every((result) => result.verified);
        if (options.save && allVerified && results.some((result) => result.changed))
          await driver.save();
      } catch (error) {
        if (!(error instanceof CodedError)) throw error;
        failure = error;
      } finally {
        await session.close();
        if (options.transcript) await saveTranscript(options.transcript, transcript, io);
      }
      const verified = failure === null && results.every((result) => result.verified);
      const summary = {
        changed: results.some((result) => result.changed),
        verified,
        interfaces: results.map((result) => ({
          interface: result.interfaceName,
          changed: result.changed,
          verified: result.verified,
          commands: result.commands,
          diff: result.diff,
          ...(result.rejected ? { rejected: result.rejected } : {}),
        })),
        bytes: { tx: transport.bytes.tx, rx: transport.bytes.rx },
        seconds: Math.round((performance.now() - started) / 10) / 100,
      };
      if (options.json) io.out(JSON.stringify(summary, null, 2));
      else {
        for (const result of results) for (const line of describeResult(result)) io.out(line);
        io.out(
          `${transport.bytes.tx} bytes sent, ${transport.bytes.rx} received, ${summary.seconds} s`,
        );
      }
      if (failure) io.err(`dialtone: ${failure.message} [${failure.code}]`);
      for (const result of results.filter((r) => r.rejected))
        io.err(
          `dialtone: ${result.interfaceName}: the switch refused "${result.rejected!.command}"`,
        );
      for (const result of results.filter((r) => !r.verified && !r.rejected))
        io.err(
          `dialtone: ${result.interfaceName}: verification failed: ${result.diff.map((d) => d.line).join('; ')}`,
        );
      setExit(verified ? EXIT.ok : EXIT.failed);
    });
}
