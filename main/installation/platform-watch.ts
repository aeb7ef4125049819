import { CodedError } from '../../shared/errors';
import type { JobState } from '../../shared/jobs';
import type { JobService } from '../jobs';
import type { PlatformClient } from '../platform/client';

export const WATCH_ACTOR = 'platform';

export interface PlatformWatchOptions {
  jobs: JobService;
  platform: PlatformClient;
  /** Whether the platform may be asked now (reachable, and not working offline). */
  canReach(): boolean;
  /** How long a login may take to register before Dialtone says what to check. */
  registrationTimeoutMs?: number;
  pollMs?: number;
  now?: () => number;
}

export interface PlatformWatch {
  /** Looks at one job now (tests and the watch loop). Resolves when its facts are recorded. */
  check(jobId: string): Promise<void>;
  /**
   * "Check now": reads one login's registration from the platform this moment, also after its
   * wait ran out, and journals what the platform says (registered or not, link, floor port).
   */
  checkNow(jobId: string, e164: string, actionId: string): Promise<void>;
  close(): void;
}

/**
 * Reads back what only the platform knows and journals it as facts: the outcome of a test
 * call once its outbox entry went through, and whether a logged-in handset registered (or,
 * after a while, the facts that say what to check). Works only while the platform is
 * reachable; offline, the job says the step waits.
 */
export function createPlatformWatch(options: PlatformWatchOptions): PlatformWatch {
  const { jobs, platform } = options;
  const timeoutMs = options.registrationTimeoutMs ?? 45_000;
  const now = options.now ?? Date.now;
  const watched = new Set<string>();
  /** When Dialtone started waiting for each login to register (after it reached the platform). */
  const waitingSince = new Map<string, number>();
  const running = new Map<string, Promise<void>>();

  function pendingWork(state: JobState): boolean {
    const applied = new Set(
      state.outbox.filter((i) => i.status === 'applied').map((i) => i.entry.entryId),
    );
    const { ringAttempts, logins, registrations, timeouts } = state.installation;
    const calls = ringAttempts.some((a) => a.testCall === null && applied.has(a.entryId));
    const regs = Object.entries(logins).some(([e164, login]) => {
      if (login.entryId !== null && !applied.has(login.entryId)) return false;
      const fact = registrations[login.handsetId];
      const seen =
        fact && fact.seenAt >= login.at && fact.registration === 'registered' && fact.e164 === e164;
      const timedOut = timeouts[login.handsetId] && timeouts[login.handsetId]!.at >= login.at;
      return !seen && !timedOut;
    });
    return calls || regs;
  }

  async function readBack(jobId: string): Promise<void> {
    const state = await jobs.state(jobId);
    const applied = new Set(
      state.outbox.filter((i) => i.status === 'applied').map((i) => i.entry.entryId),
    );
    for (const attempt of state.installation.ringAttempts) {
      if (attempt.testCall !== null || !applied.has(attempt.entryId)) continue;
      const [call] = await platform.listTestCalls(state.siteId, attempt.e164, {
        reference: attempt.attemptId,
      });
      if (call)
        await jobs.record(jobId, [
          {
            id: `${attempt.attemptId}:placed`,
            actor: WATCH_ACTOR,
            type: 'TestCallPlaced',
            payload: { attemptId: attempt.attemptId, testCall: call },
          },
        ]);
    }
    for (const [e164, login] of Object.entries(state.installation.logins)) {
      if (login.entryId !== null && !applied.has(login.entryId)) continue;
      const fact = state.installation.registrations[login.handsetId];
      if (
        fact &&
        fact.seenAt >= login.at &&
        fact.registration === 'registered' &&
        fact.e164 === e164
      )
        continue;
      const timeout = state.installation.timeouts[login.handsetId];
      if (timeout && timeout.at >= login.at) continue;
      const key = `${jobId}/${e164}/${login.at}`;
      const since = waitingSince.get(key) ?? now();
      waitingSince.set(key, since);
      const registration = await platform.getHandsetRegistration(login.handsetId);
      const payload = {
        handsetId: login.handsetId,
        linkUp: registration.linkUp,
        floorPortId: registration.floorPortId,
      };
      if (registration.registration === 'registered' && registration.loggedInNumber === e164) {
        waitingSince.delete(key);
        await jobs.record(jobId, [
          {
            id: `seen:${login.handsetId}:${e164}:${registration.version}`,
            actor: WATCH_ACTOR,
            type: 'HandsetRegistrationSeen',
            payload: { ...payload, e164, registration: 'registered' },
          },
        ]);
      } else if (now() - since >= timeoutMs) {
        waitingSince.delete(key);
        await jobs.record(jobId, [
          {
            id: `timeout:${login.handsetId}:${login.at}`,
            actor: WATCH_ACTOR,
            type: 'HandsetRegistrationTimedOut',
            payload: { ...payload, e164, waitedSeconds: Math.round((now() - since) / 1000) },
          },
        ]);
      }
    }
  }

  async function checkNow(jobId: string, e164: string, actionId: string): Promise<void> {
    if (!options.canReach())
      throw new CodedError(
        'PLATFORM_UNREACHABLE',
        `Checking ${e164}'s registration needs the platform, which cannot be reached now (or Dialtone is working offline). The login is checked again once it is back.`,
      );
    const state = await jobs.state(jobId);
    const login = state.installation.logins[e164];
    if (!login)
      throw new CodedError('NOT_LOGGED_IN', `${e164} is not logged in yet: log it in first.`);
    const entry = state.outbox.find((i) => i.entry.entryId === login.entryId);
    if (login.entryId !== null && entry?.status !== 'applied')
      throw new CodedError(
        'LOGIN_NOT_SYNCED',
        `The login of ${e164} has not reached the platform yet: it is checked once it syncs.`,
      );
    const registration = await platform.getHandsetRegistration(login.handsetId);
    const registered =
      registration.registration === 'registered' && registration.loggedInNumber === e164;
    await jobs.record(jobId, [
      {
        // The same id as the watch's for the same registration: seen once, whoever saw it.
        id: registered ? `seen:${login.handsetId}:${e164}:${registration.version}` : actionId,
        actor: WATCH_ACTOR,
        type: 'HandsetRegistrationSeen',
        payload: {
          handsetId: login.handsetId,
          e164: registration.loggedInNumber,
          registration: registration.registration,
          linkUp: registration.linkUp,
          floorPortId: registration.floorPortId,
        },
      },
    ]);
  }

  async function check(jobId: string): Promise<void> {
    const inFlight = running.get(jobId);
    if (inFlight) return inFlight;
    const run = (async () => {
      try {
        const state = await jobs.state(jobId);
        if (!pendingWork(state)) {
          watched.delete(jobId);
          return;
        }
        watched.add(jobId);
        if (options.canReach()) await readBack(jobId);
      } catch {
        // The platform went away mid-read: the next tick tries again.
      } finally {
        running.delete(jobId);
      }
    })();
    running.set(jobId, run);
    return run;
  }

  const unsubscribe = jobs.onChanged((jobId) => void check(jobId));
  // Jobs left waiting when Dialtone last stopped.
  void jobs
    .list()
    .then((listings) => {
      for (const listing of listings) if (listing.state) void check(listing.header.jobId);
    })
    .catch(() => undefined);
  const timer = setInterval(() => {
    for (const jobId of watched) void check(jobId);
  }, options.pollMs ?? 1_000);
  timer.unref();

  return {
    check,
    checkNow,
    close() {
      clearInterval(timer);
      unsubscribe();
    },
  };
}
