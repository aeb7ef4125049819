import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { describeChange, type JobState } from '../../../../shared/jobs';

/** Changes the platform refused for a reason retrying cannot fix, with the platform's message. */
export function NeedsAttentionPanel({
  state,
  isPending,
  onRetry,
  onDiscard,
}: {
  state: JobState;
  isPending: (entryId: string) => boolean;
  onRetry: (entryId: string) => void;
  onDiscard: (entryId: string) => void;
}) {
  const items = state.outbox.filter((item) => item.status === 'needsAttention');
  if (items.length === 0) return null;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label="Needs attention">
      <Title order={2} size="h3" mb="sm">
        Needs attention ({items.length})
      </Title>
      <Stack gap="sm">
        {items.map((item) => (
          <Alert
            key={item.entry.entryId}
            color="orange"
            title={describeChange(state, item.entry.mutation)}
          >
            <Text size="sm">
              The platform refused it ({item.problem?.status} {item.problem?.code}):{' '}
              {item.problem?.message}
            </Text>
            <Group mt="sm">
              <Button
                size="xs"
                disabled={isPending(item.entry.entryId)}
                onClick={() => onRetry(item.entry.entryId)}
              >
                Try again
              </Button>
              <Button
                size="xs"
                variant="light"
                color="red"
                disabled={isPending(item.entry.entryId)}
                onClick={() => onDiscard(item.entry.entryId)}
              >
                Discard this change
              </Button>
            </Group>
          </Alert>
        ))}
      </Stack>
    </Paper>
  );
}
