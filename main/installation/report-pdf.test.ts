import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { JobView } from '../../shared/jobs';
import { createAppServices, type AppServices } from '../app/services';
import type { ReportPdfPrinter } from './report-pdf';

const open: AppServices[] = [];
afterEach(async () => {
  for (const services of open.splice(0)) await services.close();
});

async function start(printer?: ReportPdfPrinter) {
  const dataDirectory = mkdtempSync(join(tmpdir(), 'dialtone-report-pdf-'));
  const services = await createAppServices({
    host: printer ? 'electron' : 'browser',
    target: { kind: 'demo' },
    dataDirectory,
    ...(printer ? { reportPdfPrinter: printer } : {}),
  });
  open.push(services);
  await services.jobs.connectivity.check();
  const call = async <T>(channel: string, request: unknown): Promise<T> => {
    const reply = await services.router.dispatch(channel, request);
    if (!reply.ok) throw Object.assign(new Error(reply.error.message), { code: reply.error.code });
    return reply.response as T;
  };
  const job = await call<JobView>('jobs:create', {
    siteId: 'lon-shoreditch',
    occupierId: 'occ-northwind',
  });
  return {
    call,
    jobId: job.summary.jobId,
    jobFolder: join(dataDirectory, 'jobs', job.summary.jobId),
  };
}

describe('installation:saveReportPdf', () => {
  it('writes what the host printed to the job folder and records the PDF in the journal', async () => {
    const pdf = Buffer.from('%PDF-1.7\n% the report\n');
    const { call, jobId, jobFolder } = await start({ print: async () => new Uint8Array(pdf) });
    const saved = await call<{ view: JobView; path: string }>('installation:saveReportPdf', {
      jobId,
      actionId: 'save-pdf-0001',
    });
    expect(saved.path).toBe(join(jobFolder, 'report.pdf'));
    expect(readFileSync(saved.path)).toEqual(pdf);
    expect(saved.view.state.installation.reports.map((r) => r.format)).toEqual(['pdf']);
  });

  it('refuses what is not a PDF, and says how when the host has no printer (the browser host)', async () => {
    const broken = await start({ print: async () => new TextEncoder().encode('<html>') });
    await expect(
      broken.call('installation:saveReportPdf', { jobId: broken.jobId, actionId: 'save-pdf-0002' }),
    ).rejects.toMatchObject({ code: 'REPORT_PDF_FAILED' });
    expect(existsSync(join(broken.jobFolder, 'report.pdf'))).toBe(false);

    const browser = await start();
    await expect(
      browser.call('installation:saveReportPdf', {
        jobId: browser.jobId,
        actionId: 'save-pdf-0003',
      }),
    ).rejects.toMatchObject({
      code: 'REPORT_PDF_UNAVAILABLE',
      message: expect.stringMatching(/Save as PDF/),
    });
  });
});
