import { AppShell, Container } from '@mantine/core';
import { useEffect } from 'react';
import { AppHeader } from './components/AppHeader';
import { SiteScreen } from './screens/SiteScreen';
import { SitesScreen } from './screens/SitesScreen';
import { useAppStore } from './stores/useAppStore';
import { useSiteStore } from './stores/useSiteStore';

export function App() {
  const loadInfo = useAppStore((state) => state.load);
  const openSiteId = useSiteStore((state) => state.openSiteId);

  useEffect(() => {
    void loadInfo();
  }, [loadInfo]);

  return (
    <AppShell header={{ height: 60 }} padding="lg">
      <AppShell.Header>
        <AppHeader />
      </AppShell.Header>
      <AppShell.Main>
        <Container size="xl">{openSiteId === null ? <SitesScreen /> : <SiteScreen />}</Container>
      </AppShell.Main>
    </AppShell>
  );
}
