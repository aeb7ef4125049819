import {
  Alert,
  Anchor,
  Box,
  Breadcrumbs,
  Button,
  Center,
  Group,
  Loader,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useEffect } from 'react';
import type { JobView } from '../../../shared/jobs';
import { ChecklistPanel } from '../components/ChecklistPanel';
import { ConflictsPanel } from '../components/ConflictsPanel';
import { FloorPortRolesPanel } from '../components/FloorPortRolesPanel';
import { JournalNoticeAlert } from '../components/JournalNoticeAlert';
import { LoadFailure } from '../components/LoadFailure';
import { NeedsAttentionPanel } from '../components/NeedsAttentionPanel';
import { SyncBar } from '../components/SyncBar';
import { useJobStore } from '../stores/useJobStore';

function JobPage({ view }: { view: JobView }) {
  const archiveJob = useJobStore((state) => state.archiveJob);
  const busy = useJobStore((state) => state.busy);
  const actionError = useJobStore((state) => state.actionError);
  const { summary, state } = view;
  return (
    <Stack gap="lg">
      <Group justify="space-between">
        <div>
          <Title order={2}>{summary.occupierName}</Title>
          <Text c="dimmed">
            {summary.siteName} · started {new Date(summary.createdAt).toLocaleString()}
            {summary.archived ? ' · archived' : ''}
          </Text>
        </div>
        {!summary.archived && (
          <Button variant="light" color="gray" disabled={busy} onClick={() => void archiveJob()}>
            Archive job
          </Button>
        )}
      </Group>
      {summary.notice && <JournalNoticeAlert notice={summary.notice} />}
      {actionError && (
        <Alert color="red" title="That did not work" role="alert">
          {actionError}
        </Alert>
      )}
      <SyncBar summary={summary} />
      <ConflictsPanel state={state} />
      <NeedsAttentionPanel state={state} />
      <SimpleGrid cols={{ base: 1, lg: 3 }}>
        <ChecklistPanel steps={state.checklist} readOnly={summary.archived} />
        <Box style={{ gridColumn: 'span 2' }}>
          <FloorPortRolesPanel state={state} readOnly={summary.archived} />
        </Box>
      </SimpleGrid>
    </Stack>
  );
}

export function JobScreen() {
  const view = useJobStore((state) => state.view);
  const openJobId = useJobStore((state) => state.openJobId);
  const openJob = useJobStore((state) => state.openJob);
  const closeJob = useJobStore((state) => state.closeJob);
  const loadConnectivity = useJobStore((state) => state.loadConnectivity);

  useEffect(() => {
    void loadConnectivity();
  }, [loadConnectivity]);

  return (
    <Stack gap="md">
      <Breadcrumbs>
        <Anchor component="button" type="button" onClick={closeJob}>
          Jobs
        </Anchor>
        <Text>{view.status === 'ready' ? view.value.summary.occupierName : 'Job'}</Text>
      </Breadcrumbs>
      {view.status === 'ready' ? (
        <JobPage view={view.value} />
      ) : view.status === 'failed' ? (
        <LoadFailure
          title="Could not open the job"
          message={view.message}
          onRetry={() => openJobId && void openJob(openJobId)}
        />
      ) : (
        <Center py="xl">
          <Loader aria-label="Loading job" />
        </Center>
      )}
    </Stack>
  );
}
