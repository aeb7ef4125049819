import { Alert, Anchor, Badge, Code, Group, Stack, Table, Text, Title } from '@mantine/core';
import { Link, useParams } from '@tanstack/react-router';
import { useEffect, useMemo } from 'react';
import { buildJobReport } from '../../../../shared/jobs';
import type { TimelineEntry } from '../../../../shared/bundles';
import type { BundleView } from '../../../../shared/ipc';
import { LoadableView } from '../../common/LoadableView';
import { JobReportView } from '../report/JobReportView';
import '../report/report.css';
import { ReplayPanel } from './ReplayPanel';
import { useBundles } from './bundleStore';

function Step({ entry, view }: { entry: TimelineEntry; view: BundleView }) {
  const transcript = entry.transcript
    ? view.transcripts.find((t) => t.name === entry.transcript)
    : null;
  return (
    <Stack gap={4} component="li" aria-label={`${entry.ref} ${entry.title}`}>
      <Group gap="xs">
        <Badge variant="light">{entry.ref}</Badge>
        <Text size="sm" c="dimmed">
          {entry.at} · {entry.actor}
        </Text>
      </Group>
      <Text fw={500}>{entry.title}</Text>
      {entry.platformChanges.length > 0 && (
        <Table aria-label={`Platform changes at ${entry.ref}`}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>On the platform</Table.Th>
              <Table.Th>Before</Table.Th>
              <Table.Th>After</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {entry.platformChanges.map((change) => (
              <Table.Tr key={change.what}>
                <Table.Td>{change.what}</Table.Td>
                <Table.Td>{change.before}</Table.Td>
                <Table.Td>{change.after}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {entry.switchChange && (
        <Group align="flex-start" grow aria-label={`Switch change at ${entry.ref}`}>
          <Stack gap={2}>
            <Text size="sm">
              {entry.switchChange.hostname} {entry.switchChange.interfaceName} before
            </Text>
            <Code block>{entry.switchChange.before.join('\n') || '(factory default)'}</Code>
          </Stack>
          <Stack gap={2}>
            <Text size="sm">
              after, as read back {entry.switchChange.verified ? '(verified)' : '(not verified)'}
            </Text>
            <Code block>{entry.switchChange.after.join('\n')}</Code>
          </Stack>
        </Group>
      )}
      {transcript && (
        <details>
          <summary>Console transcript ({transcript.entries.length} lines)</summary>
          <Code block>
            {transcript.entries
              .map((line) => `[${(line.at / 1000).toFixed(3)}] ${line.direction} ${line.text}`)
              .join('\n')}
          </Code>
        </details>
      )}
    </Stack>
  );
}

/**
 * The installation report as the bundled journal makes it, the same view the engineer had;
 * "made" is when the bundle was packed, the moment the journal stood at.
 */
function BundleReport({ view }: { view: BundleView }) {
  const report = useMemo(() => (view.job ? buildJobReport(view.job) : null), [view.job]);
  if (!report)
    return (
      <Alert color="yellow" title="No report">
        The bundled journal does not fold into a job, so there is no report to show; the timeline
        below has what it holds.
      </Alert>
    );
  return (
    <details className="bundle-report">
      <summary>
        Installation report{report.signOff ? ', signed off' : ', not signed off (a draft)'}
      </summary>
      <JobReportView report={report} madeAt={view.manifest.createdAt} nested />
    </details>
  );
}

/** `bundles/$bundleId`: an opened bundle's job, read only, with its timeline and a replay. */
export function BundleScreen() {
  const { bundleId } = useParams({ from: '/bundles/$bundleId' });
  const view = useBundles((s) => s.view);
  const load = useBundles((s) => s.load);
  useEffect(() => {
    void load(bundleId);
  }, [bundleId, load]);
  return (
    <>
      {/* The page keeps its heading when the bundle cannot be shown (its own title otherwise). */}
      {view.status === 'failed' && (
        <Stack gap="xs" mb="md" align="flex-start">
          <Title order={1} size="h2">
            Support bundle {bundleId}
          </Title>
          <Anchor component={Link} to="/bundles">
            Back to Bundles, to open a bundle file
          </Anchor>
        </Stack>
      )}
      <LoadableView
        value={view}
        loadingLabel="Loading bundle"
        failedTitle="The bundle is not open"
        onRetry={() => void load(bundleId)}
      >
        {(bundle) => (
          <Stack>
            <Title order={1}>
              Bundle of job {bundle.manifest.job.jobId}: {bundle.manifest.job.occupierName} at{' '}
              {bundle.manifest.job.siteName}
            </Title>
            <Text>
              {bundle.fileName} · made {bundle.manifest.createdAt} by Dialtone{' '}
              {bundle.manifest.appVersion} on {bundle.manifest.host.os} ·{' '}
              {bundle.manifest.job.eventCount} journal records
              {bundle.manifest.anonymised ? ' · anonymised' : ''} · read only
            </Text>
            {bundle.migratedFrom !== null && (
              <Alert>Opened from format version {bundle.migratedFrom} (migrated).</Alert>
            )}
            {bundle.manifest.notes.map((note) => (
              <Alert key={note} color="yellow">
                {note}
              </Alert>
            ))}
            <ReplayPanel bundleId={bundle.bundleId} />
            <BundleReport view={bundle} />
            <Title order={2}>Timeline</Title>
            <Stack component="ol" gap="lg" aria-label="Timeline">
              {bundle.timeline.map((entry) => (
                <Step key={entry.ref} entry={entry} view={bundle} />
              ))}
            </Stack>
          </Stack>
        )}
      </LoadableView>
    </>
  );
}
