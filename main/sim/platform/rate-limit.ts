import { z } from 'zod';

/** A token bucket per API token: `burst` requests at once, refilled at `requestsPerSecond`. */
export const RateLimitSettings = z
  .object({
    requestsPerSecond: z.number().positive().max(1_000_000),
    burst: z.number().int().min(1).max(1_000_000),
  })
  .strict();
export type RateLimitSettings = z.infer<typeof RateLimitSettings>;

export type RateLimitDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly settings: RateLimitSettings,
    private readonly now: () => number = () => performance.now(),
  ) {}

  take(client: string): RateLimitDecision {
    const now = this.now();
    const bucket = this.buckets.get(client) ?? { tokens: this.settings.burst, at: now };
    const refilled = Math.min(
      this.settings.burst,
      bucket.tokens + ((now - bucket.at) / 1000) * this.settings.requestsPerSecond,
    );
    if (refilled >= 1) {
      this.buckets.set(client, { tokens: refilled - 1, at: now });
      return { allowed: true };
    }
    this.buckets.set(client, { tokens: refilled, at: now });
    return {
      allowed: false,
      retryAfterSeconds: Math.max(1, Math.ceil((1 - refilled) / this.settings.requestsPerSecond)),
    };
  }
}
