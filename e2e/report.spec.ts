import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { Page, TestInfo } from '@playwright/test';
import { checkAccessibility, summarise } from './test-support/axe-check';
import { expect, test } from './test-support/dialtone-host';

const checklist = (page: Page) => page.getByRole('navigation', { name: 'Checklist' });
const RECORD = /^Record an exception for: /;

/** Signs every open item of one step off with "Occupier absent", one at a time. */
async function exceptEveryOpenItem(page: Page, step: string) {
  await checklist(page)
    .getByRole('link', { name: new RegExp(`^${step}`) })
    .click();
  const panel = page.getByRole('region', { name: step, exact: true }).first();
  await expect(panel.getByRole('heading', { name: step, level: 2 })).toBeVisible();
  for (let open = await panel.getByRole('button', { name: RECORD }).count(); open > 0; open--) {
    await panel.getByRole('button', { name: RECORD }).first().click();
    await panel.getByRole('combobox', { name: /^Reason for the exception to: / }).click();
    await page.getByRole('option', { name: 'Occupier absent' }).click();
    await panel.getByRole('button', { name: 'Record exception' }).click();
    await expect(panel.getByRole('button', { name: RECORD })).toHaveCount(open - 1);
  }
}

async function shot(page: Page, testInfo: TestInfo, name: string) {
  await page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true });
}

test('a job driven to sign-off produces its report: HTML in the app, the same on paper and as PDF', async ({
  dialtone,
  page,
}, testInfo) => {
  test.setTimeout(240_000);
  await page.goto(dialtone.launchUrl);

  // New job: site, then occupier, both by typing; what the job covers; start it.
  await page.getByRole('link', { name: 'Jobs', exact: true }).click();
  await page.getByRole('link', { name: 'New job' }).click();
  await page.getByRole('combobox', { name: 'Site' }).fill('shore');
  await page.getByRole('option', { name: 'Shoreditch Works · London' }).click();
  await page.getByRole('combobox', { name: 'Occupier' }).fill('north');
  await page.getByRole('option', { name: 'Northwind Partners' }).click();
  const covers = page.getByRole('region', { name: 'What the job covers' });
  await expect(covers).toContainText('First-time add');
  await expect(covers).toContainText('quantity 4 in all');
  await expect(covers.getByRole('table', { name: "The occupier's handsets" })).toContainText(
    '80:5e:c0:3f:07:01',
  );
  await shot(page, testInfo, 'new-job-northwind');
  await page.getByRole('button', { name: 'Start the job for Northwind Partners' }).click();
  await expect(checklist(page)).toBeVisible();

  // Ring test: +442079460071 rings its own desk.
  await checklist(page)
    .getByRole('link', { name: /^Ring test/ })
    .click();
  const row = page.getByRole('region', { name: 'Ring test +442079460071' });
  await row.getByRole('button', { name: 'Ring +442079460071' }).click();
  await expect(row).toContainText('at 3F-007', { timeout: 20_000 });
  await row.getByRole('button', { name: 'This desk rang' }).click();
  await expect(row).toContainText('this desk rang ✓');

  // What is left (nobody to cable for, numbers not rung …) is signed off with a reason.
  for (const step of ['Numbers', 'Cabling', 'Port roles', 'Handset login', 'Ring test'])
    await exceptEveryOpenItem(page, step);

  await checklist(page)
    .getByRole('link', { name: /^Sign-off/ })
    .click();
  const signOff = page.getByRole('region', { name: 'Sign off', exact: true });
  await signOff.getByLabel("Signer's name").fill('Helen Marsh');
  await signOff.getByLabel("Signer's role").fill('Office manager');
  await signOff.getByRole('button', { name: 'Sign off the job' }).click();
  await expect(signOff).toContainText('Signed off by Helen Marsh (Office manager)');
  await signOff.getByRole('link', { name: 'Open the report' }).click();

  // The report, from the job's journal.
  await expect(page).toHaveURL(/#\/jobs\/[^/]+\/report$/);
  const report = page.getByRole('article', { name: 'Installation report' });
  await expect(report).toContainText('Voice services for Northwind Partners at Shoreditch Works');
  await expect(report).toContainText('+442079460070 (inbound only, on no handset)');
  await expect(report).toContainText('Helen Marsh (Office manager)');
  const numbers = report.getByRole('table', { name: 'Numbers, handsets and desks' });
  await expect(numbers.getByRole('row')).toHaveCount(1 + 4);
  const passed = numbers.locator('[data-number="+442079460071"]');
  await expect(passed).toContainText('80:5e:c0:3f:07:01');
  await expect(passed).toContainText('3F-007');
  await expect(passed).toContainText('✓ Passed');
  await expect(passed).toContainText('Rang at 3F-007, the expected desk');
  await expect(numbers.locator('[data-number="+442079460074"]')).toContainText('– Not rung');
  const exceptions = report.getByRole('table', { name: 'Exceptions' });
  await expect(exceptions).toContainText('Occupier absent');
  await expect(exceptions.getByRole('row', { name: /Ring test/ })).toHaveCount(3);
  await shot(page, testInfo, 'report-screen');
  const axe = await checkAccessibility(page, 'report', testInfo);
  expect(summarise(axe)).toEqual([]);

  // It opens again from the job later (a reload: a new renderer reads the same journal).
  const url = page.url();
  await page.goto('about:blank');
  await page.goto(url);
  await expect(report).toContainText('Helen Marsh (Office manager)');

  // "Save as PDF or print": the browser host has no printer of its own (main says so), so the
  // page's print dialog opens on the print stylesheet. Counted here instead of shown.
  // (globalThis is the page's window here; the e2e files compile without the DOM's types.)
  await page.evaluate(() => {
    const win = globalThis as unknown as { printed: number; print: () => void };
    win.printed = 0;
    win.print = () => void win.printed++;
  });
  await page.getByRole('button', { name: 'Save as PDF or print' }).click();
  await expect
    .poll(() => page.evaluate(() => (globalThis as unknown as { printed: number }).printed))
    .toBe(1);

  // On paper: only the report, black on white (what "Save as PDF" in the print dialog makes).
  await page.emulateMedia({ media: 'print' });
  await shot(page, testInfo, 'report-print');
  await expect(page.getByRole('navigation', { name: 'Sections' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Save as PDF or print' })).toBeHidden();
  // page.pdf() renders with print media itself (as Electron's printToPDF does).
  await page.emulateMedia({ media: null });

  const pdf = testInfo.outputPath('report.pdf');
  await page.pdf({ path: pdf, format: 'A4', preferCSSPageSize: true });
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  expect(text).toContain('Installation report');
  expect(text).toContain('+442079460071');
  expect(text).toContain('Helen Marsh (Office manager)');
  // No app chrome on paper.
  expect(text).not.toContain('voice services, put into service');
  expect(text).not.toContain('Save as PDF or print');
  const png = testInfo.outputPath('report-pdf-page');
  execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', pdf, png]);
  expect(existsSync(`${png}.png`)).toBe(true);
  await testInfo.attach('report.pdf', { path: pdf, contentType: 'application/pdf' });
});
