import { Checkbox, Paper, Stack, Text, Title } from '@mantine/core';
import type { ChecklistStepState } from '../../../shared/jobs';
import { useJobStore } from '../stores/useJobStore';

export function ChecklistPanel({
  steps,
  readOnly,
}: {
  steps: ChecklistStepState[];
  readOnly: boolean;
}) {
  const markStep = useJobStore((state) => state.markStep);
  const busy = useJobStore((state) => state.busy);
  return (
    <Paper withBorder p="md" radius="md">
      <Title order={3} mb="sm">
        Checklist
      </Title>
      <Stack gap="xs" role="list" aria-label="Checklist">
        {steps.map((step) => (
          <div role="listitem" key={step.id}>
            <Checkbox
              label={step.title}
              checked={step.done}
              disabled={busy || readOnly}
              onChange={(event) => void markStep(step.id, event.currentTarget.checked)}
            />
            {step.markedAt && (
              <Text size="xs" c="dimmed" ml={34}>
                {step.done ? 'Done' : 'Reopened'} {new Date(step.markedAt).toLocaleString()}
              </Text>
            )}
          </div>
        ))}
      </Stack>
    </Paper>
  );
}
