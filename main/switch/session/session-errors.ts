import { CodedError } from '../../../shared/errors';
import type { CommandErrorKind } from './vendor-dialect';

export interface CommandErrorDetail {
  command: string;
  kind: CommandErrorKind;
  /** The switch's own words. */
  switchSaid: string;
  /** In a configuration block: the lines the switch took before this one. */
  applied?: string[];
  /** In a configuration block: the lines not sent because this one failed. */
  notSent?: string[];
  /** In a configuration block: lines before this one that got an unexpected answer. */
  suspect?: SuspectAnswer[];
}

/** A configuration line the switch answered with words that are neither a known message nor an error. */
export interface SuspectAnswer {
  command: string;
  switchSaid: string;
}

/** How far a configuration block got when something other than a refusal stopped it. */
export interface ConfigurationProgress {
  /** Lines the switch took (its prompt came back after each). */
  applied: string[];
  /** The line on its way when it stopped: the switch may or may not have taken it. */
  unconfirmed: string | null;
  notSent: string[];
  suspect: SuspectAnswer[];
}

/** The switch refused a command; names the command and quotes the switch. */
export class SwitchCommandError extends CodedError {
  declare readonly detail: CommandErrorDetail;

  constructor(detail: CommandErrorDetail) {
    const what = {
      invalid: 'does not accept',
      incomplete: 'says this is incomplete:',
      ambiguous: 'finds this ambiguous:',
      rejected: 'rejected',
    }[detail.kind];
    super(
      'SWITCH_COMMAND_REJECTED',
      `The switch ${what} "${detail.command}" (it said: ${detail.switchSaid}).`,
      detail,
    );
    this.name = 'SwitchCommandError';
  }
}

/**
 * A configuration block stopped by something other than a refusal (silence, a closed line,
 * a mode that could not be confirmed): the original error's code and words, and how far
 * the block got.
 */
export class ConfigurationInterrupted extends CodedError {
  readonly progress: ConfigurationProgress;

  constructor(cause: unknown, progress: ConfigurationProgress) {
    const coded =
      cause instanceof CodedError
        ? cause
        : new CodedError('SWITCH_FAILED', cause instanceof Error ? cause.message : String(cause));
    super(coded.code, coded.message, { ...(coded.detail as object | undefined), progress });
    this.name = 'ConfigurationInterrupted';
    this.progress = progress;
  }
}
