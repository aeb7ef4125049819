import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { describeMutation, type ConflictChoice, type JobState } from '../../../../shared/jobs';

function describeValue(value: unknown): string {
  if (value && typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .map(([key, v]) => `${key}: ${v === null ? 'none' : String(v)}`)
      .join(', ');
  }
  return value === null || value === undefined ? 'nothing' : String(value);
}

/** Each change the platform refused as stale: the engineer's change next to the platform's value. */
export function ConflictsPanel({
  state,
  isPending,
  onResolve,
}: {
  state: JobState;
  isPending: (entryId: string) => boolean;
  onResolve: (entryId: string, choice: ConflictChoice) => void;
}) {
  const conflicts = state.outbox.filter((item) => item.status === 'conflict');
  if (conflicts.length === 0) return null;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label="Conflicts">
      <Title order={2} size="h3" mb="sm">
        Conflicts ({conflicts.length})
      </Title>
      <Stack gap="sm">
        {conflicts.map((item) => (
          <Alert key={item.entry.entryId} color="red" title={describeMutation(item.entry.mutation)}>
            <Text size="sm">
              Someone changed this on the platform after your change was made. Yours:{' '}
              <b>{describeValue(item.entry.mutation)}</b>. The platform now has:{' '}
              <b>{describeValue(item.theirs?.value)}</b> (version {item.theirs?.version}).
            </Text>
            <Group mt="sm">
              <Button
                size="xs"
                disabled={isPending(item.entry.entryId)}
                onClick={() => onResolve(item.entry.entryId, 'applyMine')}
              >
                Apply mine on top
              </Button>
              <Button
                size="xs"
                variant="light"
                disabled={isPending(item.entry.entryId)}
                onClick={() => onResolve(item.entry.entryId, 'takeTheirs')}
              >
                Take theirs
              </Button>
            </Group>
          </Alert>
        ))}
      </Stack>
    </Paper>
  );
}
