import type { SimulatedSwitch } from './simulated-switch';
import type { SimPort, SwitchEvent } from './switch-model';

export type CliMode =
  | { level: 'user' }
  | { level: 'privileged' }
  | { level: 'config' }
  | { level: 'config-if'; port: SimPort }
  | { level: 'config-vlan'; vlan: number };

/** One console connection's state as a vendor CLI sees and changes it. */
export interface CliSession {
  readonly sw: SimulatedSwitch;
  mode: CliMode;
  /** Lines per page; 0 turns paging off. */
  pageLength: number;
  readonly channel: 'console' | 'ssh';
  readonly username: string;
  readonly peer: string;
  /** AOS-S `debug destination session` + `debug event`: event log lines on this session. */
  eventsToSession: { destination: boolean; events: boolean };
}

export interface CommandOutcome {
  /** Lines to print (CRLF line ends), before the next prompt. */
  output: string;
  /** Start the `enable` secret dialog instead of printing a prompt. */
  enable?: boolean;
  /** End this session (`exit` from the top level). */
  logout?: boolean;
  /** Unsolicited messages that follow the command, as a switch logs them. */
  events?: SwitchEvent[];
}

/** What differs between IOS and AOS-S at the command line. */
export interface VendorCli {
  prompt(session: CliSession): string;
  execute(line: string, session: CliSession, promptLength: number): CommandOutcome;
  /** A log line for an event, or null when this session does not print it. */
  formatEvent(event: SwitchEvent, session: CliSession): string | null;
  readonly pagerPrompt: string;
  /** Bytes that erase the pager prompt once a key is pressed. */
  readonly pagerErase: string;
  readonly defaultPageLength: number;
  /** Printed when a console line wakes, before any login. */
  consoleBanner(session: CliSession): string;
  /** Printed at the start of an SSH shell. */
  sshBanner(session: CliSession): string;
  /** Whether a key press is needed after the banner (AOS-S "Press any key to continue"). */
  readonly pressAnyKey: boolean;
  readonly loginFailed: string;
  /** AOS-S asks for a manager user name before the enable password. */
  readonly enableAsksUsername: boolean;
  enableFailed(attempt: number): { text: string; giveUp: boolean };
  logoutText(session: CliSession): string;
}
