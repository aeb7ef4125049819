import { join } from 'node:path';
import { CodedError } from '../../shared/errors';
import { writeFileDurably } from '../jobs/durable-files';
import type { OpenedJob } from '../jobs';
import type { InstallationService } from './installation-service';

/** Prints the report the app's window shows, with print media (Electron's printToPDF). */
export interface ReportPdfPrinter {
  print(): Promise<Uint8Array>;
}

export const REPORT_PDF_UNAVAILABLE = 'REPORT_PDF_UNAVAILABLE';

export interface ReportPdfSaver {
  /** Prints the report on screen to `<job folder>/report.pdf` and records it in the journal. */
  save(jobId: string, actionId: string): Promise<{ opened: OpenedJob; path: string }>;
}

/**
 * The PDF of the report. Only the Electron host has a printer here; in the browser host the
 * page's print dialog ("Save as PDF", with the same print stylesheet) makes it instead.
 */
export function createReportPdfSaver(options: {
  jobsDirectory: string;
  printer: ReportPdfPrinter | null;
  installation: Pick<InstallationService, 'reportProduced'>;
}): ReportPdfSaver {
  return {
    async save(jobId, actionId) {
      const { printer } = options;
      if (!printer)
        throw new CodedError(
          REPORT_PDF_UNAVAILABLE,
          'This window makes the PDF with its print dialog: choose Print, then "Save as PDF".',
        );
      const bytes = await printer.print();
      // A PDF starts with "%PDF-"; anything else is not written as one.
      if (Buffer.from(bytes.subarray(0, 5)).toString('latin1') !== '%PDF-')
        throw new CodedError('REPORT_PDF_FAILED', 'Printing the report did not give a PDF.');
      const path = join(options.jobsDirectory, jobId, 'report.pdf');
      await writeFileDurably(path, bytes);
      const opened = await options.installation.reportProduced(jobId, { actionId, format: 'pdf' });
      return { opened, path };
    },
  };
}
