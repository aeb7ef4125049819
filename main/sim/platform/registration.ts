import { EventEmitter } from 'node:events';
import type { Handset } from '../../../shared/platform/schemas';
import type { LinkTable } from './links';
import type { PlatformState } from './state';

export interface RegistrationChange {
  handsetId: string;
  registration: Handset['registration'];
}

/** What happened when a registration countdown ran out. */
export interface RegistrationAttempt {
  handsetId: string;
  outcome: 'registered' | 'noLink' | 'notLoggedIn';
}

export interface RegistrationOptions {
  /** How long a logged-in handset takes to register once it has link. */
  delayMs: number;
  /** Called after the simulator changed state by itself (to persist it). */
  onStateChanged: () => void;
  /** The timer countdowns run on (default: an unref'd setTimeout; tests run theirs by hand). */
  schedule?: (run: () => void, ms: number) => () => void;
}

function unrefTimer(run: () => void, ms: number): () => void {
  const timer = setTimeout(run, ms);
  timer.unref();
  return () => clearTimeout(timer);
}

/**
 * Simulated SIP registration: a handset with a number logged in registers `delayMs` after
 * the login (or after it gets link, wherever it is really plugged in); without link it
 * stays `registering`, and losing link drops a registered handset back to `registering`.
 * Emits `change`.
 */
export class RegistrationSimulator {
  /** Cancel of each handset's running countdown. */
  private readonly timers = new Map<string, () => void>();
  private readonly events = new EventEmitter();
  private readonly unsubscribe: () => void;

  constructor(
    private readonly state: PlatformState,
    private readonly links: LinkTable,
    private readonly options: RegistrationOptions,
  ) {
    this.unsubscribe = links.onChange(({ floorPortId, mac }) => {
      for (const handset of state.handsets.values()) {
        const concerned =
          handset.mac === mac || (mac === null && handset.floorPortId === floorPortId);
        if (!concerned || handset.loggedInNumber === null) continue;
        if (links.handsetHasLink(handset)) this.schedule(handset.id);
        else if (handset.registration === 'registered') this.update(handset, 'registering');
      }
    });
    for (const handset of state.handsets.values())
      if (handset.registration === 'registering') this.schedule(handset.id);
  }

  /** Starts (or restarts) the registration countdown of a handset that was just logged in. */
  schedule(handsetId: string): void {
    this.cancel(handsetId);
    const cancel = (this.options.schedule ?? unrefTimer)(() => {
      this.timers.delete(handsetId);
      const handset = this.state.handsets.get(handsetId);
      if (!handset || handset.loggedInNumber === null)
        return this.attempted(handsetId, 'notLoggedIn');
      if (!this.links.handsetHasLink(handset)) return this.attempted(handsetId, 'noLink');
      if (handset.registration !== 'registered') this.update(handset, 'registered');
      this.attempted(handsetId, 'registered');
    }, this.options.delayMs);
    this.timers.set(handsetId, cancel);
  }

  cancel(handsetId: string): void {
    this.timers.get(handsetId)?.();
    this.timers.delete(handsetId);
  }

  onChange(listener: (change: RegistrationChange) => void): () => void {
    this.events.on('change', listener);
    return () => this.events.off('change', listener);
  }

  /** Every countdown that ran out, with what came of it (tests wait on this, not on clocks). */
  onAttempt(listener: (attempt: RegistrationAttempt) => void): () => void {
    this.events.on('attempt', listener);
    return () => this.events.off('attempt', listener);
  }

  close(): void {
    this.unsubscribe();
    for (const cancel of this.timers.values()) cancel();
    this.timers.clear();
  }

  private attempted(handsetId: string, outcome: RegistrationAttempt['outcome']): void {
    this.events.emit('attempt', { handsetId, outcome } satisfies RegistrationAttempt);
  }

  private update(handset: Handset, registration: Handset['registration']): void {
    handset.registration = registration;
    handset.version += 1;
    this.state.touchSite(handset.siteId);
    this.options.onStateChanged();
    this.events.emit('change', {
      handsetId: handset.id,
      registration,
    } satisfies RegistrationChange);
  }
}
