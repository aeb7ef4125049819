import { Alert, Text } from '@mantine/core';
import type { JournalNotice } from '../../../../shared/jobs';

/** What opening the job's journal found after a crash, in the engineer's words. */
export function JournalNoticeAlert({ notice }: { notice: JournalNotice }) {
  return (
    <Alert
      color={notice.kind === 'corrupted' ? 'red' : 'yellow'}
      title={
        notice.kind === 'corrupted' ? 'This job cannot be read' : 'Recovered after a power cut'
      }
      role="alert"
    >
      <Text size="sm">{notice.message}</Text>
      {notice.keptAsidePath && (
        <Text size="xs" c="dimmed" mt={4}>
          Kept for support: {notice.keptAsidePath}
        </Text>
      )}
    </Alert>
  );
}
