import { Alert, Anchor, Breadcrumbs, Group, Stack, Text, Title } from '@mantine/core';
import { Link, useParams } from '@tanstack/react-router';
import { useEffect, useMemo } from 'react';
import { buildJobReport } from '../../../../shared/jobs';
import { LoadableView } from '../../common/LoadableView';
import { openJobContext, useOpenJob } from '../jobs/openJobStore';
import { JobReportView } from './JobReportView';
import { ReportPdfButton } from './ReportPdfButton';
import './report.css';

/**
 * `jobs/$jobId/report`: the installation report, built in the renderer from the job's folded
 * journal by shared/jobs' buildJobReport, so it opens the same way later, offline, and in
 * a bundle. Only the report prints; the app's chrome is marked data-print="hide".
 */
export function ReportScreen() {
  const { jobId } = useParams({ from: '/jobs/$jobId/report' });
  const view = useOpenJob((state) => state.view);
  const shownJobId = useOpenJob((state) => state.jobId);
  const openJob = openJobContext.useStoreApi();

  useEffect(() => {
    const shown = openJob.getState();
    if (shown.jobId !== jobId || shown.view.status !== 'ready') void shown.open(jobId);
    return () => openJob.getState().close();
  }, [jobId, openJob]);

  const current = shownJobId === jobId ? view : ({ status: 'loading' } as const);
  const state = current.status === 'ready' ? current.value.state : null;
  // Made once per job state: the "made at" line says when this reading of the journal was.
  const made = useMemo(
    () => (state ? { report: buildJobReport(state), at: new Date().toISOString() } : null),
    [state],
  );

  return (
    <Stack gap="md">
      <Group justify="space-between" data-print="hide">
        <Breadcrumbs>
          <Anchor component={Link} to="/jobs">
            Jobs
          </Anchor>
          {current.status === 'ready' ? (
            <Anchor
              renderRoot={(props) => <Link to="/jobs/$jobId" params={{ jobId }} {...props} />}
            >
              {current.value.summary.occupierName}
            </Anchor>
          ) : (
            <Text>Job</Text>
          )}
          <Text>Report</Text>
        </Breadcrumbs>
        {made && <ReportPdfButton />}
      </Group>
      {current.status !== 'ready' && (
        <Title order={1} size="h2">
          Installation report
        </Title>
      )}
      <LoadableView
        value={current}
        loadingLabel="Loading the report"
        failedTitle="Could not open the job"
        onRetry={() => void openJob.getState().open(jobId)}
      >
        {() =>
          made && (
            <Stack gap="md">
              {!made.report.signOff && (
                <Alert color="yellow" variant="outline" title="Draft" data-print="hide">
                  The job is not signed off yet; the report shows where it stands now.
                </Alert>
              )}
              <JobReportView report={made.report} madeAt={made.at} />
            </Stack>
          )
        }
      </LoadableView>
    </Stack>
  );
}
