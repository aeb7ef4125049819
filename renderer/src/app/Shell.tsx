import { AppShell, Container, Stack } from '@mantine/core';
import { Outlet } from '@tanstack/react-router';
import { useEffect } from 'react';
import { installFocusRescue } from '../common/focusRescue';
import { AppHeader } from './AppHeader';
import { SectionNav } from './SectionNav';

/**
 * What every screen sits in: the header, the section links, and the route's screen; focus is
 * kept on the page when the control that had it goes (common/focusRescue).
 */
export function Shell() {
  useEffect(() => installFocusRescue(document), []);
  return (
    <AppShell header={{ height: 60 }} padding="lg">
      <AppShell.Header>
        <AppHeader />
      </AppShell.Header>
      <AppShell.Main>
        <Container size="xl">
          <Stack gap="lg">
            <SectionNav />
            <Outlet />
          </Stack>
        </Container>
      </AppShell.Main>
    </AppShell>
  );
}
