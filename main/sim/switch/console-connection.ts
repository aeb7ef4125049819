import { arubaCli } from './aruba/aruba-cli';
import { ciscoCli } from './cisco/cisco-cli';
import type { SimConsoleEndpoint } from './console-endpoint';
import type { OpenConsoleOptions, SimulatedSwitch } from './simulated-switch';
import type { SwitchEvent } from './switch-model';
import { ThrottledLine } from './throttled-line';
import { lines } from './cli-context';
import type { CliSession, CommandOutcome, VendorCli } from './vendor-cli';

export type ConsoleChannel = 'console' | 'ssh';

type LineState =
  | 'dormant'
  | 'dialog'
  | 'press-return'
  | 'any-key'
  | 'username'
  | 'password'
  | 'authenticating'
  | 'enable-username'
  | 'enable-password'
  | 'command'
  | 'paging'
  | 'frozen'
  | 'closed';

/** How the two CLIs say they do not know a command. */
const UNKNOWN = /% Invalid input detected|^Invalid input: |% Unknown command/m;

const ECHOED_STATES: ReadonlySet<LineState> = new Set([
  'dialog',
  'username',
  'enable-username',
  'command',
]);

/**
 * One console line or SSH shell on a simulated switch: the line discipline (echo,
 * backspace, Enter as CR, CRLF or LF), the login and enable dialogs, the pager and
 * unsolicited log lines; commands go to the vendor's CLI.
 */
export class ConsoleConnection {
  readonly endpoint: SimConsoleEndpoint;
  private readonly cli: VendorCli;
  private readonly session: CliSession;
  private readonly line: ThrottledLine;
  private state: LineState = 'dormant';
  private typed = '';
  private lastByteWasCr = false;
  private escape: 'none' | 'esc' | 'csi' = 'none';
  private pendingUsername = '';
  private loginAttempts = 0;
  private enableAttempts = 0;
  private pagedLines: string[] = [];
  /** Keys pressed while the login is being checked, typed once the answer is out. */
  private typeahead: number[] = [];
  private authTimer: NodeJS.Timeout | null = null;
  private readonly dataListeners = new Set<(bytes: Buffer) => void>();
  private readonly closeListeners = new Set<() => void>();
  private readonly stopEvents: () => void;

  constructor(
    private readonly sw: SimulatedSwitch,
    options: OpenConsoleOptions,
  ) {
    this.cli = sw.vendor === 'cisco_ios' ? ciscoCli : arubaCli;
    this.session = {
      sw,
      mode: { level: 'user' },
      pageLength: this.cli.defaultPageLength,
      channel: options.channel,
      username: options.authenticatedUser ?? sw.credentials?.username ?? '',
      peer: options.peer ?? '127.0.0.1',
      eventsToSession: { destination: false, events: false },
    };
    this.line = new ThrottledLine((bytes) => {
      const out = this.withNoise(bytes);
      for (const listener of [...this.dataListeners]) listener(out);
    }, options.baud);
    this.stopEvents = sw.onEvent((event) => this.onSwitchEvent(event));
    const isClosed = () => this.state === 'closed';
    this.endpoint = {
      write: (bytes) =>
        this.receive(typeof bytes === 'string' ? Buffer.from(bytes, 'latin1') : bytes),
      onData: (listener) => {
        this.dataListeners.add(listener);
        return () => this.dataListeners.delete(listener);
      },
      onClose: (listener) => {
        this.closeListeners.add(listener);
        return () => this.closeListeners.delete(listener);
      },
      close: () => this.close(),
      get closed() {
        return isClosed();
      },
    };
    if (options.channel === 'ssh') {
      if (sw.quirks.silentShell) this.state = 'dormant';
      else this.openShell();
    } else if (sw.quirks.promptOnOpen) {
      // Someone left the console logged in: it shows the prompt, and needs no login.
      this.state = 'command';
      this.session.mode = { level: 'privileged' };
      this.printPrompt();
    } else {
      this.state = 'dormant';
    }
  }

  private openShell(): void {
    this.state = 'command';
    this.line.write(this.cli.sshBanner(this.session));
    if (this.cli.pressAnyKey) this.state = 'any-key';
    else this.printPrompt();
  }

  /** Line noise: raw bytes onto the line at once, between whatever bytes are going out. */
  noise(bytes: string): void {
    this.line.writeNext(bytes);
  }

  private noisePlan: { every: number; bytes: Buffer; left: number; sent: number } | null = null;

  /**
   * Noise at fixed places in what the switch sends from now on: after every `every` bytes
   * of its output, `bytes`, `bursts` times. Counted in bytes, so where it lands does not
   * depend on timers or on how the line groups bytes into chunks.
   */
  noiseEvery(every: number, bytes: string, bursts: number): void {
    this.noisePlan = { every, bytes: Buffer.from(bytes, 'latin1'), left: bursts, sent: 0 };
  }

  private withNoise(chunk: Buffer): Buffer {
    const plan = this.noisePlan;
    if (!plan || plan.left === 0) return chunk;
    const parts: Buffer[] = [];
    let from = 0;
    while (plan.left > 0) {
      const at = plan.every - (plan.sent % plan.every) + from;
      if (at > chunk.length) break;
      parts.push(chunk.subarray(from, at), plan.bytes);
      plan.sent += at - from;
      plan.left -= 1;
      from = at;
    }
    plan.sent += chunk.length - from;
    parts.push(chunk.subarray(from));
    return Buffer.concat(parts);
  }

  close(): void {
    if (this.state === 'closed') return;
    this.state = 'closed';
    if (this.authTimer) clearTimeout(this.authTimer);
    this.line.close();
    this.stopEvents();
    for (const listener of [...this.closeListeners]) listener();
  }

  private get loginRequired(): boolean {
    return this.sw.credentials !== null;
  }

  private receive(bytes: Uint8Array): void {
    for (const byte of bytes) {
      if (this.state === 'closed') return;
      if (this.state === 'authenticating') this.typeahead.push(byte);
      else this.receiveByte(byte);
    }
  }

  private receiveByte(byte: number): void {
    const wasCr = this.lastByteWasCr;
    this.lastByteWasCr = byte === 0x0d;
    if (this.escape !== 'none') {
      // A terminal's own escape sequences (arrow keys, answers to queries) are not typing.
      if (this.escape === 'esc') this.escape = byte === 0x5b ? 'csi' : 'none';
      else if (byte >= 0x40 && byte <= 0x7e) this.escape = 'none';
      return;
    }
    if (byte === 0x1b) {
      this.escape = 'esc';
      return;
    }
    if (byte === 0x0a && wasCr) return;
    const enter = byte === 0x0d || byte === 0x0a;
    switch (this.state) {
      case 'dormant':
        if (this.session.channel === 'ssh') this.openShell();
        else this.wake();
        return;
      case 'press-return':
        if (enter) this.afterLogin();
        return;
      case 'any-key':
        if (this.loginRequired && this.session.channel === 'console') {
          this.line.write('\r\nUsername: ');
          this.state = 'username';
        } else this.afterLogin();
        return;
      case 'paging':
        this.pagerKey(byte);
        return;
      case 'frozen':
        return;
      default:
        this.edit(byte, enter);
    }
  }

  private edit(byte: number, enter: boolean): void {
    const echo = ECHOED_STATES.has(this.state);
    if (enter) {
      const typed = this.typed;
      this.typed = '';
      this.line.write('\r\n');
      this.submit(typed);
      return;
    }
    if (byte === 0x7f || byte === 0x08) {
      if (this.typed.length > 0) {
        this.typed = this.typed.slice(0, -1);
        if (echo) this.line.write('\b \b');
      }
      return;
    }
    if (byte === 0x03 && this.state === 'command') {
      this.typed = '';
      this.line.write('\r\n');
      this.printPrompt();
      return;
    }
    if (byte < 0x20 || byte > 0x7e) return;
    const char = String.fromCharCode(byte);
    this.typed += char;
    if (echo) this.line.write(char);
  }

  private wake(): void {
    if (this.sw.initialDialogPending) {
      this.line.write(
        '\r\n         --- System Configuration Dialog ---\r\n\r\n' +
          'Would you like to enter the initial configuration dialog? [yes/no]: ',
      );
      this.state = 'dialog';
      return;
    }
    this.line.write(this.cli.consoleBanner(this.session));
    if (this.cli.pressAnyKey) {
      this.state = 'any-key';
      return;
    }
    if (this.loginRequired) {
      this.line.write('\r\n\r\nUser Access Verification\r\n\r\nUsername: ');
      this.state = 'username';
      return;
    }
    this.afterLogin();
  }

  private submit(typed: string): void {
    switch (this.state) {
      case 'dialog': {
        const answer = typed.trim().toLowerCase();
        if (answer === 'no' || answer === 'n') {
          this.sw.initialDialogPending = false;
          this.line.write('\r\n\r\nPress RETURN to get started!\r\n\r\n\r\n');
          this.state = 'press-return';
        } else {
          this.line.write(
            "% Please answer 'yes' or 'no'.\r\nWould you like to enter the initial configuration dialog? [yes/no]: ",
          );
        }
        return;
      }
      case 'username':
        if (typed.trim() === '') {
          this.line.write('Username: ');
          return;
        }
        this.pendingUsername = typed;
        this.line.write('Password: ');
        this.state = 'password';
        return;
      case 'password': {
        const delayMs = this.sw.quirks.authDelayMs;
        if (!delayMs) {
          this.checkLogin(typed);
          return;
        }
        this.state = 'authenticating';
        this.authTimer = setTimeout(() => {
          this.authTimer = null;
          this.checkLogin(typed);
          const ahead = this.typeahead;
          this.typeahead = [];
          this.receive(Uint8Array.from(ahead));
        }, delayMs);
        return;
      }
      case 'enable-username':
        this.pendingUsername = typed;
        this.line.write('Password: ');
        this.state = 'enable-password';
        return;
      case 'enable-password':
        this.checkEnable(typed);
        return;
      case 'command':
        this.runCommand(typed);
        return;
      default:
        return;
    }
  }

  private checkLogin(password: string): void {
    const credentials = this.sw.credentials;
    if (
      credentials &&
      password === credentials.password &&
      this.pendingUsername === credentials.username
    ) {
      this.loginAttempts = 0;
      this.afterLogin();
      return;
    }
    this.loginAttempts += 1;
    this.line.write(`${this.cli.loginFailed}Username: `);
    this.state = 'username';
  }

  private afterLogin(): void {
    this.state = 'command';
    this.session.mode = { level: 'user' };
    this.line.write('\r\n');
    this.printPrompt();
  }

  private checkEnable(secret: string): void {
    const credentials = this.sw.credentials;
    const usernameOk =
      !this.cli.enableAsksUsername || this.pendingUsername === credentials?.username;
    if (!credentials || (secret === credentials.enableSecret && usernameOk)) {
      this.enableAttempts = 0;
      this.session.mode = { level: 'privileged' };
      this.state = 'command';
      this.printPrompt();
      return;
    }
    this.enableAttempts += 1;
    const failure = this.cli.enableFailed(this.enableAttempts);
    this.line.write(failure.text);
    if (failure.giveUp) {
      this.enableAttempts = 0;
      this.state = 'command';
      this.printPrompt();
    }
  }

  /** The vendor's CLI, with this switch's quirks: no `end`, its own unknown-command words. */
  private execute(typed: string, promptLength: number): CommandOutcome {
    const quirks = this.sw.quirks;
    const level = this.session.mode.level;
    const inConfig = level !== 'user' && level !== 'privileged';
    const unknown = () =>
      quirks.unknownCommand
        ? lines(quirks.unknownCommand.replace('{command}', typed.trim()))
        : this.sw.vendor === 'cisco_ios'
          ? lines(`${' '.repeat(promptLength)}^`, "% Invalid input detected at '^' marker.", '')
          : lines(`Invalid input: ${typed.trim()}`);
    if (quirks.noEnd && inConfig && /^\s*end\s*$/i.test(typed)) return { output: unknown() };
    const refused = this.refusal(typed);
    if (refused !== null) return { output: lines(refused) };
    const outcome = this.cli.execute(typed, this.session, promptLength);
    if (quirks.unknownCommand && UNKNOWN.test(outcome.output)) return { output: unknown() };
    return outcome;
  }

  /** What the switch answers instead of applying a command it refuses on this interface. */
  private refusal(typed: string): string | null {
    const mode = this.session.mode;
    if (mode.level !== 'config-if') return null;
    const command = typed.trim().replace(/\s+/g, ' ');
    const rule = this.sw.quirks.refuse?.find(
      (r) => this.sw.port(r.interfaceName) === mode.port && command.startsWith(r.command),
    );
    if (!rule) return null;
    return (
      rule.answer ??
      (this.sw.vendor === 'cisco_ios'
        ? `Command rejected: ${mode.port.name} is a member of Port-channel1; configure the port-channel instead.`
        : `Cannot configure port ${mode.port.shortName}: it is a member of trunk Trk1.`)
    );
  }

  private runCommand(typed: string): void {
    const freezeOn = this.sw.quirks.freezeOn;
    if (freezeOn !== undefined && typed.trim().startsWith(freezeOn)) {
      this.state = 'frozen';
      return;
    }
    const prompt = this.cli.prompt(this.session);
    const outcome = this.execute(typed, prompt.length);
    if (outcome.enable) {
      if (!this.sw.credentials) {
        this.session.mode = { level: 'privileged' };
        this.printPrompt();
        return;
      }
      this.state = this.cli.enableAsksUsername ? 'enable-username' : 'enable-password';
      this.line.write(this.cli.enableAsksUsername ? 'Username: ' : 'Password: ');
      return;
    }
    if (outcome.logout) {
      this.line.write(outcome.output + this.cli.logoutText(this.session));
      if (this.session.channel === 'ssh') {
        this.close();
        return;
      }
      this.session.mode = { level: 'user' };
      this.state = this.loginRequired ? 'dormant' : 'press-return';
      return;
    }
    const lines = outcome.output === '' ? [] : outcome.output.replace(/\r\n$/, '').split('\r\n');
    const page = this.session.pageLength - 1;
    if (page > 0 && lines.length > page) {
      this.line.write(lines.slice(0, page).join('\r\n') + '\r\n');
      this.pagedLines = lines.slice(page);
      this.state = 'paging';
      this.line.write(this.cli.pagerPrompt);
    } else {
      this.line.write(outcome.output);
      this.printPrompt();
    }
    for (const event of outcome.events ?? []) this.onSwitchEvent(event);
  }

  private pagerKey(byte: number): void {
    this.line.write(this.cli.pagerErase);
    const page = Math.max(1, this.session.pageLength - 1);
    let count: number;
    if (byte === 0x20) count = page;
    else if (byte === 0x0d || byte === 0x0a) count = 1;
    else {
      this.pagedLines = [];
      this.state = 'command';
      this.printPrompt();
      return;
    }
    const next = this.pagedLines.splice(0, count);
    this.line.write(next.join('\r\n') + '\r\n');
    if (this.pagedLines.length > 0) {
      this.line.write(this.cli.pagerPrompt);
      return;
    }
    this.state = 'command';
    this.printPrompt();
  }

  private printPrompt(): void {
    this.line.write(this.cli.prompt(this.session));
  }

  private onSwitchEvent(event: SwitchEvent): void {
    if (this.state !== 'command' && this.state !== 'paging') return;
    const text = this.cli.formatEvent(event, this.session);
    if (text !== null) this.line.writeBetweenLines(text);
  }
}
