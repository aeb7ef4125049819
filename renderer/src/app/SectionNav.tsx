import { Button } from '@mantine/core';
import { Link, useRouterState } from '@tanstack/react-router';

const SECTIONS = [
  { to: '/sites', label: 'Sites' },
  { to: '/jobs', label: 'Jobs' },
  { to: '/bundles', label: 'Bundles' },
] as const;

/** The two sections as links: each always opens its list, whatever was open inside it. */
export function SectionNav() {
  const pathname = useRouterState({ select: (state) => state.location.pathname });
  return (
    <nav aria-label="Sections">
      <Button.Group>
        {SECTIONS.map((section) => {
          const active = pathname === section.to || pathname.startsWith(`${section.to}/`);
          return (
            <Button
              key={section.to}
              component={Link}
              to={section.to}
              variant={active ? 'filled' : 'default'}
              aria-current={active ? 'page' : undefined}
            >
              {section.label}
            </Button>
          );
        })}
      </Button.Group>
    </nav>
  );
}
