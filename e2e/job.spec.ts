import { expect, test } from './test-support/dialtone-host';
import { startBrightwaterOnPortRoles } from './test-support/journeys';

test('a job done offline keeps its change queued, then syncs it when back online', async ({
  dialtone,
  page,
}, testInfo) => {
  await startBrightwaterOnPortRoles(page, dialtone.launchUrl);

  // A fresh job has sent nothing: never "Synced" before the platform confirmed anything.
  await expect(page.getByLabel(/^Sync status: Nothing to sync yet/)).toBeVisible();

  // The switch reflects main's connectivity, so it flips once main has answered.
  const workOffline = page.getByRole('switch', { name: 'Work offline' });
  await workOffline.click();
  await expect(workOffline).toBeChecked();
  await expect(page.getByLabel(/^Connection: Offline/)).toBeVisible();
  await page.getByRole('combobox', { name: 'Role for 2F-001' }).click();
  await page.getByRole('option', { name: 'Voice + PC' }).click();
  // Never "synced" while anything is queued.
  await expect(page.getByLabel(/^Sync status: Offline · 1 queued/)).toBeVisible();
  await expect(
    page.getByRole('table', { name: 'Port roles' }).getByRole('row', { name: /2F-001/ }),
  ).toContainText('Queued');
  await page.screenshot({ path: testInfo.outputPath('05-job-offline-queued.png'), fullPage: true });

  await workOffline.click();
  await expect(workOffline).not.toBeChecked();
  await expect(page.getByLabel(/^Connection: Demo platform/)).toBeVisible();
  await expect(page.getByLabel(/^Sync status: Synced/)).toBeVisible();
  await expect(page.getByLabel('Sync counts')).toContainText('0 queued');
  await expect(
    page.getByRole('table', { name: 'Port roles' }).getByRole('row', { name: /2F-001/ }),
  ).toContainText('As on platform');
  await page.screenshot({ path: testInfo.outputPath('06-job-synced.png'), fullPage: true });
});
