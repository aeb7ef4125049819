import { Button, Group, Paper, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useEffect } from 'react';
import { LoadableView } from '../../common/LoadableView';
import { SyncStatusBadge } from '../sync/SyncStatusBadge';
import { useJobList } from './jobListStore';

export function JobsScreen() {
  const jobs = useJobList((state) => state.jobs);
  const load = useJobList((state) => state.load);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="start">
        <div>
          <Title order={1} size="h2">
            Jobs
          </Title>
          <Text c="dimmed">Every visit on this laptop.</Text>
        </div>
        <Button size="md" renderRoot={(props) => <Link to="/jobs/new" search={{}} {...props} />}>
          New job
        </Button>
      </Group>
      <LoadableView
        value={jobs}
        loadingLabel="Loading jobs"
        failedTitle="Could not list the jobs"
        onRetry={() => void load()}
      >
        {(list) =>
          list.length === 0 ? (
            <Text>No jobs yet.</Text>
          ) : (
            <Paper withBorder p="md" radius="md">
              <Table striped highlightOnHover aria-label="Jobs">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Occupier</Table.Th>
                    <Table.Th>Site</Table.Th>
                    <Table.Th>Started</Table.Th>
                    <Table.Th>Sync</Table.Th>
                    <Table.Th>Last sync</Table.Th>
                    <Table.Th>
                      <VisuallyHidden>Actions</VisuallyHidden>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.map((job) => (
                    <Table.Tr key={job.jobId}>
                      <Table.Td fw={500}>
                        {job.occupierName}
                        {job.archived ? ' (archived)' : ''}
                      </Table.Td>
                      <Table.Td>{job.siteName}</Table.Td>
                      <Table.Td>{new Date(job.createdAt).toLocaleString()}</Table.Td>
                      <Table.Td>
                        <SyncStatusBadge sync={job.sync} />
                      </Table.Td>
                      <Table.Td>
                        {job.sync?.lastSyncAt
                          ? new Date(job.sync.lastSyncAt).toLocaleString()
                          : 'never'}
                      </Table.Td>
                      <Table.Td>
                        <Button
                          size="xs"
                          variant="light"
                          renderRoot={(props) => (
                            <Link to="/jobs/$jobId" params={{ jobId: job.jobId }} {...props} />
                          )}
                          aria-label={`Open the job for ${job.occupierName} at ${job.siteName}`}
                        >
                          Open
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Paper>
          )
        }
      </LoadableView>
    </Stack>
  );
}
