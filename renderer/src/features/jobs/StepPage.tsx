import { Stack } from '@mantine/core';
import type { ComponentType } from 'react';
import type { ChecklistStepId, JobView } from '../../../../shared/jobs';
import { StepStatusPanel } from '../steps/StepStatusPanel';
import type { JobStepScreenProps } from './stepScreens';

/** One checklist step of the open job: its status from facts, then the step's own screen. */
export function StepPage({
  view,
  stepId,
  Screen,
}: {
  view: JobView;
  stepId: ChecklistStepId;
  Screen: ComponentType<JobStepScreenProps> | undefined;
}) {
  const readOnly = view.summary.archived;
  const step = view.steps.find((s) => s.id === stepId);
  if (!step) return null;
  return (
    <Stack gap="lg">
      <StepStatusPanel step={step} readOnly={readOnly} />
      {Screen && <Screen view={view} readOnly={readOnly} />}
    </Stack>
  );
}
