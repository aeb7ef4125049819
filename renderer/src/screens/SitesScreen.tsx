import {
  Badge,
  Button,
  Card,
  Center,
  Group,
  Loader,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useEffect } from 'react';
import { LoadFailure } from '../components/LoadFailure';
import { useSiteStore } from '../stores/useSiteStore';

export function SitesScreen() {
  const sites = useSiteStore((state) => state.sites);
  const loadSites = useSiteStore((state) => state.loadSites);
  const openSite = useSiteStore((state) => state.openSite);

  useEffect(() => {
    if (sites.status === 'idle') void loadSites();
  }, [sites.status, loadSites]);

  return (
    <Stack gap="lg">
      <div>
        <Title order={2}>Sites</Title>
        <Text c="dimmed">Pick the building you are in to see its occupiers and floor ports.</Text>
      </div>
      {sites.status === 'loading' || sites.status === 'idle' ? (
        <Center py="xl">
          <Loader aria-label="Loading sites" />
        </Center>
      ) : sites.status === 'failed' ? (
        <LoadFailure
          title="Could not load the sites"
          message={sites.message}
          onRetry={() => void loadSites()}
        />
      ) : sites.value.length === 0 ? (
        <Text>This operator has no sites yet.</Text>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} role="list" aria-label="Sites">
          {sites.value.map((site) => (
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
                aria-label={`Open ${site.name}`}
                onClick={() => void openSite(site.id)}
              >
                Open site
              </Button>
            </Card>
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}
