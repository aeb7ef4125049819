import { Button, Group, Text } from '@mantine/core';
import { useState } from 'react';
import { jobActionKey, useOpenJob } from '../jobs/openJobStore';

/**
 * The report as a PDF. In Electron, main prints the window with the print stylesheet
 * (report.css) into the job's folder; the browser host has no printer of its own, so its
 * print dialog opens on the same stylesheet ("Save as PDF").
 */
export function ReportPdfButton() {
  const save = useOpenJob((state) => state.saveReportPdf);
  const saving = useOpenJob((state) => state.pending[jobActionKey.reportPdf] === true);
  const actionError = useOpenJob((state) => state.actionError);
  const [savedTo, setSavedTo] = useState<string | null>(null);

  async function run() {
    const outcome = await save();
    if (outcome === 'print') window.print();
    else if (outcome) setSavedTo(outcome.path);
  }

  return (
    <Group gap="sm">
      {savedTo && (
        <Text role="status" size="sm">
          PDF saved: {savedTo}
        </Text>
      )}
      {actionError && !saving && (
        <Text role="alert" size="sm" c="red.8">
          {actionError}
        </Text>
      )}
      <Button size="md" loading={saving} onClick={() => void run()}>
        Save as PDF or print
      </Button>
    </Group>
  );
}
