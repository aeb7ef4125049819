import { expect, test } from './test-support/dialtone-host';
import { checkAccessibility, summarise } from './test-support/axe-check';
import { startBrightwaterOnPortRoles } from './test-support/journeys';

test('a job exported as a support bundle opens read-only with its whole timeline and replays to "reproduced"', async ({
  dialtone,
  page,
}, testInfo) => {
  await startBrightwaterOnPortRoles(page, dialtone.launchUrl);
  await page.getByRole('combobox', { name: 'Role for 2F-001' }).click();
  await page.getByRole('option', { name: 'Voice + PC' }).click();
  await expect(page.getByLabel(/^Sync status: Synced/)).toBeVisible();

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export support bundle' }).click();
  const file = testInfo.outputPath('job.zip');
  await (await download).saveAs(file);

  await page.getByRole('link', { name: 'Bundles', exact: true }).click();
  await page.getByLabel('Bundle file').setInputFiles(file);
  const timeline = page.getByRole('list', { name: 'Timeline' });
  await expect(timeline).toBeVisible();
  await expect(timeline.getByRole('listitem', { name: /^#1 Job started/ })).toBeVisible();
  await expect(
    timeline.getByRole('listitem', { name: /Queued: Floor port 2F-001: role Voice \+ PC/ }),
  ).toBeVisible();
  await expect(
    timeline.getByRole('listitem', { name: /Platform applied: Floor port 2F-001: role/ }),
  ).toBeVisible();

  // The engineer's report, as the bundled journal makes it, one click away.
  await page.getByText('Installation report, not signed off (a draft)').click();
  const report = page.getByRole('article', { name: 'Installation report' });
  await expect(
    report.getByRole('heading', { level: 2, name: 'Installation report' }),
  ).toBeVisible();
  await expect(report).toContainText('Brightwater Legal');
  await expect(report.getByRole('table', { name: 'What was changed' })).toContainText('2F-001');
  const axe = await checkAccessibility(page, 'opened bundle with its report', testInfo);
  expect(summarise(axe), 'serious or critical axe violations').toEqual([]);

  await page.getByRole('button', { name: 'Replay on simulated equipment' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Reproduced' })).toBeVisible({
    timeout: 30_000,
  });
  await page.screenshot({ path: testInfo.outputPath('bundle-replayed.png'), fullPage: true });
});
