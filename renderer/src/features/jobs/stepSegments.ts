import { CHECKLIST_STEPS, type ChecklistStepId } from '../../../../shared/jobs';

/* Pure: the e2e specs import this through app/routes.ts. */

/** The step a `$step` segment names, or null when the checklist has no such step. */
export function stepIdForSegment(segment: string): ChecklistStepId | null {
  return CHECKLIST_STEPS.find((step) => step.segment === segment)?.id ?? null;
}

export function segmentForStep(stepId: ChecklistStepId): string {
  const step = CHECKLIST_STEPS.find((s) => s.id === stepId);
  if (!step) throw new Error(`No checklist step ${stepId}`);
  return step.segment;
}
