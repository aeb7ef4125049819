import { Badge, Tooltip } from '@mantine/core';
import type { ConnectionState, Connectivity } from '../../../../shared/ipc';
import { effectiveConnection } from '../../../../shared/platform/connection';

const LABELS: Record<ConnectionState['kind'], { label: string; color: string }> = {
  demo: { label: 'Demo platform', color: 'grape' },
  platform: { label: 'Platform', color: 'teal' },
  offline: { label: 'Offline', color: 'orange' },
};

/** The platform Dialtone talks to, and whether it can right now (shared/platform/connection.ts). */
export function ConnectionBadge({
  connection: configured,
  connectivity,
}: {
  connection: ConnectionState;
  connectivity: Connectivity | null;
}) {
  const connection = effectiveConnection(configured, connectivity);
  const { label, color } = LABELS[connection.kind];
  const detail =
    connection.kind === 'offline'
      ? `${connection.platformUrl} — ${connection.reason}`
      : connection.kind === 'demo'
        ? `Built-in simulated platform at ${connection.platformUrl}`
        : connection.platformUrl;
  return (
    <Tooltip label={detail}>
      <Badge
        color={color}
        variant="light"
        size="lg"
        role="status"
        aria-label={`Connection: ${label}, ${detail}`}
      >
        {label}
        {connection.kind === 'platform' ? ` · ${new URL(connection.platformUrl).host}` : ''}
      </Badge>
    </Tooltip>
  );
}
