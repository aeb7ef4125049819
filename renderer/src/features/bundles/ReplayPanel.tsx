import { Alert, Button, Stack, Text } from '@mantine/core';
import { useBundles } from './bundleStore';

/** Replays the bundle on simulators built from it, and says what came of it. */
export function ReplayPanel({ bundleId }: { bundleId: string }) {
  const replay = useBundles((s) => s.replay);
  const runReplay = useBundles((s) => s.runReplay);
  return (
    <Stack>
      <Button
        w="fit-content"
        loading={replay.status === 'loading'}
        onClick={() => void runReplay(bundleId)}
      >
        Replay on simulated equipment
      </Button>
      {replay.status === 'failed' && (
        <Alert color="red" title="The replay could not run" role="alert">
          {replay.message}
        </Alert>
      )}
      {replay.status === 'ready' &&
        (replay.value.outcome === 'reproduced' ? (
          <Alert color="green" title="Reproduced" role="status">
            {replay.value.stepsCompared} recorded steps did the same again (
            {replay.value.durationMs} ms).
          </Alert>
        ) : (
          <Alert color="red" title="Diverged" role="status">
            <Text fw={500}>{replay.value.divergence?.step}</Text>
            <Text>recorded: {replay.value.divergence?.recorded}</Text>
            <Text>now: {replay.value.divergence?.now}</Text>
          </Alert>
        ))}
    </Stack>
  );
}
