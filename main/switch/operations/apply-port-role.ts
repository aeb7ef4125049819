import { CodedError } from '../../../shared/errors';
import type { PortRole } from '../../../shared/platform/schemas';
import type { RoleChecked, SwitchDriver } from '../drivers';
import { verifyRole, type InterfaceConfig, type RoleDiffLine } from '../roles';
import {
  ConfigurationInterrupted,
  SwitchCommandError,
  type SuspectAnswer,
  type TranscriptEntry,
} from '../session';

export interface PortRoleResult {
  interfaceName: string;
  /** Whether the switch took any configuration line for this interface. */
  changed: boolean;
  /** Whether the interface, read back, has exactly what the role needs. */
  verified: boolean;
  /** The configuration commands sent (empty when the interface already had the role). */
  commands: string[];
  /** The commands the switch took (its prompt came back, no error), in order. */
  accepted: string[];
  /** For the engineer: one sentence per change planned. */
  changes: string[];
  /** The lines that differ from the role after the change; empty when verified. */
  diff: RoleDiffLine[];
  /** Set when the switch refused a command: which one, its words, and what was sent before it. */
  rejected: { command: string; switchSaid: string; applied: string[]; notSent: string[] } | null;
  /** Commands the switch answered with words that are neither a known message nor an error. */
  suspect: SuspectAnswer[];
  /**
   * Set when something other than a refusal stopped the work (silence, a closed line, a
   * mode that could not be confirmed): the error, the command in flight (the switch may or
   * may not have taken it), and what was not sent.
   */
  failure: { code: string; message: string; unconfirmed: string | null; notSent: string[] } | null;
  /** Whether the interface could be read back at the end; when not, `actualConfig` is empty. */
  readBack: 'read' | 'unavailable';
  /** The interface's configuration as read before any change; null when it could not be read. */
  beforeConfig: string[] | null;
  /** The interface's configuration as read back from the switch at the end. */
  actualConfig: string[];
  /** The same, parsed (what a save is checked against); null when it could not be read back. */
  afterConfig: InterfaceConfig | null;
  /** Everything said on the line during this operation, secrets redacted. */
  transcript: TranscriptEntry[];
  bytes: { tx: number; rx: number };
}

const CONTEXT_ONLY = /^(interface \S+|end|exit)$/;

type Outcome = Omit<PortRoleResult, 'transcript' | 'bytes' | 'interfaceName' | 'beforeConfig'>;

function failureOf(
  error: unknown,
  unconfirmed: string | null = null,
  notSent: string[] = [],
): NonNullable<PortRoleResult['failure']> {
  const coded =
    error instanceof CodedError
      ? error
      : new CodedError('SWITCH_FAILED', error instanceof Error ? error.message : String(error));
  return { code: coded.code, message: coded.message, unconfirmed, notSent };
}

/** The interface as it is now, after whatever happened; null when the line no longer allows it. */
async function readBack(
  driver: SwitchDriver,
  interfaceName: string,
  role: PortRole,
): Promise<RoleChecked | null> {
  const session = driver.session;
  if (session.isClosed) return null;
  try {
    await session.exclusive(() => session.leaveConfigurationNow());
    return await driver.verifyRole(interfaceName, role);
  } catch {
    return null;
  }
}

/**
 * Gives one interface a role: reads its configuration, sends the minimal change (nothing
 * when it already matches), reads it back and checks it. Whatever stops it (a refused
 * command, silence, a closed line), the result names every command the switch took and
 * the interface as read back afterwards; nothing half-done is reported as untouched.
 */
export async function applyPortRole(
  driver: SwitchDriver,
  request: { interfaceName: string; role: PortRole },
): Promise<PortRoleResult> {
  const { interfaceName, role } = request;
  const session = driver.session;
  const startBytes = session.bytes;
  const firstEntry = session.transcript.length;
  // What a support replay rebuilds the interface from (a bundle carries it).
  let beforeConfig: string[] | null = null;
  const finish = (result: Outcome): PortRoleResult => ({
    interfaceName,
    ...result,
    beforeConfig,
    transcript: session.transcript.since(firstEntry),
    bytes: { tx: session.bytes.tx - startBytes.tx, rx: session.bytes.rx - startBytes.rx },
  });
  const afterFailure = async (
    accepted: string[],
    sent: string[],
    rest: Pick<Outcome, 'rejected' | 'suspect' | 'failure' | 'changes'>,
  ): Promise<PortRoleResult> => {
    const check = await readBack(driver, interfaceName, role);
    return finish({
      ...rest,
      changed: accepted.some((line) => !CONTEXT_ONLY.test(line)),
      verified: false,
      commands: sent,
      accepted,
      diff: check?.diff ?? [],
      readBack: check ? 'read' : 'unavailable',
      actualConfig: check?.after.lines ?? [],
      afterConfig: check?.after ?? null,
    });
  };

  let before;
  try {
    before = await driver.interfaceConfig(interfaceName, role);
    beforeConfig = before.config.lines;
  } catch (error) {
    // Nothing was sent: the interface is as it was.
    return finish({
      changed: false,
      verified: false,
      commands: [],
      accepted: [],
      changes: [],
      diff: [],
      rejected: null,
      suspect: [],
      failure: failureOf(error),
      readBack: 'unavailable',
      actualConfig: [],
      afterConfig: null,
    });
  }
  let applied;
  try {
    applied = await driver.applyRole(interfaceName, role, before.config);
  } catch (error) {
    if (error instanceof SwitchCommandError) {
      const { command, switchSaid, applied: took = [], notSent = [], suspect = [] } = error.detail;
      return afterFailure(took, [...took, command], {
        changes: [],
        rejected: { command, switchSaid, applied: took, notSent },
        suspect,
        failure: null,
      });
    }
    if (error instanceof ConfigurationInterrupted) {
      const { applied: took, unconfirmed, notSent, suspect } = error.progress;
      return afterFailure(took, unconfirmed ? [...took, unconfirmed] : took, {
        changes: [],
        rejected: null,
        suspect,
        failure: failureOf(error, unconfirmed, notSent),
      });
    }
    return afterFailure([], [], {
      changes: [],
      rejected: null,
      suspect: [],
      failure: failureOf(error),
    });
  }
  if (applied.commands.length === 0) {
    const check = verifyRole(driver.vendor, role, before.config);
    return finish({
      changed: false,
      verified: check.verified,
      commands: [],
      accepted: [],
      changes: [],
      diff: check.diff,
      rejected: null,
      suspect: [],
      failure: null,
      readBack: 'read',
      actualConfig: before.config.lines,
      afterConfig: before.config,
    });
  }
  try {
    const check = await driver.verifyRole(interfaceName, role);
    return finish({
      changed: true,
      verified: check.verified,
      commands: applied.commands,
      accepted: applied.commands,
      changes: applied.changes,
      diff: check.diff,
      rejected: null,
      suspect: applied.suspect,
      failure: null,
      readBack: 'read',
      actualConfig: check.after.lines,
      afterConfig: check.after,
    });
  } catch (error) {
    return finish({
      changed: true,
      verified: false,
      commands: applied.commands,
      accepted: applied.commands,
      changes: applied.changes,
      diff: [],
      rejected: null,
      suspect: applied.suspect,
      failure: failureOf(error),
      readBack: 'unavailable',
      actualConfig: [],
      afterConfig: null,
    });
  }
}
