import { expect, test } from './test-support/dialtone-host';

test('Orchard Design Studio: the Numbers step shows the check findings, and a fix queues and clears its finding', async ({
  dialtone,
  page,
}, testInfo) => {
  await page.goto(dialtone.launchUrl);
  await page.getByRole('link', { name: 'Open Shoreditch Works' }).click();
  await page.getByRole('button', { name: 'Start a job for Orchard Design Studio' }).click();
  await page
    .getByRole('navigation', { name: 'Checklist' })
    .getByRole('link', { name: /Numbers/ })
    .click();
  const status = page.getByRole('region', { name: 'Numbers' }).first();
  await expect(status).toContainText('Needs attention');
  // The same findings `dialtone numbers check --occupier occ-orchard --stage signoff` finds.
  const findings = page.getByRole('region', { name: 'Findings' });
  await expect(findings).toContainText('5 voice services but 3 numbers active');
  await expect(findings).toContainText('+442079460061 is active but on no handset');
  await page.screenshot({ path: testInfo.outputPath('numbers-orchard.png'), fullPage: true });

  await findings.getByRole('button', { name: 'Fix: activate +442079460064' }).click();
  await expect(findings).not.toContainText('Activate the spare allocated number +442079460064', {
    timeout: 15_000,
  });
  await page.screenshot({ path: testInfo.outputPath('numbers-orchard-fixed.png'), fullPage: true });
});

test('Northwind: ringing +442079460073 rings the wrong desk (3F-011) and the app names the cause', async ({
  dialtone,
  page,
}, testInfo) => {
  await page.goto(dialtone.launchUrl);
  await page.getByRole('link', { name: 'Open Shoreditch Works' }).click();
  await page.getByRole('button', { name: 'Start a job for Northwind Partners' }).click();
  await page
    .getByRole('navigation', { name: 'Checklist' })
    .getByRole('link', { name: /Ring test/ })
    .click();
  const row = page.getByRole('region', { name: 'Ring test +442079460073' });
  await row.getByRole('button', { name: 'Ring +442079460073' }).click();
  await expect(row).toContainText('at 3F-011', { timeout: 15_000 });
  await page.screenshot({ path: testInfo.outputPath('ring-test-ringing.png'), fullPage: true });
  await row.getByLabel('Which desk rang instead (+442079460073)').click();
  await page.getByRole('option', { name: '3F-011', exact: true }).click();
  await row.getByRole('button', { name: 'Another desk rang' }).click();
  await expect(page.getByRole('region', { name: 'Ring test' }).first()).toContainText(
    'logged in to the wrong handset',
  );
  await page.screenshot({ path: testInfo.outputPath('ring-test-wrong-desk.png'), fullPage: true });
});
