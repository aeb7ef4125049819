import { Badge, Group, Text } from '@mantine/core';
import { memo, type ReactNode } from 'react';
import type { NumberFinding } from '../../../../shared/numbers';

const SEVERITY = { error: 'Error', warning: 'Warning', info: 'Info' } as const;
const COLOUR = { error: 'red', warning: 'orange', info: 'gray' } as const;

interface FindingLineProps {
  finding: NumberFinding;
  action?: ReactNode;
}

/**
 * One number-check finding: its severity as a word, the message, and its fix if any. The
 * check runs again on every change and makes new findings; one that reads the same is not
 * drawn again (hundreds of 'on no handset' lines, bench/numbers-step.ts).
 */
export const FindingLine = memo(
  function FindingLine({ finding, action }: FindingLineProps) {
    return (
      <Group justify="space-between" wrap="nowrap" align="start">
        <div>
          <Badge variant="outline" color={COLOUR[finding.severity]}>
            {SEVERITY[finding.severity]}
          </Badge>{' '}
          <Text span>{finding.message}</Text>
        </div>
        {action}
      </Group>
    );
  },
  (before: FindingLineProps, after: FindingLineProps) =>
    before.action === after.action &&
    before.finding.id === after.finding.id &&
    before.finding.severity === after.finding.severity &&
    before.finding.message === after.finding.message,
);
