import type { SaveConfirmation } from '../switch/drivers';
import type { PortRoleResult } from '../switch/operations';
import type { CliIo } from './io';

/** How the save went: confirmed (and how), not attempted (and why), or failed. */
export type SaveOutcome =
  ({ saved: true } & SaveConfirmation) | { saved: false; why: string; code?: string };

export interface ApplyRoleSummary {
  /** Whether the switch took any configuration line, on any interface. */
  changed: boolean;
  verified: boolean;
  interfaces: ReturnType<typeof interfaceSummary>[];
  /** Interfaces not tried because the session could not go on. */
  notAttempted: string[];
  save: SaveOutcome;
  bytes: { tx: number; rx: number };
  seconds: number;
}

/** One interface, with everything the switch took and what the read-back shows, whatever happened. */
function interfaceSummary(result: PortRoleResult) {
  return {
    interface: result.interfaceName,
    changed: result.changed,
    verified: result.verified,
    commands: result.commands,
    accepted: result.accepted,
    diff: result.diff,
    readBack: result.readBack,
    actualConfig: result.actualConfig,
    ...(result.rejected ? { rejected: result.rejected } : {}),
    ...(result.suspect.length > 0 ? { suspect: result.suspect } : {}),
    ...(result.failure ? { failure: result.failure } : {}),
  };
}

export function summarise(
  results: PortRoleResult[],
  notAttempted: string[],
  save: SaveOutcome,
  extra: { bytes: { tx: number; rx: number }; seconds: number },
): ApplyRoleSummary {
  const saveFailed = !save.saved && save.code !== undefined;
  return {
    changed: results.some((result) => result.changed),
    verified:
      notAttempted.length === 0 && !saveFailed && results.every((result) => result.verified),
    interfaces: results.map(interfaceSummary),
    notAttempted,
    save,
    ...extra,
  };
}

function describeResult(result: PortRoleResult): string[] {
  const name = result.interfaceName;
  const readBack =
    result.readBack === 'read'
      ? `  the interface now reads: ${result.actualConfig.join(' | ') || '(no configuration lines)'}`
      : '  the interface could not be read back: reconnect and read it before trusting it';
  const differs = result.diff.map(
    (line) => `  differs from the role: ${line.line} should be ${line.expected}, is ${line.actual}`,
  );
  const suspect = result.suspect.map(
    (answer) => `  the switch answered "${answer.command}" with: ${answer.switchSaid}`,
  );
  if (result.rejected)
    return [
      `${name}: the switch refused "${result.rejected.command}" (${result.rejected.switchSaid}).`,
      `  taken before it: ${result.rejected.applied.join(' | ') || 'nothing'}; not sent: ${result.rejected.notSent.join(' | ') || 'nothing'}`,
      ...suspect,
      readBack,
      ...differs,
    ];
  if (result.failure)
    return [
      `${name}: stopped: ${result.failure.message}`,
      `  taken by the switch: ${result.accepted.join(' | ') || 'nothing'}${result.failure.unconfirmed ? `; may have been taken: ${result.failure.unconfirmed}` : ''}; not sent: ${result.failure.notSent.join(' | ') || 'nothing'}`,
      ...suspect,
      readBack,
      ...differs,
    ];
  const head = result.changed
    ? `${name}: changed (${result.commands.length} commands), ${result.verified ? 'verified' : 'NOT verified'}`
    : `${name}: already had the role, ${result.verified ? 'verified' : 'NOT verified'}`;
  return [head, ...result.changes.map((change) => `  - ${change}`), ...suspect, ...differs];
}

function describeSave(save: SaveOutcome): string {
  if (save.saved)
    return save.confirmedBy === 'answer'
      ? 'saved: the switch confirmed it'
      : `saved: "write memory" said ${save.switchSaid ? `"${save.switchSaid}"` : 'nothing'}, so the startup configuration was read back and has every change`;
  return `not saved: ${save.why}`;
}

export function printSummary(
  io: CliIo,
  summary: ApplyRoleSummary,
  results: PortRoleResult[],
  json: boolean,
): void {
  if (json) io.out(JSON.stringify(summary, null, 2));
  else {
    for (const result of results) for (const line of describeResult(result)) io.out(line);
    for (const name of summary.notAttempted) io.out(`${name}: not attempted (nothing sent)`);
    io.out(describeSave(summary.save));
    io.out(`${summary.bytes.tx} bytes sent, ${summary.bytes.rx} received, ${summary.seconds} s`);
  }
  for (const result of results) {
    if (result.rejected)
      io.err(`dialtone: ${result.interfaceName}: the switch refused "${result.rejected.command}"`);
    else if (result.failure)
      io.err(
        `dialtone: ${result.interfaceName}: ${result.failure.message} [${result.failure.code}]`,
      );
    else if (!result.verified)
      io.err(
        `dialtone: ${result.interfaceName}: verification failed: ${result.diff.map((d) => d.line).join('; ')}`,
      );
  }
  if (!summary.save.saved && summary.save.code)
    io.err(`dialtone: ${summary.save.why} [${summary.save.code}]`);
}
