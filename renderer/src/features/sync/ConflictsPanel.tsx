import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { describeConflict, type ConflictChoice, type JobState } from '../../../../shared/jobs';
import { count } from '../../../../shared/wording';

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
        {count(conflicts.length, 'conflict', 'conflicts')} with the platform
      </Title>
      <Stack gap="sm">
        {conflicts.map((item) => {
          const words = describeConflict(state, item);
          return (
            <Alert key={item.entry.entryId} color="red" title={words.title}>
              <Text size="sm">
                {words.who} Yours: <b>{words.mine}</b>. The platform now has: <b>{words.theirs}</b>.
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
          );
        })}
      </Stack>
    </Paper>
  );
}
