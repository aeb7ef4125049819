import { Badge, Tooltip } from '@mantine/core';
import type { ConnectionState } from '../../../shared/ipc';
import type { Connectivity } from '../../../shared/ipc';

const LABELS: Record<ConnectionState['kind'], { label: string; color: string }> = {
  demo: { label: 'Demo platform', color: 'grape' },
  platform: { label: 'Platform', color: 'teal' },
  offline: { label: 'Offline', color: 'orange' },
};

/**
 * The platform Dialtone talks to, and whether it can right now: a platform that does not
 * answer, or "work offline", shows as offline with the reason.
 */
export function ConnectionBadge({
  connection: configured,
  connectivity,
}: {
  connection: ConnectionState;
  connectivity: Connectivity | null;
}) {
  const connection: ConnectionState =
    configured.kind !== 'offline' &&
    connectivity &&
    // Before the first health check, reachability is unknown, not offline.
    (connectivity.workOffline || (!connectivity.reachable && connectivity.checkedAt !== null))
      ? {
          kind: 'offline',
          platformUrl: configured.platformUrl,
          reason: connectivity.workOffline
            ? 'working offline by choice'
            : (connectivity.reason ?? 'the platform does not answer'),
        }
      : configured;
  const { label, color } = LABELS[connection.kind];
  const detail =
    connection.kind === 'offline'
      ? `${connection.platformUrl} — ${connection.reason}`
      : connection.kind === 'demo'
        ? `Built-in simulated platform at ${connection.platformUrl}`
        : connection.platformUrl;
  return (
    <Tooltip label={detail}>
      <Badge color={color} variant="light" size="lg" aria-label={`Connection: ${label}, ${detail}`}>
        {label}
        {connection.kind === 'platform' ? ` · ${new URL(connection.platformUrl).host}` : ''}
      </Badge>
    </Tooltip>
  );
}
