import { Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useEffect } from 'react';
import { LoadableView } from '../../common/LoadableView';
import { useSiteList } from './siteListStore';

export function SitesScreen() {
  const sites = useSiteList((state) => state.sites);
  const load = useSiteList((state) => state.load);

  useEffect(() => {
    if (sites.status === 'idle') void load();
  }, [sites.status, load]);

  return (
    <Stack gap="lg">
      <div>
        <Title order={1} size="h2">
          Sites
        </Title>
        <Text c="dimmed">Pick the building you are in to see its occupiers and floor ports.</Text>
      </div>
      <LoadableView
        value={sites}
        loadingLabel="Loading sites"
        failedTitle="Could not load the sites"
        onRetry={() => void load()}
      >
        {(list) =>
          list.length === 0 ? (
            <Text>This operator has no sites yet.</Text>
          ) : (
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} role="list" aria-label="Sites">
              {list.map((site) => (
                <Card key={site.id} withBorder shadow="sm" padding="lg" radius="md" role="listitem">
                  <Group justify="space-between" mb="xs">
                    <Text fw={600} size="lg">
                      {site.name}
                    </Text>
                    <Badge variant="outline">{site.region}</Badge>
                  </Group>
                  <Text c="dimmed" size="sm">
                    {site.city}
                  </Text>
                  <Group gap="lg" mt="md">
                    <Text size="sm">
                      <b>{site.occupierCount}</b> occupiers
                    </Text>
                    <Text size="sm">
                      <b>{site.floorPortCount}</b> floor ports
                    </Text>
                  </Group>
                  <Button
                    mt="md"
                    fullWidth
                    renderRoot={(props) => (
                      <Link to="/sites/$siteId" params={{ siteId: site.id }} {...props} />
                    )}
                    aria-label={`Open ${site.name}`}
                  >
                    Open site
                  </Button>
                </Card>
              ))}
            </SimpleGrid>
          )
        }
      </LoadableView>
    </Stack>
  );
}
