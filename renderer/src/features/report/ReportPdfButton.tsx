import { Button } from '@mantine/core';

/**
 * Paper or PDF of the report. The page's print stylesheet (report.css) leaves only the
 * report, so the browser's print dialog ("Save as PDF") makes the document.
 */
export function ReportPdfButton(_props: { jobId: string }) {
  return (
    <Button size="md" onClick={() => window.print()}>
      Print or save as PDF
    </Button>
  );
}
