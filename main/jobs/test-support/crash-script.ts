import { createHash } from 'node:crypto';
import type { ChecklistStepId, JobState } from '../../../shared/jobs';

/** One scripted engineer action of the crash test; its id makes a resend after a crash a no-op. */
export type CrashAction =
  | { id: string; kind: 'create'; jobId: string; siteId: string; occupierId: string }
  | { id: string; kind: 'step'; jobId: string; stepId: ChecklistStepId; done: boolean }
  | { id: string; kind: 'role'; jobId: string; floorPortId: string; roleId: string }
  | { id: string; kind: 'allocate'; jobId: string; siteId: string; occupierId: string };

/** Messages from the child: ready (with its view of the journal), one ack per durable action, sync steps. */
export type ChildMessage =
  | { kind: 'ready'; events: number; digest: string | null }
  | { kind: 'ack'; id: string }
  /**
   * Sync run `run` (counted from 1 in this life) made `done` outcomes durable so far (with
   * a platform only): sync's outcomes are journaled in batches, and count only once durable.
   */
  | { kind: 'synced'; done: number; run: number }
  /** Sync run `run` started (with a platform only). */
  | { kind: 'syncing'; run: number }
  | { kind: 'failed'; id: string; message: string };

/** A digest of a folded state, equal whenever two folds agree. */
export function stateDigest(state: JobState): string {
  return createHash('sha256').update(JSON.stringify(state)).digest('hex');
}
