import { Anchor, Breadcrumbs, Stack, Text, Title } from '@mantine/core';
import { Link, Outlet, useParams } from '@tanstack/react-router';
import { useEffect } from 'react';
import { LoadableView } from '../../common/LoadableView';
import { useConnectivity } from '../sync/connectivityStore';
import { JobPage } from './JobPage';
import { openJobContext, useOpenJob } from './openJobStore';

/** The frame of every `jobs/$jobId/…` route: loads the job the URL names, then its step in the outlet. */
export function JobScreen() {
  const { jobId } = useParams({ from: '/jobs/$jobId' });
  const view = useOpenJob((state) => state.view);
  const shownJobId = useOpenJob((state) => state.jobId);
  const open = useOpenJob((state) => state.open);
  const openJob = openJobContext.useStoreApi();
  const loadConnectivity = useConnectivity((state) => state.load);

  useEffect(() => {
    // A job just created arrives ready; anything else is read from main.
    const shown = openJob.getState();
    if (shown.jobId !== jobId || shown.view.status !== 'ready') void shown.open(jobId);
    return () => openJob.getState().close();
  }, [jobId, openJob]);
  useEffect(() => {
    void loadConnectivity();
  }, [loadConnectivity]);

  // Until the effect runs, the store may still hold the job the engineer came from.
  const current = shownJobId === jobId ? view : ({ status: 'loading' } as const);
  return (
    <Stack gap="md">
      <Breadcrumbs>
        <Anchor component={Link} to="/jobs">
          Jobs
        </Anchor>
        <Text>{current.status === 'ready' ? current.value.summary.occupierName : 'Job'}</Text>
      </Breadcrumbs>
      {current.status !== 'ready' && (
        <Title order={1} size="h2">
          Job
        </Title>
      )}
      <LoadableView
        value={current}
        loadingLabel="Loading job"
        failedTitle="Could not open the job"
        onRetry={() => void open(jobId)}
      >
        {(value) => (
          <JobPage view={value}>
            <Outlet />
          </JobPage>
        )}
      </LoadableView>
    </Stack>
  );
}
