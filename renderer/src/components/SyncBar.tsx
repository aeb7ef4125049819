import { Button, Group, Paper, Progress, Stack, Switch, Text } from '@mantine/core';
import type { JobSummary } from '../../../shared/jobs';
import { useJobStore } from '../stores/useJobStore';
import { SyncStatusBadge } from './SyncStatusBadge';

function formatTime(iso: string | null): string {
  return iso === null ? 'never' : new Date(iso).toLocaleString();
}

/** The job's sync state, told truthfully: counts, last sync, offline, and progress while syncing. */
export function SyncBar({ summary }: { summary: JobSummary }) {
  const connectivity = useJobStore((state) => state.connectivity);
  const liveProgress = useJobStore((state) => state.progress[summary.jobId]);
  const busy = useJobStore((state) => state.busy);
  const syncNow = useJobStore((state) => state.syncNow);
  const setWorkOffline = useJobStore((state) => state.setWorkOffline);
  const sync = summary.sync;
  const progress = liveProgress ?? sync?.progress ?? null;
  const offlineReason =
    connectivity?.workOffline === true
      ? 'Working offline by choice.'
      : connectivity && !connectivity.reachable
        ? (connectivity.reason ?? 'The platform cannot be reached.')
        : null;

  return (
    <Paper withBorder p="md" radius="md" aria-label="Sync">
      <Stack gap="xs">
        <Group justify="space-between">
          <Group gap="sm">
            <SyncStatusBadge sync={sync} />
            {sync && (
              <Text size="sm" aria-label="Sync counts">
                {sync.queued} queued · {sync.conflicts} conflicts · {sync.needsAttention} need
                attention
              </Text>
            )}
          </Group>
          <Group gap="md">
            <Switch
              label="Work offline"
              checked={connectivity?.workOffline ?? false}
              onChange={(event) => void setWorkOffline(event.currentTarget.checked)}
            />
            <Button
              onClick={() => void syncNow()}
              loading={progress !== null}
              disabled={busy || connectivity?.workOffline === true}
            >
              Sync now
            </Button>
          </Group>
        </Group>
        <Text size="sm" c="dimmed">
          Last sync: {formatTime(sync?.lastSyncAt ?? null)}
          {offlineReason ? ` · ${offlineReason}` : ''}
        </Text>
        {progress !== null && (
          <Progress
            value={progress.total === 0 ? 100 : (100 * progress.done) / progress.total}
            animated
            aria-label={`Sync progress: ${progress.done} of ${progress.total} changes sent`}
          />
        )}
      </Stack>
    </Paper>
  );
}
