import { describe, expect, it, vi } from 'vitest';

const windows = vi.hoisted(() => ({
  focused: null as unknown,
  all: [] as unknown[],
}));

vi.mock('electron', () => ({
  BrowserWindow: {
    getFocusedWindow: () => windows.focused,
    getAllWindows: () => windows.all,
  },
}));

const { electronReportPdfPrinter } = await import('./report-pdf');

function fakeWindow(pdf: string) {
  const printToPDF = vi.fn(async () => Buffer.from(pdf));
  return { window: { isDestroyed: () => false, webContents: { printToPDF } }, printToPDF };
}

describe('the Electron report printer', () => {
  it('prints the focused window with print media on A4, without backgrounds', async () => {
    const focused = fakeWindow('%PDF-1.7 focused');
    const other = fakeWindow('%PDF-1.7 other');
    windows.focused = focused.window;
    windows.all = [other.window, focused.window];
    const bytes = await electronReportPdfPrinter().print();
    expect(Buffer.from(bytes).toString()).toBe('%PDF-1.7 focused');
    expect(focused.printToPDF).toHaveBeenCalledWith({
      pageSize: 'A4',
      printBackground: false,
      preferCSSPageSize: true,
    });
    expect(other.printToPDF).not.toHaveBeenCalled();
  });

  it('falls back to the first window, and says so when there is none', async () => {
    const only = fakeWindow('%PDF-1.7 only');
    windows.focused = null;
    windows.all = [only.window];
    expect(Buffer.from(await electronReportPdfPrinter().print()).toString()).toBe('%PDF-1.7 only');
    windows.all = [];
    await expect(electronReportPdfPrinter().print()).rejects.toMatchObject({
      code: 'REPORT_PDF_FAILED',
    });
  });
});
