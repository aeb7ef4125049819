import { Checkbox, Paper, Stack, Text, Title } from '@mantine/core';
import type { ComponentType } from 'react';
import type { ChecklistStepId, JobView } from '../../../../shared/jobs';
import { jobActionKey, useOpenJob } from './openJobStore';
import type { JobStepScreenProps } from './stepScreens';

/** One checklist step of the open job: its title and state, then the step's own screen if it has one. */
export function StepPage({
  view,
  stepId,
  Screen,
}: {
  view: JobView;
  stepId: ChecklistStepId;
  Screen: ComponentType<JobStepScreenProps> | undefined;
}) {
  const markStep = useOpenJob((state) => state.markStep);
  const marking = useOpenJob((state) => state.pending[jobActionKey.markStep(stepId)] === true);
  const readOnly = view.summary.archived;
  const step = view.state.checklist.find((s) => s.id === stepId);
  if (!step) return null;
  return (
    <Stack gap="lg">
      <Paper withBorder p="md" radius="md" component="section" aria-label={step.title}>
        <Title order={2} size="h3" mb="sm">
          {step.title}
        </Title>
        <Checkbox
          label="Done"
          checked={step.done}
          disabled={marking || readOnly}
          onChange={(event) => void markStep(step.id, event.currentTarget.checked)}
        />
        {step.markedAt && (
          <Text size="xs" c="dimmed" ml={34}>
            {step.done ? 'Done' : 'Reopened'} {new Date(step.markedAt).toLocaleString()}
          </Text>
        )}
      </Paper>
      {Screen && <Screen view={view} readOnly={readOnly} />}
    </Stack>
  );
}
