import { Badge, Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { NumberFinding } from '../../../../shared/numbers';

const SEVERITY = { error: 'Error', warning: 'Warning', info: 'Info' } as const;
const COLOUR = { error: 'red', warning: 'orange', info: 'gray' } as const;

/** One number-check finding: its severity as a word, the message, and its fix if any. */
export function FindingLine({ finding, action }: { finding: NumberFinding; action?: ReactNode }) {
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
}
