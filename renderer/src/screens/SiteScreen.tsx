import {
  Anchor,
  Badge,
  Breadcrumbs,
  Button,
  Center,
  Group,
  Loader,
  Paper,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import type { SiteDetail } from '../../../shared/ipc';
import { LoadFailure } from '../components/LoadFailure';
import { useJobStore } from '../stores/useJobStore';
import { useSiteStore } from '../stores/useSiteStore';

function allocationLabel(detail: SiteDetail, port: SiteDetail['floorPorts'][number]): string {
  if (port.allocation.kind === 'operator') return 'Operator';
  if (port.allocation.kind === 'unallocated') return 'Unallocated';
  const occupierId = port.allocation.occupierId;
  return detail.occupiers.find((o) => o.id === occupierId)?.name ?? occupierId;
}

function SiteDetailView({ detail }: { detail: SiteDetail }) {
  const { site, occupiers, floorPorts } = detail;
  const spaceName = (id: string) => site.spaces.find((s) => s.id === id)?.name ?? id;
  const switchName = (id: string) => site.switches.find((s) => s.id === id)?.hostname ?? id;
  const createJob = useJobStore((state) => state.createJob);
  const creatingJob = useJobStore((state) => state.busy);
  const roleName = (id: string | null) =>
    id === null ? null : (site.roleCatalogue.find((r) => r.id === id)?.name ?? id);

  return (
    <Stack gap="lg">
      <div>
        <Group gap="sm">
          <Title order={2}>{site.name}</Title>
          <Badge variant="outline">{site.region}</Badge>
        </Group>
        <Text c="dimmed">{site.address}</Text>
        <Text size="sm" mt={4}>
          Switches:{' '}
          {site.switches
            .map(
              (sw) =>
                `${sw.hostname} (${sw.vendor === 'cisco_ios' ? 'Cisco IOS' : 'Aruba AOS-S'}, ${sw.model})`,
            )
            .join(' · ')}
        </Text>
      </div>

      <Paper withBorder p="md" radius="md">
        <Title order={3} mb="sm">
          Occupiers
        </Title>
        <Table striped highlightOnHover aria-label="Occupiers">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Occupier</Table.Th>
              <Table.Th>Contact</Table.Th>
              <Table.Th>Spaces</Table.Th>
              <Table.Th>Floor ports</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {occupiers.map((occupier) => (
              <Table.Tr key={occupier.id}>
                <Table.Td fw={500}>{occupier.name}</Table.Td>
                <Table.Td>{occupier.contact}</Table.Td>
                <Table.Td>{occupier.spaceIds.map(spaceName).join(', ')}</Table.Td>
                <Table.Td>
                  {
                    floorPorts.filter(
                      (p) =>
                        p.allocation.kind === 'occupier' && p.allocation.occupierId === occupier.id,
                    ).length
                  }
                </Table.Td>
                <Table.Td>
                  <Button
                    size="xs"
                    disabled={creatingJob}
                    aria-label={`Start a job for ${occupier.name}`}
                    onClick={() => void createJob(site.id, occupier.id)}
                  >
                    Start job
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>

      <Paper withBorder p="md" radius="md">
        <Title order={3} mb="sm">
          Floor ports
        </Title>
        <Table striped highlightOnHover aria-label="Floor ports">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Port</Table.Th>
              <Table.Th>Space</Table.Th>
              <Table.Th>Switch interface</Table.Th>
              <Table.Th>Role</Table.Th>
              <Table.Th>Allocated to</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {floorPorts.map((port) => {
              const role = roleName(port.roleId);
              return (
                <Table.Tr key={port.id}>
                  <Table.Td ff="monospace" fw={500}>
                    {port.label}
                  </Table.Td>
                  <Table.Td>{spaceName(port.spaceId)}</Table.Td>
                  <Table.Td ff="monospace">
                    {switchName(port.switchId)} {port.interfaceName}
                  </Table.Td>
                  <Table.Td>
                    {role ? (
                      <Badge variant="light">{role}</Badge>
                    ) : (
                      <Badge variant="light" color="gray">
                        No role
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{allocationLabel(detail, port)}</Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Paper>
    </Stack>
  );
}

export function SiteScreen() {
  const detail = useSiteStore((state) => state.detail);
  const openSiteId = useSiteStore((state) => state.openSiteId);
  const openSite = useSiteStore((state) => state.openSite);
  const closeSite = useSiteStore((state) => state.closeSite);

  return (
    <Stack gap="md">
      <Breadcrumbs>
        <Anchor component="button" type="button" onClick={closeSite}>
          Sites
        </Anchor>
        <Text>{detail.status === 'ready' ? detail.value.site.name : 'Site'}</Text>
      </Breadcrumbs>
      {detail.status === 'ready' ? (
        <SiteDetailView detail={detail.value} />
      ) : detail.status === 'failed' ? (
        <LoadFailure
          title="Could not load the site"
          message={detail.message}
          onRetry={() => openSiteId && void openSite(openSiteId)}
        />
      ) : (
        <Center py="xl">
          <Loader aria-label="Loading site" />
        </Center>
      )}
    </Stack>
  );
}
