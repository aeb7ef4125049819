import type { RandomSource } from './clock';

export interface BackoffPolicy {
  /** The first retry waits up to this long. */
  baseMs: number;
  /** No wait is longer than this (a 429's Retry-After aside). */
  maxMs: number;
  /** After this many failed attempts in a row, ask the platform's health before going on. */
  attemptsBeforeHealthCheck: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = {
  baseMs: 250,
  maxMs: 30_000,
  attemptsBeforeHealthCheck: 5,
};

/**
 * "Full jitter" exponential backoff: a random wait up to base·2^attempt (capped), so many
 * clients retrying at once spread out instead of hammering the platform in step.
 */
export function backoffDelay(attempt: number, random: RandomSource, policy: BackoffPolicy): number {
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.min(attempt, 30));
  return Math.floor(random() * ceiling);
}
