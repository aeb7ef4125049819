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
  /** Press Enter to wake the line; default: yes for serial and in-process consoles, no for SSH. */
  wake?: boolean;
  /** Silence after which Enter is pressed again while logging in. */
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
        wakeAfterMs: options.wakeAfterMs ?? 3000,
        wakeAttempts: 3,
      }),
    );
  } catch (error) {
    await session.close();
    throw error;
  }
  return session;
}
