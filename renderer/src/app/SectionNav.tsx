import { Button, Group } from '@mantine/core';
import { Link, useRouterState } from '@tanstack/react-router';

const SECTIONS = [
  { to: '/sites', label: 'Sites' },
  { to: '/jobs', label: 'Jobs' },
  { to: '/bundles', label: 'Bundles' },
] as const;

/**
 * The two sections as links (drawn like a segmented control): each always opens its list,
 * whatever was open inside it.
 */
export function SectionNav() {
  const pathname = useRouterState({ select: (state) => state.location.pathname });
  return (
    <Group
      component="nav"
      aria-label="Sections"
      data-print="hide"
      grow
      gap={4}
      p={4}
      bg="gray.1"
      style={{ borderRadius: 'var(--mantine-radius-md)' }}
    >
      {SECTIONS.map((section) => {
        const active = pathname === section.to || pathname.startsWith(`${section.to}/`);
        return (
          <Button
            key={section.to}
            component={Link}
            to={section.to}
            size="compact-sm"
            fz="sm"
            fw={500}
            variant={active ? 'white' : 'subtle'}
            color="dark"
            aria-current={active ? 'page' : undefined}
            style={active ? { boxShadow: 'var(--mantine-shadow-xs)' } : undefined}
          >
            {section.label}
          </Button>
        );
      })}
    </Group>
  );
}
