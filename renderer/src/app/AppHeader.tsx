import { Button, Group, Text, VisuallyHidden } from '@mantine/core';
import { useNavigate, useRouterState } from '@tanstack/react-router';
import { useState } from 'react';
import { SettingsDialog } from '../features/settings/SettingsDialog';
import { siteDetailContext } from '../features/sites/siteDetailStore';
import { siteListContext } from '../features/sites/siteListStore';
import { ConnectionBadge } from '../features/sync/ConnectionBadge';
import { useConnectivity } from '../features/sync/connectivityStore';
import { useAppInfo } from './appInfoStore';

export function AppHeader() {
  const info = useAppInfo((state) => state.info);
  const connectivity = useConnectivity((state) => state.connectivity);
  const siteList = siteListContext.useStoreApi();
  const siteDetail = siteDetailContext.useStoreApi();
  const onSitePage = useRouterState({
    select: (state) => state.matches.some((match) => match.routeId === '/sites/$siteId'),
  });
  const navigate = useNavigate();
  const [settingsOpen, setSettingsOpen] = useState(false);

  // The sites on screen belonged to the previous platform.
  function platformChanged() {
    siteDetail.getState().close();
    void siteList.getState().load();
    if (onSitePage) void navigate({ to: '/sites' });
  }

  return (
    <Group h="100%" px="lg" justify="space-between">
      <Group gap="xs">
        <Text component="span" fw={700} fz="h3" c="indigo.7">
          Dialtone
        </Text>
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
          <Text size="sm" c="dimmed">
            <VisuallyHidden>Version </VisuallyHidden>v{info.version}
          </Text>
        )}
      </Group>
      <SettingsDialog
        opened={settingsOpen}
        onClose={() => setSettingsOpen(false)}
        onSaved={platformChanged}
      />
    </Group>
  );
}
