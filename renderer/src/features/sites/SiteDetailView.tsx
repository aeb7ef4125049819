import {
  Alert,
  Badge,
  Button,
  Group,
  Paper,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useEffect } from 'react';
import type { SiteDetail } from '../../../../shared/ipc';
import { isUnfinishedSummary } from '../../../../shared/jobs';
import { SWITCH_VENDOR_LABELS, occupierFloorPorts } from '../../../../shared/platform/floor-ports';
import { useJobList } from '../jobs/jobListStore';
import { OccupierJobAction } from '../jobs/OccupierJobAction';

function allocationLabel(detail: SiteDetail, port: SiteDetail['floorPorts'][number]): string {
  if (port.allocation.kind === 'operator') return 'Operator';
  if (port.allocation.kind === 'unallocated') return 'Unallocated';
  const occupierId = port.allocation.occupierId;
  return detail.occupiers.find((o) => o.id === occupierId)?.name ?? occupierId;
}

export function SiteDetailView({ detail }: { detail: SiteDetail }) {
  const { site, occupiers, floorPorts } = detail;
  const createError = useJobList((state) => state.createError);
  const jobs = useJobList((state) => state.jobs);
  const loadJobs = useJobList((state) => state.load);
  useEffect(() => {
    void loadJobs();
  }, [loadJobs]);
  // The occupier's unfinished job, if any: the row offers to continue it instead of a second one.
  const unfinishedJobOf = (occupierId: string): string | null | undefined => {
    if (jobs.status === 'failed') return null; // main still refuses a second job
    if (jobs.status !== 'ready') return undefined;
    const job = jobs.value.find(
      (j) => j.siteId === site.id && j.occupierId === occupierId && isUnfinishedSummary(j),
    );
    return job?.jobId ?? null;
  };
  const spaceName = (id: string) => site.spaces.find((s) => s.id === id)?.name ?? id;
  const switchName = (id: string) => site.switches.find((s) => s.id === id)?.hostname ?? id;
  const roleName = (id: string | null) =>
    id === null ? null : (site.roleCatalogue.find((r) => r.id === id)?.name ?? id);

  return (
    <Stack gap="lg">
      <div>
        <Group justify="space-between" align="start">
          <Group gap="sm">
            <Title order={1} size="h2">
              {site.name}
            </Title>
            <Badge variant="outline">{site.region}</Badge>
          </Group>
          <Button
            size="md"
            renderRoot={(props) => <Link to="/jobs/new" search={{ site: site.id }} {...props} />}
          >
            New job at this site
          </Button>
        </Group>
        <Text c="dimmed">{site.address}</Text>
        <Text size="sm" mt={4}>
          Switches:{' '}
          {site.switches
            .map((sw) => `${sw.hostname} (${SWITCH_VENDOR_LABELS[sw.vendor]}, ${sw.model})`)
            .join(' · ')}
        </Text>
      </div>

      {createError && (
        <Alert color="red" title="Could not start the job" role="alert">
          {createError}
        </Alert>
      )}

      <Paper withBorder p="md" radius="md">
        <Title order={2} size="h3" mb="sm">
          Occupiers
        </Title>
        <Table striped highlightOnHover aria-label="Occupiers">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Occupier</Table.Th>
              <Table.Th>Contact</Table.Th>
              <Table.Th>Spaces</Table.Th>
              <Table.Th>Floor ports</Table.Th>
              <Table.Th>
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {occupiers.map((occupier) => (
              <Table.Tr key={occupier.id}>
                <Table.Td fw={500}>{occupier.name}</Table.Td>
                <Table.Td>{occupier.contact}</Table.Td>
                <Table.Td>{occupier.spaceIds.map(spaceName).join(', ')}</Table.Td>
                <Table.Td>{occupierFloorPorts(floorPorts, occupier.id).length}</Table.Td>
                <Table.Td>
                  <OccupierJobAction
                    siteId={site.id}
                    occupierId={occupier.id}
                    occupierName={occupier.name}
                    unfinishedJobId={unfinishedJobOf(occupier.id)}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>

      <Paper withBorder p="md" radius="md">
        <Title order={2} size="h3" mb="sm">
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
