import type { JobSnapshot, PlatformMutation, PlatformValue } from '../../shared/jobs';

/**
 * What sync needs from the platform. Failures are thrown as CodedErrors whose detail has
 * the HTTP `status` (none when the platform could not be reached), the problem body and,
 * for a 429, `retryAfterMs` — see failure.ts.
 */
export interface MutationGateway {
  /** Sends one mutation; the result is the resource's new version when it has one. */
  apply(
    mutation: PlatformMutation,
    options: { idempotencyKey: string; ifMatch: number | null },
  ): Promise<{ version: number | null }>;
  /** The platform's current value of the resource a mutation changes (to show a conflict). */
  currentValue(mutation: PlatformMutation): Promise<PlatformValue>;
  snapshot(siteId: string, occupierId: string): Promise<JobSnapshot>;
  health(): Promise<boolean>;
}
