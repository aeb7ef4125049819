import { Group, Text, Title } from '@mantine/core';
import { useAppStore } from '../stores/useAppStore';
import { ConnectionBadge } from './ConnectionBadge';

export function AppHeader() {
  const info = useAppStore((state) => state.info);
  return (
    <Group h="100%" px="lg" justify="space-between">
      <Group gap="xs">
        <Title order={3} c="indigo.7">
          Dialtone
        </Title>
        <Text c="dimmed" size="sm" visibleFrom="sm">
          voice services, put into service
        </Text>
      </Group>
      <Group gap="md">
        {info && <ConnectionBadge connection={info.connection} />}
        {info && (
          <Text size="sm" c="dimmed" aria-label="Version">
            v{info.version}
          </Text>
        )}
      </Group>
    </Group>
  );
}
