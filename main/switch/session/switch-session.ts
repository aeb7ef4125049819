import type { SwitchVendor } from '../../../shared/platform/schemas';
import { CodedError } from '../../../shared/errors';
import type { Transport, TransportClosed } from '../transports/transport';
import { parseLogLine, type SwitchLogEvent } from './log-events';
import { checkCommandLine } from './command-text';
import { findEcho } from './find-echo';
import { ConfigurationInterrupted, SwitchCommandError, type SuspectAnswer } from './session-errors';
import { TerminalScreen } from './terminal-screen';
import { Transcript } from './transcript';
import {
  DIALECTS,
  levelOfPrompt,
  otherVendorIn,
  promptFor,
  type PromptLevel,
  type VendorDialect,
} from './vendor-dialect';

export interface SessionTimeouts {
  /** Longest silence from the switch while a command runs. */
  idleMs: number;
  /** Longest any one command may take, however chatty the switch. */
  commandMs: number;
}

export const DEFAULT_TIMEOUTS: SessionTimeouts = { idleMs: 10_000, commandMs: 180_000 };

export interface ExpectTimeouts extends Partial<SessionTimeouts> {
  /**
   * A shorter silence limit while `while()` holds, judged afresh whenever the switch says
   * something: a line that has said nothing yet gets Enter soon, and once it has spoken
   * the usual patience applies for the rest of the wait.
   */
  shortIdle?: { ms: number; while: () => boolean };
}

export interface CommandResult {
  command: string;
  /** What the switch printed for the command: no echo, no prompt, no pager, no log lines. */
  output: string;
  /** The prompt that ended it. */
  prompt: string;
}

const ANY_PAGER = Object.values(DIALECTS).map((dialect) => dialect.pager);

export interface ConfigureResult {
  /** The lines the switch took, in order. */
  applied: string[];
  /** Lines the switch answered with something that is neither a known message nor an error. */
  suspect: SuspectAnswer[];
}

/** Configuration, interface or any other sub-mode: somewhere `end` or `exit` must lead out of. */
export function isConfigLevel(level: PromptLevel): boolean {
  return level !== 'user' && level !== 'privileged';
}

/** A step of an expectation: look at the screen, maybe answer, return a value when done. */
export type ExpectStep<T> = (screen: TerminalScreen) => T | undefined;

interface Waiter {
  /** What is awaited, for error messages (`"show version"`). */
  what: string;
  step(): void;
  fail(error: Error): void;
}

/**
 * A prompt-driven conversation with one switch over one transport. A command is sent
 * the moment the previous prompt arrives; every wait ends at a prompt or with a clear
 * error (silence, a closed line). Log lines are split out as events as they arrive.
 */
export class SwitchSession {
  readonly vendor: SwitchVendor;
  readonly dialect: VendorDialect;
  readonly transcript: Transcript;
  hostname = '';
  level: PromptLevel = 'user';
  private screen = new TerminalScreen();
  private prompt: RegExp;
  private lastPrompt = '';
  private waiter: Waiter | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private closed: TransportClosed | null = null;
  private readonly eventListeners = new Set<(event: SwitchLogEvent) => void>();
  private readonly timeouts: SessionTimeouts;

  constructor(
    readonly transport: Transport,
    vendor: SwitchVendor,
    options: { transcript?: Transcript; timeouts?: Partial<SessionTimeouts> } = {},
  ) {
    this.vendor = vendor;
    this.dialect = DIALECTS[vendor];
    this.prompt = this.dialect.anyPrompt;
    this.transcript = options.transcript ?? new Transcript();
    this.timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
    transport.onData((bytes) => this.onBytes(bytes));
    transport.onClose((closed) => this.onClosed(closed));
  }

  /** Bytes sent and received on the line so far. */
  get bytes(): { tx: number; rx: number } {
    return { tx: this.transport.bytes.tx, rx: this.transport.bytes.rx };
  }

  get isClosed(): boolean {
    return this.closed !== null;
  }

  /** Log lines (link up/down, PoE, configuration) as they arrive, during commands or idle. */
  onEvent(listener: (event: SwitchLogEvent) => void): () => void {
    this.eventListeners.add(listener);
    return () => this.eventListeners.delete(listener);
  }

  /** Runs one command and returns its output; a command error becomes a SwitchCommandError. */
  run(
    command: string,
    options: { timeouts?: Partial<SessionTimeouts> } = {},
  ): Promise<CommandResult> {
    return this.exclusive(() => this.runNow(command, options.timeouts));
  }

  /**
   * Enters configuration mode (confirmed by its prompt), sends each line once the previous
   * one's prompt is back, and leaves (confirmed by the privileged prompt). The first line
   * the switch refuses stops the rest. Whatever goes wrong, the error says which lines the
   * switch took, which one was in flight and which were not sent, so nothing is left
   * half-done without saying so. An answer that is neither a known message nor an error is
   * suspect: the line counts as sent, and the answer is named in the result.
   */
  configure(lines: string[]): Promise<ConfigureResult> {
    return this.exclusive(async () => {
      // Every line is checked before the first is sent: a bad one leaves the switch untouched.
      for (const line of lines) checkCommandLine(line);
      const applied: string[] = [];
      const suspect: SuspectAnswer[] = [];
      let inFlight: string | null = this.dialect.enterConfig;
      try {
        await this.runNow(this.dialect.enterConfig);
        if (!isConfigLevel(this.level))
          throw this.modeError(this.dialect.enterConfig, 'the configuration prompt');
        for (const line of lines) {
          inFlight = line;
          if (line === this.dialect.leaveConfig) await this.leaveConfigurationNow();
          else {
            const result = await this.runNow(line);
            const said = this.unexpectedAnswer(result.output);
            if (said) suspect.push({ command: line, switchSaid: said });
          }
          applied.push(line);
        }
        inFlight = null;
        await this.leaveConfigurationNow();
        return { applied, suspect };
      } catch (error) {
        const notSent = inFlight === null ? [] : lines.slice(lines.indexOf(inFlight) + 1);
        if (error instanceof SwitchCommandError) {
          await this.leaveConfigurationNow().catch(() => undefined);
          throw new SwitchCommandError({ ...error.detail, applied, notSent, suspect });
        }
        throw new ConfigurationInterrupted(error, {
          applied,
          unconfirmed: inFlight === this.dialect.enterConfig ? null : inFlight,
          notSent,
          suspect,
        });
      }
    });
  }

  /**
   * Back to the privileged prompt, confirmed by it: `end` (unless the lines already went
   * there), and where `end` is refused or does not get there, `exit` until the prompt says
   * so. Callers hold the line.
   */
  async leaveConfigurationNow(): Promise<void> {
    if (!isConfigLevel(this.level)) return;
    try {
      await this.runNow(this.dialect.leaveConfig);
    } catch (error) {
      if (!(error instanceof SwitchCommandError)) throw error;
      this.transcript.record(
        'note',
        `"${this.dialect.leaveConfig}" refused (${error.detail.switchSaid}); stepping out with "exit"`,
      );
    }
    for (let step = 0; step < 4 && isConfigLevel(this.level); step += 1) {
      try {
        await this.runNow('exit');
      } catch (error) {
        if (error instanceof SwitchCommandError) break;
        throw error;
      }
    }
    if (isConfigLevel(this.level))
      throw this.modeError(`${this.dialect.leaveConfig}" and "exit`, 'the privileged prompt');
  }

  private modeError(command: string, expected: string): CodedError {
    return new CodedError(
      'SWITCH_MODE_UNCONFIRMED',
      `After "${command}" the switch shows "${this.lastPrompt.trim()}", not ${expected}. Dialtone stopped rather than type commands in the wrong mode.`,
      { command, prompt: this.lastPrompt.trim() },
    );
  }

  /** What a configuration line's answer says beyond what the vendor's CLI always says; '' when nothing. */
  private unexpectedAnswer(output: string): string {
    return output
      .split('\n')
      .map((line) => line.trim())
      .filter(
        (line) =>
          line !== '' && !this.dialect.benignConfigOutput.some((pattern) => pattern.test(line)),
      )
      .join(' ');
  }

  async close(): Promise<void> {
    if (!this.transport.closed) await this.transport.close();
  }

  // ---- The parts the login procedure drives ------------------------------------------

  /** Writes to the switch and the transcript; a secret is recorded as `<secret>`. */
  send(text: string, options: { secret?: boolean } = {}): void {
    if (this.closed) return;
    if (options.secret) this.transcript.recordSecretSent(text.slice(-1) === '\r' ? '\r' : '');
    else this.transcript.record('tx', text);
    this.transport.write(text);
  }

  /** Starts a new screen: what the switch says from now on. */
  freshScreen(): void {
    this.screen = new TerminalScreen();
  }

  /** Adopts the prompt the switch showed: hostname, mode. */
  adoptPrompt(match: RegExpExecArray, text: string): void {
    if (!this.hostname) {
      this.hostname = match[1]!;
      this.prompt = promptFor(this.hostname);
    }
    this.lastPrompt = text;
    const parsed = this.prompt.exec(text) ?? match;
    this.level = levelOfPrompt(parsed[parsed.length - 2], parsed[parsed.length - 1]!);
  }

  /** Waits until `step` returns a value, the switch goes silent too long, or the line closes. */
  expect<T>(step: ExpectStep<T>, what: string, timeouts?: ExpectTimeouts): Promise<T> {
    const limits = { ...this.timeouts, ...timeouts };
    const shortIdle = timeouts?.shortIdle;
    const idleLimit = () => (shortIdle?.while() ? shortIdle.ms : limits.idleMs);
    return new Promise<T>((resolve, reject) => {
      if (this.closed) {
        reject(this.disconnectedError(what, this.closed));
        return;
      }
      let idleTimer: NodeJS.Timeout;
      const finish = () => {
        clearTimeout(idleTimer);
        clearTimeout(totalTimer);
        this.waiter = null;
      };
      const timeout = (limitMs: number, kind: 'idle' | 'total') => () => {
        finish();
        reject(this.timeoutError(what, limitMs, kind));
      };
      const startIdle = () => {
        const limitMs = idleLimit();
        idleTimer = setTimeout(timeout(limitMs, 'idle'), limitMs);
      };
      const totalTimer = setTimeout(timeout(limits.commandMs, 'total'), limits.commandMs);
      startIdle();
      this.waiter = {
        what,
        step: () => {
          clearTimeout(idleTimer);
          startIdle();
          try {
            const result = step(this.screen);
            if (result !== undefined) {
              finish();
              resolve(result);
            }
          } catch (error) {
            finish();
            reject(error as Error);
          }
        },
        fail: (error) => {
          finish();
          reject(error);
        },
      };
      this.waiter.step();
    });
  }

  /** The prompt the screen ends with (an unfinished line, or a last line followed only by log lines). */
  promptAtEnd(
    screen: TerminalScreen,
  ): { match: RegExpExecArray; text: string; lineIndex: number } | undefined {
    const partial = screen.partial;
    const onPartial = this.prompt.exec(partial);
    if (onPartial) return { match: onPartial, text: partial, lineIndex: -1 };
    if (partial.trim() !== '' || screen.lines.length === 0) return undefined;
    const last = screen.lines[screen.lines.length - 1]!;
    const onLast = this.prompt.exec(last);
    return onLast ? { match: onLast, text: last, lineIndex: screen.lines.length - 1 } : undefined;
  }

  /** Runs work with the line to itself: commands never interleave. */
  exclusive<T>(work: () => Promise<T>): Promise<T> {
    const result = this.queue.then(work);
    this.queue = result.catch(() => undefined);
    return result;
  }

  /**
   * Sends one command and waits for the prompt that follows its echo (a prompt before the
   * echo answers something earlier); callers hold the line (see exclusive).
   */
  async runNow(command: string, timeouts?: Partial<SessionTimeouts>): Promise<CommandResult> {
    checkCommandLine(command);
    this.freshScreen();
    this.send(`${command}\r`);
    let pagerAnsweredAt = -1;
    const end = await this.expect(
      (screen) => {
        // Any vendor's pager: a switch of another vendor than expected is still read to the end.
        if (ANY_PAGER.some((pager) => pager.test(screen.partial))) {
          if (pagerAnsweredAt !== screen.lines.length) {
            pagerAnsweredAt = screen.lines.length;
            this.send(' ');
          }
          return undefined;
        }
        const prompt = this.promptAtEnd(screen);
        if (!prompt) return undefined;
        const shown =
          prompt.lineIndex >= 0 ? screen.lines.slice(0, prompt.lineIndex) : screen.lines;
        const echo = findEcho(shown, command);
        return echo ? { ...prompt, echo } : undefined;
      },
      `"${command}"`,
      timeouts,
    );
    return this.finishCommand(command, end);
  }

  // ---- Internals ----------------------------------------------------------------------

  private finishCommand(
    command: string,
    end: {
      match: RegExpExecArray;
      text: string;
      lineIndex: number;
      echo: { bodyStart: number; before: string };
    },
  ): CommandResult {
    const typedAfter = end.echo.before || this.lastPrompt;
    const shown =
      end.lineIndex >= 0 ? this.screen.lines.slice(0, end.lineIndex) : [...this.screen.lines];
    const body = shown
      .slice(end.echo.bodyStart)
      .filter((line) => !ANY_PAGER.some((pager) => pager.test(line)));
    this.adoptPrompt(end.match, end.text);
    const output = body.join('\n');
    for (const [index, line] of body.entries()) {
      const error = this.dialect.errors.find((candidate) => candidate.pattern.test(line.trim()));
      if (!error) continue;
      const caret = index > 0 ? body[index - 1]!.search(/\^\s*$/) : -1;
      const near = caret >= 0 ? wordAt(command, caret - typedAfter.length) : null;
      throw new SwitchCommandError({
        command,
        kind: error.kind,
        switchSaid: near ? `${line.trim()} (at "${near}")` : line.trim(),
      });
    }
    this.refuseOtherVendor(body.filter((line) => this.foreignError(line)).join('\n'));
    return { command, output, prompt: end.text.trim() };
  }

  /** Whether a line is how another vendor's CLI refuses a command. */
  private foreignError(line: string): boolean {
    return Object.values(DIALECTS).some(
      (dialect) =>
        dialect.vendor !== this.vendor &&
        dialect.errorHints.some((pattern) => pattern.test(line.trim())),
    );
  }

  /**
   * Stops with "this looks like Cisco IOS, not Aruba AOS-S" when the text plainly comes
   * from another vendor's firmware; does nothing when it does not tell.
   */
  refuseOtherVendor(text: string): void {
    if (text.trim() === '') return;
    const other = otherVendorIn(text, this.vendor);
    if (!other) return;
    const sample = text
      .split('\n')
      .map((line) => line.trim())
      .find((line) => other.hints.some((hint) => hint.test(line)));
    throw new CodedError(
      'SWITCH_WRONG_VENDOR',
      `This looks like ${other.label}, not ${this.dialect.label}${sample ? ` (the switch said "${sample.slice(0, 80)}")` : ''}. Choose ${other.label} for this switch and connect again.`,
      { expected: this.vendor, found: other.vendor },
    );
  }

  /** Everything the switch has said on this session so far, as text. */
  heardText(): string {
    return this.transcript.entries
      .filter((entry) => entry.direction === 'rx')
      .map((entry) => entry.text)
      .join('');
  }

  private onBytes(bytes: Buffer): void {
    const text = bytes.toString('latin1');
    this.transcript.record('rx', text);
    const finished = this.screen.feed(text);
    if (finished > 0) this.splitLogLines(finished);
    // With no waiter, what arrives stays on the screen (a finished command's result is
    // read from it after its waiter resolved) until the next command starts a new one.
    this.waiter?.step();
  }

  private splitLogLines(finished: number): void {
    const lines = this.screen.lines;
    const events: SwitchLogEvent[] = [];
    for (let index = lines.length - 1; index >= lines.length - finished && index >= 0; index -= 1) {
      const line = lines[index]!;
      if (!this.dialect.logLine.test(line)) continue;
      this.screen.removeLine(index);
      events.unshift(parseLogLine(line.trim()));
    }
    for (const event of events) for (const listener of [...this.eventListeners]) listener(event);
  }

  private onClosed(closed: TransportClosed): void {
    this.closed = closed;
    this.transcript.record('note', `connection closed: ${closed.message}`);
    this.waiter?.fail(this.disconnectedError(this.waiter.what, closed));
  }

  private disconnectedError(what: string, closed: TransportClosed): CodedError {
    if (closed.by === 'local')
      return new CodedError(
        'SWITCH_NOT_CONNECTED',
        `The switch connection is closed; ${what} was not sent.`,
      );
    return new CodedError(
      'SWITCH_DISCONNECTED',
      `The connection to the switch ended while waiting for ${what}: ${closed.message} The interface may be part-configured: reconnect and read it back before trusting it.`,
      { command: what, closedBy: closed.by },
    );
  }

  private timeoutError(what: string, limitMs: number, kind: 'idle' | 'total'): CodedError {
    const last = this.screen.partial.trim() || this.screen.lines.at(-1)?.trim() || '';
    const shown = last
      ? ` The last thing it showed was "${last.slice(0, 80)}".`
      : ' It sent nothing back.';
    const why =
      kind === 'idle'
        ? `The switch went quiet for ${limitMs / 1000} s while Dialtone waited for ${what}.`
        : `The switch had not finished ${what} after ${limitMs / 1000} s.`;
    return new CodedError('SWITCH_TIMEOUT', `${why}${shown} ${this.lineAdvice()}`, {
      command: what,
      lastLine: last,
    });
  }

  /** What to check when the switch goes quiet: it depends on what carries the session. */
  lineAdvice(): string {
    switch (this.transport.kind) {
      case 'serial':
        return 'Check the console cable and the baud rate, then try again.';
      case 'ssh':
        return 'The switch may be busy or the network path to it slow; try again.';
      case 'in-process':
        return 'The simulated switch stopped answering; restart it.';
    }
  }
}

function wordAt(command: string, column: number): string | null {
  if (column < 0 || column >= command.length) return null;
  const start = command.lastIndexOf(' ', column) + 1;
  const end = command.indexOf(' ', column);
  return command.slice(start, end === -1 ? undefined : end) || null;
}
