import { Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import type { StepStatus } from '../../../../shared/jobs';
import { Pager, usePage } from '../../common/paging';
import { ExceptionForm } from './ExceptionForm';
import { StepStateBadge } from './StepStateBadge';

const REASON_WORDS: Record<string, string> = {
  occupierAbsent: 'occupier absent',
  handsetNotDelivered: 'handset not delivered',
  portingPending: 'porting pending',
  other: 'other',
};

/** Items drawn at once: a step can have hundreds (a big occupier's numbers without handsets). */
const ITEMS_PER_PAGE = 20;

/** A step's status from facts: its state, what is left and why, and an exception per open item. */
export function StepStatusPanel({ step, readOnly }: { step: StepStatus; readOnly: boolean }) {
  const page = usePage(step.items, ITEMS_PER_PAGE);
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label={step.title}>
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h3">
          {step.title}
        </Title>
        <StepStateBadge state={step.state} />
      </Group>
      <Text>{step.summary}</Text>
      {step.at && (
        <Text size="xs" c="dimmed">
          Last change {new Date(step.at).toLocaleString()} by {step.by}
        </Text>
      )}
      {step.items.length > 0 && (
        <Stack gap="xs" mt="md">
          <Title order={3} size="h4">
            What is left
          </Title>
          <List spacing="sm">
            {page.rows.map((item) => (
              <List.Item key={item.id}>
                <Text>{item.message}</Text>
                {item.rule && (
                  <Text size="sm" c="dimmed">
                    Rule: {item.rule}
                  </Text>
                )}
                {item.state === 'excepted' && item.exception && (
                  <Text size="sm">
                    Exception: {REASON_WORDS[item.exception.reason]}
                    {item.exception.text ? ` — ${item.exception.text}` : ''}
                  </Text>
                )}
                {item.state === 'open' && step.id !== 'signOff' && !readOnly && (
                  <ExceptionForm itemId={item.id} message={item.message} />
                )}
              </List.Item>
            ))}
          </List>
          <Pager noun="Items" total={step.items.length} perPage={ITEMS_PER_PAGE} page={page} />
        </Stack>
      )}
    </Paper>
  );
}
