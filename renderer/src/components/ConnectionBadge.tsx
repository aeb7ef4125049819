import { Badge, Tooltip } from '@mantine/core';
import type { ConnectionState } from '../../../shared/ipc';

const LABELS: Record<ConnectionState['kind'], { label: string; color: string }> = {
  demo: { label: 'Demo platform', color: 'grape' },
  platform: { label: 'Platform', color: 'teal' },
  offline: { label: 'Offline', color: 'orange' },
};

export function ConnectionBadge({ connection }: { connection: ConnectionState }) {
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
