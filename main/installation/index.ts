export { createInstallationService } from './installation-service';
export type { InstallationService, InstallationServiceOptions } from './installation-service';
export { createReportPdfSaver, REPORT_PDF_UNAVAILABLE } from './report-pdf';
export type { ReportPdfPrinter, ReportPdfSaver } from './report-pdf';
export { createPlatformWatch, WATCH_ACTOR } from './platform-watch';
export type { PlatformWatch, PlatformWatchOptions } from './platform-watch';
