import { Alert, Button, Code, Group, Stack, Text } from '@mantine/core';
import { useSwitch } from './switchStore';

/**
 * A switch answered SSH with another host key than the one pinned for it: both
 * fingerprints, and the explicit step that trusts the new one (then connects again).
 * Shows nothing while the switch's key is not in question.
 */
export function HostKeyPrompt({
  switchId,
  hostname,
  onTrusted,
}: {
  switchId: string;
  hostname: string;
  onTrusted(): void;
}) {
  const change = useSwitch((s) => s.hostKeyChanges[switchId] ?? null);
  const trust = useSwitch((s) => s.trustHostKey);
  const trusting = useSwitch((s) => s.pending[`trustHostKey:${switchId}`] === true);
  const error = useSwitch((s) => s.errors[`trustHostKey:${switchId}`] ?? null);
  if (!change) return null;
  return (
    <Alert color="red" mt="sm" title={`${hostname}'s SSH key has changed`} role="alert">
      <Stack gap={6}>
        <Text size="sm">
          Dialtone did not log in. Someone may be between you and the switch, or the switch was
          replaced or re-keyed. Trust the new key only if you know which.
        </Text>
        <Text size="sm">
          Pinned key: <Code>{change.pinned}</Code>
        </Text>
        <Text size="sm">
          Key shown now: <Code>{change.presented}</Code>
        </Text>
        {error && (
          <Text size="sm" c="red.9">
            {error}
          </Text>
        )}
        <Group>
          <Button
            color="red.9"
            size="xs"
            loading={trusting}
            onClick={() => void trust(switchId, change.presented).then((ok) => ok && onTrusted())}
          >
            Trust the new key and connect
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
