import { z } from 'zod';

/**
 * Faults the simulator injects, for tests of retries and the outbox. Shares are 0..1 chances
 * per request. `dropBeforeShare` closes the connection before the request is handled,
 * `dropAfterShare` after it took effect (the client cannot tell whether it did) — or, for a
 * replay of a change made before, after the stored answer was found.
 */
export const FaultSettings = z
  .object({
    latencyMs: z.number().int().min(0).max(60_000).default(0),
    serverErrorShare: z.number().min(0).max(1).default(0),
    rateLimitShare: z.number().min(0).max(1).default(0),
    retryAfterSeconds: z.number().int().min(0).max(3_600).default(1),
    dropBeforeShare: z.number().min(0).max(1).default(0),
    dropAfterShare: z.number().min(0).max(1).default(0),
  })
  .strict();
export type FaultSettings = z.output<typeof FaultSettings>;
export type FaultSettingsInput = z.input<typeof FaultSettings>;

export const NO_FAULTS: FaultSettings = FaultSettings.parse({});

export type FaultDecision =
  | { kind: 'none' }
  | { kind: 'serverError' }
  | { kind: 'rateLimit'; retryAfterSeconds: number }
  | { kind: 'dropBefore' };

/** Rolls the dice for one request; `random` is injectable so tests can be exact. */
export class FaultInjector {
  private settings: FaultSettings = NO_FAULTS;

  constructor(
    initial: FaultSettingsInput = {},
    private readonly random: () => number = Math.random,
  ) {
    this.set(initial);
  }

  set(settings: FaultSettingsInput): FaultSettings {
    this.settings = FaultSettings.parse(settings);
    return this.settings;
  }

  get current(): FaultSettings {
    return this.settings;
  }

  beforeRequest(): FaultDecision {
    const s = this.settings;
    if (s.dropBeforeShare > 0 && this.random() < s.dropBeforeShare) return { kind: 'dropBefore' };
    if (s.rateLimitShare > 0 && this.random() < s.rateLimitShare)
      return { kind: 'rateLimit', retryAfterSeconds: s.retryAfterSeconds };
    if (s.serverErrorShare > 0 && this.random() < s.serverErrorShare)
      return { kind: 'serverError' };
    return { kind: 'none' };
  }

  dropAfter(): boolean {
    return this.settings.dropAfterShare > 0 && this.random() < this.settings.dropAfterShare;
  }
}
