import { List, Paper, Text, Title } from '@mantine/core';
import { describeChange, type JobState } from '../../../../shared/jobs';
import { count } from '../../../../shared/wording';

/** A job with hundreds of changes waiting shows the first few, then how many more. */
export const QUEUED_CHANGES_SHOWN = 8;

/**
 * What waits for the platform, change by change in the engineer's words, so "3 queued" is
 * never all they are told: the platform has none of these yet.
 */
export function QueuedChangesPanel({ state }: { state: JobState }) {
  const queued = state.outbox.filter((item) => item.status === 'queued');
  if (queued.length === 0) return null;
  const shown = queued.slice(0, QUEUED_CHANGES_SHOWN);
  const more = queued.length - shown.length;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label="Waiting to sync">
      <Title order={2} size="h5">
        Waiting to sync: {count(queued.length, 'change', 'changes')} the platform does not have yet
      </Title>
      <List size="sm" mt={4}>
        {shown.map((item) => (
          <List.Item key={item.entry.entryId}>
            {describeChange(state, item.entry.mutation)}
          </List.Item>
        ))}
      </List>
      {more > 0 && (
        <Text size="sm" mt={4}>
          and {count(more, 'more change', 'more changes')}
        </Text>
      )}
    </Paper>
  );
}
