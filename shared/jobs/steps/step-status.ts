import { z } from 'zod';
import { ExceptionReason, InstallationStepState } from '../../platform/installation';
import { ChecklistStepId } from '../checklist';

/**
 * A step's status, computed from facts: what is left, each with why. `open` needs the
 * engineer; `waiting` is in hand (queued for the platform, or the platform is working on it);
 * `excepted` is open but signed off with a reason.
 */
export const StepItemState = z.enum(['open', 'waiting', 'excepted']);
export type StepItemState = z.infer<typeof StepItemState>;

export const StepItem = z.object({
  /** Stable: `<stepId>:<what>`; an exception is recorded against it. */
  id: z.string(),
  message: z.string(),
  /** The rule behind it, in plain words, when there is one. */
  rule: z.string().nullable(),
  state: StepItemState,
  exception: z.object({ reason: ExceptionReason, text: z.string() }).nullable(),
});
export type StepItem = z.infer<typeof StepItem>;

export const StepState = InstallationStepState;
export type StepState = z.infer<typeof StepState>;

export const StepStatus = z.object({
  id: ChecklistStepId,
  title: z.string(),
  state: StepState,
  /** One line: what is done and what is left. */
  summary: z.string(),
  items: z.array(StepItem),
  /** The last change the engineer made in this step. */
  by: z.string().nullable(),
  at: z.string().nullable(),
});
export type StepStatus = z.infer<typeof StepStatus>;

/** The step's state from its items: anything open needs attention, then waiting, then excepted. */
export function stateOfItems(items: readonly StepItem[]): StepState {
  if (items.some((item) => item.state === 'open')) return 'needsAttention';
  if (items.some((item) => item.state === 'waiting')) return 'queued';
  if (items.some((item) => item.state === 'excepted')) return 'excepted';
  return 'done';
}
