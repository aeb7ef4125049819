import { Button, Group, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useAppStore } from '../stores/useAppStore';
import { useJobStore } from '../stores/useJobStore';
import { ConnectionBadge } from './ConnectionBadge';
import { SettingsDialog } from './SettingsDialog';

export function AppHeader() {
  const info = useAppStore((state) => state.info);
  const connectivity = useJobStore((state) => state.connectivity);
  const loadConnectivity = useJobStore((state) => state.loadConnectivity);
  const [settingsOpen, setSettingsOpen] = useState(false);

  useEffect(() => {
    void loadConnectivity();
  }, [loadConnectivity]);
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
        {info && <ConnectionBadge connection={info.connection} connectivity={connectivity} />}
        <Button variant="subtle" size="compact-sm" onClick={() => setSettingsOpen(true)}>
          Settings
        </Button>
        {info && (
          <Text size="sm" c="dimmed" aria-label="Version">
            v{info.version}
          </Text>
        )}
      </Group>
      <SettingsDialog opened={settingsOpen} onClose={() => setSettingsOpen(false)} />
    </Group>
  );
}
