import { Badge } from '@mantine/core';
import type { JobSyncStatus, SyncLabel } from '../../../../shared/jobs';

const LABELS: Record<SyncLabel, { text: string; color: string }> = {
  synced: { text: 'Synced', color: 'teal' },
  nothingToSync: { text: 'Nothing to sync yet', color: 'gray' },
  queued: { text: 'Waiting to sync', color: 'blue' },
  syncing: { text: 'Syncing', color: 'indigo' },
  offline: { text: 'Offline', color: 'orange' },
  conflicts: { text: 'Conflicts', color: 'red' },
  needsAttention: { text: 'Needs attention', color: 'red' },
};

/**
 * "Synced" only when main says nothing is queued, in conflict or waiting for attention, and
 * the platform has confirmed a change or a refresh; never for a job that never synced.
 */
export function SyncStatusBadge({ sync }: { sync: JobSyncStatus | null }) {
  if (!sync)
    return (
      <Badge
        color="red"
        variant="filled"
        role="status"
        aria-label="Sync status: journal unreadable"
      >
        Unreadable
      </Badge>
    );
  const { text, color } = LABELS[sync.label];
  const waiting = sync.queued > 0 ? ` · ${sync.queued} queued` : '';
  return (
    <Badge
      color={color}
      variant="light"
      size="lg"
      role="status"
      aria-label={`Sync status: ${text}${waiting}`}
    >
      {text}
      {waiting}
    </Badge>
  );
}
