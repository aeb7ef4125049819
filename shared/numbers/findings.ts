import { z } from 'zod';

/**
 * What the app can do about a finding, later, through the platform. Each action names the
 * numbers it touches, so the engineer sees exactly what will change before confirming.
 */
export const FixAction = z.discriminatedUnion('kind', [
  /** Allocate `count` numbers from the site's pool (atomic); `activate` them as well, or keep them spare. */
  z.object({
    kind: z.literal('allocate'),
    count: z.number().int().positive(),
    activate: z.boolean(),
  }),
  /** Activate these RESERVED numbers (spare allocated numbers are offered before new ones). */
  z.object({ kind: z.literal('activate'), numbers: z.array(z.string()).min(1) }),
  /** Take these active numbers out of service; they stay allocated as spares. */
  z.object({ kind: z.literal('deactivate'), numbers: z.array(z.string()).min(1) }),
  /** Give these numbers back to the pool (deactivating them first when active). */
  z.object({ kind: z.literal('release'), numbers: z.array(z.string()).min(1) }),
  /** Nominate this allocated number as the occupier's main number and activate it. */
  z.object({ kind: z.literal('nominateMain'), number: z.string() }),
  /** Allocate one number from the pool and nominate it as the main number. */
  z.object({ kind: z.literal('allocateMain') }),
  /** Stop treating these numbers as main numbers (one main number per occupier per site). */
  z.object({ kind: z.literal('demoteMain'), numbers: z.array(z.string()).min(1) }),
  /** Assign this active number to a handset: the suggested free handset, or one the engineer picks. */
  z.object({
    kind: z.literal('assignHandset'),
    number: z.string(),
    handsetId: z.string().nullable(),
  }),
  /** Take this number off the handset it is on (a main number is never logged in to a handset). */
  z.object({ kind: z.literal('unassignHandset'), number: z.string(), handsetId: z.string() }),
]);
export type FixAction = z.infer<typeof FixAction>;

export const FindingSeverity = z.enum(['error', 'warning', 'info']);
export type FindingSeverity = z.infer<typeof FindingSeverity>;

export const NumberFinding = z.object({
  /** Stable for the same problem: a check name, plus `:` and the number for per-number findings. */
  id: z.string(),
  severity: FindingSeverity,
  /** Plain English for the engineer: what is wrong and what to do. */
  message: z.string(),
  numbers: z.array(z.string()),
  fix: FixAction.nullable(),
});
export type NumberFinding = z.infer<typeof NumberFinding>;

export const CheckStage = z.enum(['install', 'signoff']);
export type CheckStage = z.infer<typeof CheckStage>;

export interface CheckOptions {
  /** Before sign-off some gaps are expected (no handset yet); at sign-off they are errors. */
  stage?: CheckStage;
}
