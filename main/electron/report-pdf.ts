import { BrowserWindow } from 'electron';
import { CodedError } from '../../shared/errors';
import type { ReportPdfPrinter } from '../installation/report-pdf';

/**
 * The report as the window shows it, printed to PDF with print media (report.css: no app
 * chrome, black on white, A4). The engineer asks from the report screen, which has focus.
 */
export function electronReportPdfPrinter(): ReportPdfPrinter {
  return {
    async print() {
      const window = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
      if (!window || window.isDestroyed())
        throw new CodedError('REPORT_PDF_FAILED', 'There is no Dialtone window to print.');
      const pdf = await window.webContents.printToPDF({
        pageSize: 'A4',
        printBackground: false,
        preferCSSPageSize: true,
      });
      return new Uint8Array(pdf);
    },
  };
}
