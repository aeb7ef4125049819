import { z } from 'zod';

/** Where a replay first did something other than what the bundle recorded. */
export const ReplayDivergence = z.object({
  /** The step, for a person: `#7 MutationApplied — Set floor port 2F-001 to role voice-pc`. */
  step: z.string(),
  /** The journal record (seq) or switch operation (id) the step replays. */
  ref: z.string(),
  /** When the recorded step happened. */
  at: z.string(),
  recorded: z.string(),
  now: z.string(),
});
export type ReplayDivergence = z.infer<typeof ReplayDivergence>;

export const ReplayResult = z.object({
  outcome: z.enum(['reproduced', 'diverged']),
  /** How many recorded steps were compared with what the replay did. */
  stepsCompared: z.number().int().nonnegative(),
  divergence: ReplayDivergence.nullable(),
  durationMs: z.number().nonnegative(),
  /** What the replay could not compare, and why (e.g. a sync run cut short on site). */
  notes: z.array(z.string()),
});
export type ReplayResult = z.infer<typeof ReplayResult>;
