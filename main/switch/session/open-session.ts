import type { SwitchVendor } from '../../../shared/platform/schemas';
import type { Transport } from '../transports/transport';
import { logIn, type SwitchLogin } from './log-in';
import { SwitchSession, type SessionTimeouts } from './switch-session';
import { Transcript } from './transcript';

export interface OpenSessionOptions {
  vendor: SwitchVendor;
  login: SwitchLogin;
  transcript?: Transcript;
  timeouts?: Partial<SessionTimeouts>;
  /**
   * Press Enter at once to wake the line (unless the switch already spoke); default: yes for
   * serial and in-process consoles, no for SSH (a shell prints its prompt as it opens).
   */
  wake?: boolean;
  /** Silence from a line that has said nothing yet, after which Enter is pressed (again). */
  wakeAfterMs?: number;
}

/** Logs in on a transport and returns a session at the privileged prompt with paging off. */
export async function openSession(
  transport: Transport,
  options: OpenSessionOptions,
): Promise<SwitchSession> {
  const session = new SwitchSession(transport, options.vendor, {
    transcript: options.transcript ?? new Transcript(),
    ...(options.timeouts ? { timeouts: options.timeouts } : {}),
  });
  try {
    await session.exclusive(() =>
      logIn(session, options.login, {
        wake: options.wake ?? transport.kind !== 'ssh',
        wakeAfterMs: options.wakeAfterMs ?? 1000,
        wakeAttempts: 3,
        firstLineWhole: transport.kind !== 'serial',
      }),
    );
  } catch (error) {
    await session.close();
    throw error;
  }
  return session;
}
