import { Button, Checkbox, Group, Text } from '@mantine/core';
import { useState } from 'react';
import { useBundles } from './bundleStore';

/** Packs the job into a support bundle and saves it as a file (a download, in either host). */
export function ExportBundleButton({ jobId }: { jobId: string }) {
  const exportBundle = useBundles((s) => s.exportJob);
  const [anonymise, setAnonymise] = useState(false);
  const [state, setState] = useState<{ busy: boolean; message: string | null }>({
    busy: false,
    message: null,
  });
  const exportJob = async () => {
    setState({ busy: true, message: null });
    try {
      const { fileName, data, bytes } = await exportBundle(jobId, anonymise);
      const raw = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
      const url = URL.createObjectURL(new Blob([raw], { type: 'application/zip' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = fileName;
      link.click();
      URL.revokeObjectURL(url);
      setState({ busy: false, message: `Saved ${fileName} (${bytes} bytes).` });
    } catch (error) {
      setState({
        busy: false,
        message: `No bundle was made: ${error instanceof Error ? error.message : String(error)}`,
      });
    }
  };
  return (
    <Group>
      <Button variant="default" loading={state.busy} onClick={() => void exportJob()}>
        Export support bundle
      </Button>
      <Checkbox
        label="Anonymise names and numbers"
        checked={anonymise}
        onChange={(e) => setAnonymise(e.currentTarget.checked)}
      />
      {state.message && (
        <Text size="sm" role="status">
          {state.message}
        </Text>
      )}
    </Group>
  );
}
