import { CodedError } from '../../../shared/errors';
import { parseInterfaceConfig, type InterfaceConfig } from '../parsers';
import type { SwitchSession } from '../session';
import type { SaveConfirmation } from './switch-driver';

export interface SaveDialect {
  /** Whether the save command's answer says it saved (IOS `[OK]`; AOS-S prints nothing). */
  answered(output: string): boolean;
  /** Prints the startup configuration. */
  startupCommand: string;
}

/**
 * `write memory`, confirmed by its answer or, when the answer does not say, by reading the
 * startup configuration back and finding every line of each interface there.
 */
export async function saveAndConfirm(
  session: SwitchSession,
  dialect: SaveDialect,
  check: { interfaces: InterfaceConfig[] } | undefined,
): Promise<SaveConfirmation> {
  const output = (await session.run('write memory')).output.trim();
  if (dialect.answered(output)) return { confirmedBy: 'answer', switchSaid: output };
  const said = output || 'nothing';
  const interfaces = check?.interfaces ?? [];
  if (interfaces.length === 0)
    throw new CodedError(
      'SWITCH_SAVE_UNCONFIRMED',
      `The switch did not confirm saving its configuration ("write memory" said: ${said}), and there was no interface to look for in the startup configuration.`,
      { switchSaid: output },
    );
  const startup = (await session.run(dialect.startupCommand)).output;
  const missing: string[] = [];
  for (const wanted of interfaces) {
    const saved = parseInterfaceConfig(session.vendor, startup, wanted.interfaceName);
    const lines = saved.ok && saved.records[0] ? new Set(saved.records[0].effectiveLines) : null;
    if (!lines) missing.push(`${wanted.interfaceName} (not in it)`);
    else
      for (const line of wanted.effectiveLines)
        if (!lines.has(line)) missing.push(`${wanted.interfaceName}: ${line}`);
  }
  if (missing.length > 0)
    throw new CodedError(
      'SWITCH_SAVE_FAILED',
      `The switch did not save its configuration: "write memory" said ${said}, and the startup configuration ("${dialect.startupCommand}") lacks ${missing.slice(0, 5).join('; ')}${missing.length > 5 ? ` and ${missing.length - 5} more` : ''}.`,
      { switchSaid: output, missing },
    );
  return { confirmedBy: 'startup-config', switchSaid: output };
}
