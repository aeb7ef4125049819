import { Alert, Text } from '@mantine/core';
import type { JournalNotice } from '../../../../shared/jobs';

const TITLES: Record<JournalNotice['kind'], string> = {
  corrupted: 'This job cannot be read',
  tooLarge: 'This job is too large to open',
  tornTailRecovered: 'Recovered after a power cut',
};

/** What opening the job's journal found after a crash, in the engineer's words. */
export function JournalNoticeAlert({ notice }: { notice: JournalNotice }) {
  return (
    <Alert
      color={notice.kind === 'tornTailRecovered' ? 'yellow' : 'red'}
      title={TITLES[notice.kind]}
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
