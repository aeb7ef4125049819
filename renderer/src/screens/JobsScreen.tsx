import { Button, Center, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect } from 'react';
import { LoadFailure } from '../components/LoadFailure';
import { SyncStatusBadge } from '../components/SyncStatusBadge';
import { useJobStore } from '../stores/useJobStore';

export function JobsScreen() {
  const jobs = useJobStore((state) => state.jobs);
  const loadJobs = useJobStore((state) => state.loadJobs);
  const openJob = useJobStore((state) => state.openJob);
  const loadConnectivity = useJobStore((state) => state.loadConnectivity);

  useEffect(() => {
    void loadJobs();
    void loadConnectivity();
  }, [loadJobs, loadConnectivity]);

  return (
    <Stack gap="lg">
      <div>
        <Title order={2}>Jobs</Title>
        <Text c="dimmed">
          Every visit on this laptop. Start a new one from an occupier on a site&apos;s page.
        </Text>
      </div>
      {jobs.status === 'failed' ? (
        <LoadFailure
          title="Could not list the jobs"
          message={jobs.message}
          onRetry={() => void loadJobs()}
        />
      ) : jobs.status !== 'ready' ? (
        <Center py="xl">
          <Loader aria-label="Loading jobs" />
        </Center>
      ) : jobs.value.length === 0 ? (
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
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {jobs.value.map((job) => (
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
                      aria-label={`Open the job for ${job.occupierName} at ${job.siteName}`}
                      onClick={() => void openJob(job.jobId)}
                    >
                      Open
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
    </Stack>
  );
}
