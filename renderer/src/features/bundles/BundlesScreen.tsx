import { Alert, Button, Paper, Stack, Text, Title } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useRef, useState, type DragEvent } from 'react';
import { useBundles } from './bundleStore';

/** `bundles`: open a support bundle by picking it (the OS file dialog) or dropping it here. */
export function BundlesScreen() {
  const openFile = useBundles((s) => s.openFile);
  const refusal = useBundles((s) => s.refusal);
  const opening = useBundles((s) => s.opening);
  const navigate = useNavigate();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);

  const open = async (file: File | undefined) => {
    if (!file) return;
    const bundleId = await openFile(file);
    if (bundleId) await navigate({ to: '/bundles/$bundleId', params: { bundleId } });
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    void open(event.dataTransfer.files[0]);
  };

  return (
    <Stack>
      <Title order={1}>Support bundles</Title>
      <Text>
        Open a bundle an engineer exported to see the job as they saw it, read only: every step, its
        console transcript and what it changed, and replay it on simulated equipment.
      </Text>
      <Paper
        withBorder
        p="xl"
        onDragOver={(event) => {
          event.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
        bg={over ? 'var(--mantine-color-blue-light)' : undefined}
        aria-label="Drop a bundle here"
      >
        <Stack align="center">
          <Text>Drop a bundle (.zip) here, or</Text>
          <input
            ref={input}
            type="file"
            accept=".zip,application/zip"
            aria-label="Bundle file"
            hidden
            onChange={(event) => void open(event.currentTarget.files?.[0])}
          />
          <Button loading={opening} onClick={() => input.current?.click()}>
            Choose a bundle…
          </Button>
        </Stack>
      </Paper>
      {refusal && (
        <Alert color="red" title="This bundle was refused" role="alert">
          {refusal}
        </Alert>
      )}
    </Stack>
  );
}
