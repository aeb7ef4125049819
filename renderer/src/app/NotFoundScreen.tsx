import { Button, Stack, Text, Title } from '@mantine/core';
import { Link, useRouterState } from '@tanstack/react-router';

/** Any address the app has no screen for: say so, and offer the way home. */
export function NotFoundScreen() {
  const pathname = useRouterState({ select: (state) => state.location.pathname });
  return (
    <Stack gap="md" align="flex-start">
      <Title order={1} size="h2">
        Page not found
      </Title>
      <Text>
        Dialtone has no page at <code>{pathname}</code>. The link may be from an older version, or
        mistyped.
      </Text>
      <Button component={Link} to="/sites">
        Go to the sites
      </Button>
    </Stack>
  );
}
