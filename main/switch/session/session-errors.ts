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
