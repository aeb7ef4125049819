import { ExportBundleButton } from '../bundles/ExportBundleButton';
import { Alert, Box, Button, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import type { JobView } from '../../../../shared/jobs';
import { JobSyncPanels } from './JobSyncPanels';
import { JournalNoticeAlert } from './JournalNoticeAlert';
import { ArchiveJobButton } from './ArchiveJobButton';
import { useOpenJob } from './openJobStore';
import { StepNav } from './StepNav';

/** A loaded job: what it is, its sync state, the checklist's steps, and the step on screen. */
export function JobPage({ view, children }: { view: JobView; children: ReactNode }) {
  const actionError = useOpenJob((state) => state.actionError);
  const { summary } = view;
  return (
    <Stack gap="lg">
      <Group justify="space-between">
        <div>
          <Title order={1} size="h2">
            {summary.occupierName}
          </Title>
          <Text c="dimmed">
            {summary.siteName} · started {new Date(summary.createdAt).toLocaleString()}
            {summary.archived ? ' · archived' : ''}
          </Text>
        </div>
        <Group>
          <Button
            variant="light"
            renderRoot={(props) => (
              <Link to="/jobs/$jobId/report" params={{ jobId: summary.jobId }} {...props} />
            )}
          >
            {summary.signedOffAt ? 'Report' : 'Draft report'}
          </Button>
          <ExportBundleButton jobId={summary.jobId} />
          {!summary.archived && <ArchiveJobButton sync={summary.sync} />}
        </Group>
      </Group>
      {summary.notice && <JournalNoticeAlert notice={summary.notice} />}
      {actionError && (
        <Alert color="red" title="That did not work" role="alert">
          {actionError}
        </Alert>
      )}
      <JobSyncPanels view={view} />
      <SimpleGrid cols={{ base: 1, lg: 3 }}>
        <StepNav jobId={summary.jobId} steps={view.steps} />
        <Box style={{ gridColumn: 'span 2' }}>{children}</Box>
      </SimpleGrid>
    </Stack>
  );
}
