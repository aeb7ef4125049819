import {
  Alert,
  Anchor,
  Breadcrumbs,
  Button,
  Group,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { LoadableView } from '../../common/LoadableView';
import { useSiteDetail } from '../sites/siteDetailStore';
import { useSiteList } from '../sites/siteListStore';
import { JobCoveragePanel } from './JobCoveragePanel';
import { createJobKey, useJobList } from './jobListStore';
import { openJobContext } from './openJobStore';

/**
 * `jobs/new?site=&occupier=`: pick a site, then an occupier (both type to search), see what
 * the job covers, start it — or continue the occupier's unfinished job. The choice is in the
 * URL, so a reload or Back keeps it.
 */
export function NewJobScreen() {
  const { site: siteId, occupier: occupierId } = useSearch({ from: '/jobs/new' });
  const navigate = useNavigate();
  const sites = useSiteList((state) => state.sites);
  const loadSites = useSiteList((state) => state.load);
  const detail = useSiteDetail((state) => state.detail);
  const detailSiteId = useSiteDetail((state) => state.siteId);
  const openSite = useSiteDetail((state) => state.open);
  const preview = useJobList((state) => state.preview);
  const loadPreview = useJobList((state) => state.loadPreview);
  const create = useJobList((state) => state.create);
  const createError = useJobList((state) => state.createError);
  const starting = useJobList(
    (state) =>
      siteId !== undefined &&
      occupierId !== undefined &&
      state.pending[createJobKey(siteId, occupierId)] === true,
  );
  const rememberedName = useJobList((state) => state.engineerName);
  const loadEngineerName = useJobList((state) => state.loadEngineerName);
  // What the engineer typed; until they type, the name last given on this machine.
  const [typedName, setTypedName] = useState<string | null>(null);
  const engineerName = typedName ?? rememberedName ?? '';
  const openJob = openJobContext.useStoreApi();

  useEffect(() => {
    void loadSites();
  }, [loadSites]);
  useEffect(() => {
    void loadEngineerName();
  }, [loadEngineerName]);
  useEffect(() => {
    if (siteId) void openSite(siteId);
  }, [siteId, openSite]);
  useEffect(() => {
    if (siteId && occupierId) void loadPreview(siteId, occupierId);
  }, [siteId, occupierId, loadPreview]);

  const choose = (next: { site?: string; occupier?: string }) =>
    void navigate({ to: '/jobs/new', search: next, replace: true });

  const occupiers =
    siteId && detailSiteId === siteId && detail.status === 'ready' ? detail.value.occupiers : [];
  const shownPreview =
    siteId && occupierId && preview.key === `${siteId}:${occupierId}` ? preview.value : null;

  async function start() {
    if (!siteId || !occupierId) return;
    const view = await create(siteId, occupierId, engineerName);
    // Refused (e.g. a job for this occupier was started meanwhile): show what is true now.
    if (!view) return loadPreview(siteId, occupierId);
    openJob.getState().show(view);
    await navigate({ to: '/jobs/$jobId', params: { jobId: view.summary.jobId } });
  }

  return (
    <Stack gap="lg">
      <Breadcrumbs>
        <Anchor component={Link} to="/jobs">
          Jobs
        </Anchor>
        <Text>New job</Text>
      </Breadcrumbs>
      <div>
        <Title order={1} size="h2">
          New job
        </Title>
        <Text c="dimmed">Pick the site, then the occupier whose voice services you put in.</Text>
      </div>
      <LoadableView
        value={sites}
        loadingLabel="Loading sites"
        failedTitle="Could not list the sites"
        onRetry={() => void loadSites()}
      >
        {(list) => (
          <Group align="end" grow maw={760}>
            <Select
              label="Site"
              placeholder="Type to search the sites"
              searchable
              size="md"
              nothingFoundMessage="No site matches"
              data={list.map((s) => ({ value: s.id, label: `${s.name} · ${s.city}` }))}
              value={siteId ?? null}
              onChange={(value) => choose(value ? { site: value } : {})}
            />
            <Select
              label="Occupier"
              placeholder={siteId ? 'Type to search the occupiers' : 'Pick a site first'}
              searchable
              size="md"
              disabled={!siteId}
              nothingFoundMessage="No occupier matches"
              data={occupiers.map((o) => ({ value: o.id, label: o.name }))}
              value={occupiers.some((o) => o.id === occupierId) ? occupierId! : null}
              onChange={(value) =>
                choose({
                  ...(siteId ? { site: siteId } : {}),
                  ...(value ? { occupier: value } : {}),
                })
              }
            />
          </Group>
        )}
      </LoadableView>
      <TextInput
        label="Your name"
        description="The report names you as who did the job; remembered for your next one."
        placeholder="e.g. Sam Okafor"
        autoComplete="name"
        size="md"
        maw={370}
        maxLength={100}
        value={engineerName}
        onChange={(event) => setTypedName(event.currentTarget.value)}
      />
      {siteId && detailSiteId === siteId && detail.status === 'failed' && (
        <Alert color="red" title="Could not load the site" role="alert">
          {detail.message}
        </Alert>
      )}
      {shownPreview && (
        <LoadableView
          value={shownPreview}
          loadingLabel="Reading what the job covers"
          failedTitle="Could not read what the job covers"
          onRetry={() => siteId && occupierId && void loadPreview(siteId, occupierId)}
        >
          {({ coverage, unfinishedJob }) => (
            <Stack gap="md">
              {unfinishedJob ? (
                <Alert
                  color="yellow"
                  variant="outline"
                  title={`${coverage.occupierName} already has an unfinished job`}
                  role="status"
                >
                  <Stack gap="xs">
                    <Text>
                      Started {new Date(unfinishedJob.createdAt).toLocaleString()} and not signed
                      off. Continue that job rather than starting a second one (archive it first if
                      it should not be finished).
                    </Text>
                    <Group>
                      <Button
                        size="lg"
                        renderRoot={(props) => (
                          <Link
                            to="/jobs/$jobId"
                            params={{ jobId: unfinishedJob.jobId }}
                            {...props}
                          />
                        )}
                      >
                        Continue that job
                      </Button>
                    </Group>
                  </Stack>
                </Alert>
              ) : (
                <Group>
                  <Button size="lg" loading={starting} onClick={() => void start()}>
                    Start the job for {coverage.occupierName}
                  </Button>
                </Group>
              )}
              {createError && (
                <Alert color="red" title="Could not start the job" role="alert">
                  {createError}
                </Alert>
              )}
              <JobCoveragePanel coverage={coverage} />
            </Stack>
          )}
        </LoadableView>
      )}
    </Stack>
  );
}
