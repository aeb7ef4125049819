import { Badge } from '@mantine/core';
import type { StepState } from '../../../../shared/jobs';

/** A step's state as a word, a shape and a colour (never colour alone). */
const LOOK: Record<StepState, { label: string; icon: string; color: string }> = {
  done: { label: 'Done', icon: '✓', color: 'teal' },
  excepted: { label: 'Done with exceptions', icon: '✓!', color: 'yellow' },
  queued: { label: 'Waiting', icon: '…', color: 'blue' },
  needsAttention: { label: 'Needs attention', icon: '!', color: 'orange' },
  blocked: { label: 'Blocked', icon: '⊘', color: 'gray' },
};

export function StepStateBadge({ state }: { state: StepState }) {
  const look = LOOK[state];
  return (
    <Badge color={look.color} variant="light" leftSection={<span aria-hidden>{look.icon}</span>}>
      {look.label}
    </Badge>
  );
}
