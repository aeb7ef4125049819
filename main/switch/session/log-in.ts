import { CodedError } from '../../../shared/errors';
import type { SwitchSession } from './switch-session';
import type { TerminalScreen } from './terminal-screen';

export interface SwitchLogin {
  username: string;
  password: string;
  /** The enable secret (IOS) or manager password (AOS-S); the login password when absent. */
  enableSecret?: string;
}

export interface LogInOptions {
  /** Send Enter first: a serial console says nothing until a key is pressed. */
  wake: boolean;
  /** How long to wait for an answer before pressing Enter again (console only). */
  wakeAfterMs: number;
  /** Enters before giving up on a silent console. */
  wakeAttempts: number;
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
  // A refusal counts once a password followed our user name, or on a second try (a
  // password-only console); a password prompt left on the screen from before is not ours.
  const conclusive = () => passwordsSent > 0 && (usernameSent || passwordsSent > 1);
  const refused = () =>
    new CodedError(
      'SWITCH_LOGIN_REJECTED',
      `The switch refused the login for ${login.username}. Check the user name and DIALTONE_SWITCH_PASSWORD.`,
    );
  const answerPartial = (screen: TerminalScreen, text: string, secret = false) => {
    answeredPartialAt = screen.lines.length;
    consumedUpTo = screen.lines.length + 1;
    session.send(text, { secret });
  };
  const loginStep = (screen: TerminalScreen): Reached | undefined => {
    const partial = screen.partial;
    const prompt = dialect.anyPrompt.exec(partial);
    if (prompt) return { match: prompt, text: partial };
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
      session.send('\r');
    }
    return undefined;
  };

  session.transcript.addSecret(login.password);
  if (login.enableSecret) session.transcript.addSecret(login.enableSecret);
  let reached: Reached | undefined;
  if (options.wake) session.send('\r');
  for (let attempt = 1; !reached; attempt += 1) {
    try {
      reached = await session.expect(loginStep, 'the login prompt', {
        idleMs: options.wakeAfterMs,
      });
    } catch (error) {
      const silent = error instanceof CodedError && error.code === 'SWITCH_TIMEOUT';
      if (!silent) throw error;
      if (attempt >= options.wakeAttempts) {
        const heard = session.bytes.rx > 0;
        throw new CodedError(
          'SWITCH_NO_RESPONSE',
          heard
            ? `The switch answered with nothing Dialtone recognises (${(error as CodedError).message}). If the text looks garbled, the baud rate is wrong: try 9600, then 115200.`
            : `The switch console did not answer on ${session.transport.label}. Check the console cable is in the switch's console port and the baud rate (9600 unless someone changed it).`,
        );
      }
      answeredPartialAt = -1;
      session.send('\r');
    }
  }
  session.adoptPrompt(reached.match, reached.text);
  if (session.level !== 'user' && session.level !== 'privileged')
    await session.runNow(session.dialect.leaveConfig);
  if (session.level === 'user') await enable(session, login);
  for (const command of dialect.sessionSetup) await session.runNow(command);
}

async function enable(session: SwitchSession, login: SwitchLogin): Promise<void> {
  const secret = login.enableSecret ?? login.password;
  const rejected = () =>
    new CodedError(
      'SWITCH_ENABLE_REJECTED',
      'The switch refused the enable secret, so Dialtone cannot change its configuration. Check DIALTONE_SWITCH_ENABLE.',
    );
  session.freshScreen();
  session.send('enable\r');
  let answeredAt = -1;
  let secretSent = false;
  const reached = await session.expect((screen): Reached | undefined => {
    const partial = screen.partial;
    const end = session.promptAtEnd(screen);
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
