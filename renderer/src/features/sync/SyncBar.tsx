import { Alert, Button, Group, Paper, Progress, Stack, Switch, Text } from '@mantine/core';
import type { JobSummary } from '../../../../shared/jobs';
import { useConnectivity } from './connectivityStore';
import { SyncStatusBadge } from './SyncStatusBadge';
import { useSyncProgress } from './syncProgressStore';
import { count } from '../../../../shared/wording';

function formatTime(iso: string | null): string {
  return iso === null ? 'never' : new Date(iso).toLocaleString();
}

/** The job's sync state, told truthfully: counts, last sync, offline, and progress while syncing. */
export function SyncBar({
  summary,
  syncing,
  onSyncNow,
}: {
  summary: JobSummary;
  /** A "Sync now" for this job is waiting for main's answer. */
  syncing: boolean;
  onSyncNow: () => void;
}) {
  const connectivity = useConnectivity((state) => state.connectivity);
  const changingWorkOffline = useConnectivity((state) => state.changingWorkOffline);
  const connectivityError = useConnectivity((state) => state.error);
  const setWorkOffline = useConnectivity((state) => state.setWorkOffline);
  const liveProgress = useSyncProgress((state) => state.progress[summary.jobId]);
  const sync = summary.sync;
  const progress = liveProgress ?? sync?.progress ?? null;
  const offlineReason =
    connectivity?.workOffline === true
      ? 'Working offline by choice.'
      : connectivity && !connectivity.reachable
        ? (connectivity.reason ?? 'The platform cannot be reached.')
        : null;

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label="Sync">
      <Stack gap="xs">
        <Group justify="space-between">
          <Group gap="sm">
            <SyncStatusBadge sync={sync} />
            {sync && (
              <Text size="sm" role="status" aria-label="Sync counts">
                {sync.queued} queued · {sync.blocked} waiting behind a problem ·{' '}
                {count(sync.conflicts, 'conflict', 'conflicts')} · {sync.needsAttention}{' '}
                {sync.needsAttention === 1 ? 'needs' : 'need'} attention
              </Text>
            )}
          </Group>
          <Group gap="md">
            <Switch
              label="Work offline"
              checked={connectivity?.workOffline ?? false}
              disabled={changingWorkOffline}
              onChange={(event) => void setWorkOffline(event.currentTarget.checked)}
            />
            <Button
              onClick={onSyncNow}
              loading={syncing || progress !== null}
              disabled={connectivity?.workOffline === true}
            >
              Sync now
            </Button>
          </Group>
        </Group>
        <Text size="sm" c="dimmed">
          Last sync: {formatTime(sync?.lastSyncAt ?? null)}
          {offlineReason ? ` · ${offlineReason}` : ''}
        </Text>
        {connectivityError && (
          <Alert color="red" title="Could not change working offline" role="alert">
            {connectivityError}
          </Alert>
        )}
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
