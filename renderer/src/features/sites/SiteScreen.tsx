import { Anchor, Breadcrumbs, Stack, Text, Title } from '@mantine/core';
import { Link, useParams } from '@tanstack/react-router';
import { useEffect } from 'react';
import { LoadableView } from '../../common/LoadableView';
import { SiteDetailView } from './SiteDetailView';
import { useSiteDetail } from './siteDetailStore';

export function SiteScreen() {
  const { siteId } = useParams({ from: '/sites/$siteId' });
  const detail = useSiteDetail((state) => state.detail);
  const shownSiteId = useSiteDetail((state) => state.siteId);
  const open = useSiteDetail((state) => state.open);

  useEffect(() => {
    void open(siteId);
  }, [siteId, open]);

  // Until the effect runs, the store may still hold the site the engineer came from.
  const current = shownSiteId === siteId ? detail : ({ status: 'loading' } as const);
  return (
    <Stack gap="md">
      <Breadcrumbs>
        <Anchor component={Link} to="/sites">
          Sites
        </Anchor>
        <Text>{current.status === 'ready' ? current.value.site.name : 'Site'}</Text>
      </Breadcrumbs>
      {current.status !== 'ready' && (
        <Title order={1} size="h2">
          Site
        </Title>
      )}
      <LoadableView
        value={current}
        loadingLabel="Loading site"
        failedTitle="Could not load the site"
        onRetry={() => void open(siteId)}
      >
        {(value) => <SiteDetailView detail={value} />}
      </LoadableView>
    </Stack>
  );
}
