import { AppShell, Container, Stack } from '@mantine/core';
import { useEffect } from 'react';
import { bridge } from './bridge';
import { AppHeader } from './components/AppHeader';
import { SectionNav } from './components/SectionNav';
import { JobScreen } from './screens/JobScreen';
import { JobsScreen } from './screens/JobsScreen';
import { SiteScreen } from './screens/SiteScreen';
import { SitesScreen } from './screens/SitesScreen';
import { useAppStore } from './stores/useAppStore';
import { useJobStore } from './stores/useJobStore';
import { useSiteStore } from './stores/useSiteStore';

export function App() {
  const loadInfo = useAppStore((state) => state.load);
  const openSiteId = useSiteStore((state) => state.openSiteId);
  const section = useJobStore((state) => state.section);
  const openJobId = useJobStore((state) => state.openJobId);

  useEffect(() => {
    void loadInfo();
  }, [loadInfo]);

  // The OS knows first when the network goes: tell main's connectivity at once.
  useEffect(() => {
    const report = () => void bridge.invoke('sync:reportNetwork', { online: navigator.onLine });
    window.addEventListener('online', report);
    window.addEventListener('offline', report);
    return () => {
      window.removeEventListener('online', report);
      window.removeEventListener('offline', report);
    };
  }, []);

  return (
    <AppShell header={{ height: 60 }} padding="lg">
      <AppShell.Header>
        <AppHeader />
      </AppShell.Header>
      <AppShell.Main>
        <Container size="xl">
          <Stack gap="lg">
            <SectionNav />
            {section === 'jobs' ? (
              openJobId === null ? (
                <JobsScreen />
              ) : (
                <JobScreen />
              )
            ) : openSiteId === null ? (
              <SitesScreen />
            ) : (
              <SiteScreen />
            )}
          </Stack>
        </Container>
      </AppShell.Main>
    </AppShell>
  );
}
