import { CodedError } from '../../../shared/errors';
import { findEcho } from './find-echo';
import { SwitchCommandError } from './session-errors';
import type { SwitchSession } from './switch-session';
import type { TerminalScreen } from './terminal-screen';

export interface SwitchLogin {
  username: string;
  password: string;
  /**
   * The enable secret (IOS) or manager password (AOS-S); the login password when absent.
   * Empty means the switch has none: Enter is pressed at its password prompt.
   */
  enableSecret?: string;
}

export interface LogInOptions {
  /**
   * Press Enter at once unless the switch has already said something: a serial console
   * says nothing until a key is pressed.
   */
  wake: boolean;
  /** How long a line that has said nothing yet may stay silent before Enter is pressed again. */
  wakeAfterMs: number;
  /** Enters before giving up on a silent console. */
  wakeAttempts: number;
  /**
   * Whether the first byte heard starts a line: true for an SSH shell or an in-process
   * console, which begin with the session. A serial port opens in the middle of whatever
   * the console is saying (opening it throws away what was waiting, and the cut falls
   * anywhere), so what comes before the first line break may be the tail of a line:
   * `w-quirk-a#` of `sw-quirk-a#` looks like a whole prompt with the wrong hostname.
   */
  firstLineWhole: boolean;
}

const USERNAME = /(?:Username|User Name|Login Name|login): ?$/i;
const PASSWORD = /Password: ?$/i;
const INITIAL_DIALOG = /initial configuration dialog\? \[yes\/no\]: ?$/;
const PRESS_RETURN = /Press RETURN to get started/;
const PRESS_ANY_KEY = /Press any key to continue/;

type Reached = { match: RegExpExecArray; text: string };

/**
 * Gets from whatever the line shows (nothing, a banner, the initial configuration dialog,
 * a login prompt, a prompt left in configuration mode) to the privileged prompt with
 * paging off. Answers each prompt once, as soon as it appears.
 */
export async function logIn(
  session: SwitchSession,
  login: SwitchLogin,
  options: LogInOptions,
): Promise<void> {
  const dialect = session.dialect;
  // Lines before this index have been answered or judged already.
  let consumedUpTo = 0;
  // Where the unfinished line stood when its prompt was answered: answer each prompt once.
  let answeredPartialAt = -1;
  let passwordsSent = 0;
  let usernameSent = false;
  // Whether login has pressed Enter on its own (to wake the line, or for a whole prompt).
  let enterPressed = false;
  const pressEnter = () => {
    enterPressed = true;
    session.send('\r');
  };
  // A refusal counts once a password followed our user name, or on a second try (a
  // password-only console); a password prompt left on the screen from before is not ours.
  const conclusive = () => passwordsSent > 0 && (usernameSent || passwordsSent > 1);
  const refused = () =>
    new CodedError(
      'SWITCH_LOGIN_REJECTED',
      `The switch refused the login for ${login.username}. Check the user name and password.`,
    );
  const answerPartial = (screen: TerminalScreen, text: string, secret = false) => {
    answeredPartialAt = screen.lines.length;
    consumedUpTo = screen.lines.length + 1;
    session.send(text, { secret });
  };
  const loginStep = (screen: TerminalScreen): Reached | undefined => {
    const partial = screen.partial;
    const prompt = dialect.anyPrompt.exec(partial);
    if (prompt) {
      if (options.firstLineWhole || screen.lineBreaks > 0) return { match: prompt, text: partial };
      // Perhaps the tail of a prompt: its hostname cannot be trusted. The answer to an Enter
      // starts on a new line, whole; one already pressed is answered without another.
      if (!enterPressed) pressEnter();
      return undefined;
    }
    const recent = screen.lines.slice(consumedUpTo);
    if (passwordsSent > 0 && recent.some((line) => dialect.loginRejected.test(line)))
      throw refused();
    if (answeredPartialAt !== screen.lines.length) {
      if (INITIAL_DIALOG.test(partial)) return void answerPartial(screen, 'no\r');
      if (USERNAME.test(partial)) {
        if (conclusive()) throw refused();
        usernameSent = true;
        return void answerPartial(screen, `${login.username}\r`);
      }
      if (PASSWORD.test(partial)) {
        if (passwordsSent >= 3) throw refused();
        passwordsSent += 1;
        return void answerPartial(screen, `${login.password}\r`, true);
      }
      if (PRESS_ANY_KEY.test(partial)) return void answerPartial(screen, '\r');
      // Someone left the console in the middle of a long output: leave the pager.
      if (dialect.pager.test(partial)) return void answerPartial(screen, 'q');
    }
    if (recent.some((line) => PRESS_ANY_KEY.test(line) || PRESS_RETURN.test(line))) {
      consumedUpTo = screen.lines.length;
      pressEnter();
    }
    return undefined;
  };

  session.transcript.addSecret(login.password);
  if (login.enableSecret) session.transcript.addSecret(login.enableSecret);
  let reached: Reached | undefined;
  // What arrived before the session listened (a prompt printed as the shell opened) is on
  // the screen already; pressing Enter over it would only answer a prompt twice.
  if (options.wake && session.bytes.rx === 0) pressEnter();
  // Whether the line has said something: anything (or, on serial, a whole line; the tail
  // of one may be all that was waiting when the port opened). It never goes back to quiet.
  let spoken = false;
  const quiet = () => {
    spoken ||=
      session.bytes.rx > 0 && (options.firstLineWhole || session.heardText().includes('\n'));
    return !spoken;
  };
  for (let attempt = 1; !reached; attempt += 1) {
    try {
      // Enter again soon while the line is silent (or showed only the tail of a line); from
      // the moment the switch speaks, even within this wait, it gets the session's usual
      // patience (a password checked against a RADIUS or TACACS+ server takes seconds).
      reached = await session.expect(loginStep, 'the login prompt', {
        shortIdle: { ms: options.wakeAfterMs, while: quiet },
      });
    } catch (error) {
      const silent = error instanceof CodedError && error.code === 'SWITCH_TIMEOUT';
      if (!silent) throw error;
      if (attempt >= options.wakeAttempts) {
        session.refuseOtherVendor(session.heardText());
        throw noResponse(session, error as CodedError);
      }
      answeredPartialAt = -1;
      pressEnter();
    }
  }
  session.adoptPrompt(reached.match, reached.text);
  session.refuseOtherVendor(session.heardText());
  await session.leaveConfigurationNow();
  if (session.level === 'user') await enable(session, login);
  for (const command of dialect.sessionSetup) {
    try {
      await session.runNow(command);
    } catch (error) {
      if (error instanceof SwitchCommandError) await identifyOtherVendor(session);
      throw error;
    }
  }
}

function noResponse(session: SwitchSession, error: CodedError): CodedError {
  const heard = session.bytes.rx > 0;
  const serial = session.transport.kind === 'serial';
  if (heard)
    return new CodedError(
      'SWITCH_NO_RESPONSE',
      `The switch answered with nothing Dialtone recognises (${error.message}).${serial ? ' If the text looks garbled, the baud rate is wrong: try 9600, then 115200 (or let Dialtone find it).' : ''}`,
    );
  return new CodedError(
    'SWITCH_NO_RESPONSE',
    serial
      ? `The switch console did not answer on ${session.transport.label}. Check the console cable is in the switch's console port and the baud rate (9600 unless someone changed it).`
      : `The switch did not answer on ${session.transport.label}. ${session.lineAdvice()}`,
  );
}

/**
 * A setup command was refused: ask the switch what it is (`show version` is common to
 * both CLIs) and stop with "this looks like …" when it is another vendor's.
 */
async function identifyOtherVendor(session: SwitchSession): Promise<void> {
  session.refuseOtherVendor(session.heardText());
  const version = await session.runNow('show version').catch(() => null);
  if (version) session.refuseOtherVendor(`${version.output}\n${session.heardText()}`);
}

async function enable(session: SwitchSession, login: SwitchLogin): Promise<void> {
  const secret = login.enableSecret ?? login.password;
  const rejected = () =>
    new CodedError(
      'SWITCH_ENABLE_REJECTED',
      login.enableSecret === ''
        ? 'The switch wants an enable secret (Enter alone was refused), so Dialtone cannot change its configuration.'
        : 'The switch refused the enable secret, so Dialtone cannot change its configuration. Check the enable secret.',
    );
  session.freshScreen();
  session.send('enable\r');
  let answeredAt = -1;
  let secretSent = false;
  const reached = await session.expect((screen): Reached | undefined => {
    const partial = screen.partial;
    // A prompt before the echo of "enable" answers an earlier Enter, not this.
    const end = findEcho(screen.lines, 'enable') ? session.promptAtEnd(screen) : undefined;
    if (end) {
      if (end.match[end.match.length - 1] === '#') return end;
      throw rejected();
    }
    if (screen.lines.some((line) => session.dialect.enableRejected.test(line))) throw rejected();
    if (answeredAt === screen.lines.length) return undefined;
    if (USERNAME.test(partial)) {
      answeredAt = screen.lines.length;
      session.send(`${login.username}\r`);
    } else if (PASSWORD.test(partial)) {
      if (secretSent) throw rejected();
      secretSent = true;
      answeredAt = screen.lines.length;
      session.send(`${secret}\r`, { secret: true });
    }
    return undefined;
  }, 'privileged mode ("enable")');
  session.adoptPrompt(reached.match, reached.text);
}
