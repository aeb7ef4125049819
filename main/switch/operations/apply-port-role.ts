import type { PortRole } from '../../../shared/platform/schemas';
import type { SwitchDriver } from '../drivers';
import { verifyRole, type RoleDiffLine } from '../roles';
import { SwitchCommandError, type TranscriptEntry } from '../session';

export interface PortRoleResult {
  interfaceName: string;
  /** Whether any configuration line was changed on the switch. */
  changed: boolean;
  /** Whether the interface, read back, has exactly what the role needs. */
  verified: boolean;
  /** The configuration commands sent (empty when the interface already had the role). */
  commands: string[];
  /** For the engineer: one sentence per change planned. */
  changes: string[];
  /** The lines that differ from the role after the change; empty when verified. */
  diff: RoleDiffLine[];
  /** Set when the switch refused a command: which one, its words, and what was sent before it. */
  rejected: { command: string; switchSaid: string; applied: string[]; notSent: string[] } | null;
  /** The interface's configuration as read back from the switch at the end. */
  actualConfig: string[];
  /** Everything said on the line during this operation, secrets redacted. */
  transcript: TranscriptEntry[];
  bytes: { tx: number; rx: number };
}

const CONTEXT_ONLY = /^(interface \S+|end|exit)$/;

/**
 * Gives one interface a role: reads its configuration, sends the minimal change (nothing
 * when it already matches), reads it back and checks it. When the switch refuses a command,
 * the result names it and carries the interface's state as read back afterwards.
 */
export async function applyPortRole(
  driver: SwitchDriver,
  request: { interfaceName: string; role: PortRole },
): Promise<PortRoleResult> {
  const { interfaceName, role } = request;
  const session = driver.session;
  const startBytes = session.bytes;
  const firstEntry = session.transcript.length;
  const finish = (
    result: Omit<PortRoleResult, 'transcript' | 'bytes' | 'interfaceName'>,
  ): PortRoleResult => ({
    interfaceName,
    ...result,
    transcript: session.transcript.since(firstEntry),
    bytes: { tx: session.bytes.tx - startBytes.tx, rx: session.bytes.rx - startBytes.rx },
  });

  const before = await driver.interfaceConfig(interfaceName, role);
  try {
    const applied = await driver.applyRole(interfaceName, role, before.config);
    if (applied.commands.length === 0) {
      const check = verifyRole(driver.vendor, role, before.config);
      return finish({
        changed: false,
        verified: check.verified,
        commands: [],
        changes: [],
        diff: check.diff,
        rejected: null,
        actualConfig: before.config.lines,
      });
    }
    const check = await driver.verifyRole(interfaceName, role);
    return finish({
      changed: true,
      verified: check.verified,
      commands: applied.commands,
      changes: applied.changes,
      diff: check.diff,
      rejected: null,
      actualConfig: check.after.lines,
    });
  } catch (error) {
    if (!(error instanceof SwitchCommandError)) throw error;
    const { command, switchSaid, applied = [], notSent = [] } = error.detail;
    // Read the interface back: what it has now is what the engineer must be told, not a guess.
    const check = await driver.verifyRole(interfaceName, role);
    return finish({
      changed: applied.some((line) => !CONTEXT_ONLY.test(line)),
      verified: false,
      commands: [...applied, command],
      changes: [],
      diff: check.diff,
      rejected: { command, switchSaid, applied, notSent },
      actualConfig: check.after.lines,
    });
  }
}
