import { NavLink, Paper, Title } from '@mantine/core';
import { Link, useParams } from '@tanstack/react-router';
import type { StepStatus } from '../../../../shared/jobs';
import { StepStateBadge } from '../steps/StepStateBadge';
import { segmentForStep } from './stepSegments';

/** The checklist as the job's navigation: one link per step, with its state from facts, in words. */
export function StepNav({ jobId, steps }: { jobId: string; steps: StepStatus[] }) {
  const { step: current } = useParams({ strict: false });
  return (
    <Paper withBorder p="md" radius="md" component="nav" aria-label="Checklist">
      <Title order={2} size="h3" mb="sm">
        Checklist
      </Title>
      {steps.map((step) => (
        <NavLink
          key={step.id}
          renderRoot={(props) => (
            <Link
              to="/jobs/$jobId/$step"
              params={{ jobId, step: segmentForStep(step.id) }}
              {...props}
            />
          )}
          label={step.title}
          active={segmentForStep(step.id) === current}
          aria-current={segmentForStep(step.id) === current ? 'page' : undefined}
          rightSection={<StepStateBadge state={step.state} />}
        />
      ))}
    </Paper>
  );
}
