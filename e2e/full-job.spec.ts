import { execFileSync } from 'node:child_process';
import type { Page, TestInfo } from '@playwright/test';
import { checkAccessibility, summarise } from './test-support/axe-check';
import { expect, test } from './test-support/dialtone-host';
import {
  applyRolesUntilDone,
  cableInDemo,
  connectDemo,
  openStep,
  shot,
  startJob,
  stepState,
} from './test-support/journeys';

/**
 * The screenshot of a stage, then axe on the page in that state: axe.spec sees each step in
 * Orchard's state only, this sees the London job's as it progresses, without a second job.
 * Serious and critical findings are collected and fail the test at its end, all of them listed.
 */
function stages(page: Page, testInfo: TestInfo) {
  const failures: string[] = [];
  return {
    async at(name: string) {
      await shot(page, testInfo, name);
      const report = await checkAccessibility(page, name, testInfo);
      failures.push(...summarise(report).map((line) => `${name}: ${line}`));
    },
    expectNoneSerious() {
      expect(failures, failures.join('\n')).toEqual([]);
    },
  };
}

test('London: Brightwater Legal, first add of 3 voice services, the whole job to sign-off', async ({
  dialtone,
  page,
}, testInfo) => {
  test.setTimeout(180_000);
  page.setDefaultTimeout(20_000);
  const stage = stages(page, testInfo);
  await startJob(page, dialtone.launchUrl, 'Shoreditch Works', 'Brightwater Legal');
  await openStep(page, 'Numbers');
  await stage.at('london-01-numbers-empty');
  await page.getByRole('textbox', { name: 'Voice services (quantity)' }).fill('3');
  await page.getByRole('button', { name: 'Add voice services' }).click();
  await expect(stepState(page, 'Numbers')).toContainText('Done', { timeout: 20_000 });
  await stage.at('london-02-numbers-green');

  // Cabling and port roles on the demo switch of the 2nd floor.
  await openStep(page, 'Cabling');
  await connectDemo(page, 'sw-2f-a');
  await stage.at('london-03-switch');
  await cableInDemo(page, ['2F-001', '2F-002', '2F-003']);
  await expect(stepState(page, 'Cabling')).toContainText('Done');
  await stage.at('london-04-cabling');
  await openStep(page, 'Port roles');
  await expect(page.getByLabel('Commands for 2F-001')).toBeVisible();
  await applyRolesUntilDone(page);
  await expect(stepState(page, 'Port roles')).toContainText('Done', { timeout: 20_000 });
  await stage.at('london-05-port-roles');

  // Handset login: two Yealink T54W log in remotely, the Grandstream on its keypad.
  await openStep(page, 'Handset login');
  await stage.at('london-06-login');
  const lines = [
    { e164: '+442079460011', handset: 'Yealink T54W 80:5e:c0:2f:01:01' },
    { e164: '+442079460012', handset: 'Yealink T54W 80:5e:c0:2f:02:01' },
    { e164: '+442079460013', handset: 'Grandstream GRP2612 c0:74:ad:2f:03:01' },
  ];
  for (const { e164, handset } of lines) {
    const row = page.getByRole('region', { name: `Number ${e164}` });
    await row.getByRole('combobox', { name: `Handset for ${e164}` }).click();
    await page.getByRole('option', { name: handset }).click();
    await expect(row).toContainText(handset);
  }
  for (const { e164 } of lines.slice(0, 2))
    await page.getByRole('button', { name: `Log in ${e164}` }).click();
  const keypad = page.getByRole('region', { name: 'Number +442079460013' });
  await expect(keypad).toContainText('2013');
  await stage.at('london-07-login-keypad');
  await keypad
    .getByRole('button', { name: 'Demo: type these on the simulated handset (+442079460013)' })
    .click();
  await keypad.getByRole('button', { name: 'Done on the handset (+442079460013)' }).click();
  await expect(stepState(page, 'Handset login')).toContainText('Done', { timeout: 30_000 });
  await expect(stepState(page, 'Handset login')).toContainText('3 of 3 service numbers');
  await stage.at('london-08-login-done');

  // Ring test: each number rings its own desk.
  await openStep(page, 'Ring test');
  for (const [i, { e164 }] of lines.entries()) {
    const row = page.getByRole('region', { name: `Ring test ${e164}` });
    await row.getByRole('button', { name: `Ring ${e164}` }).click();
    await expect(row).toContainText(`at 2F-00${i + 1}`, { timeout: 20_000 });
    if (i === 0) await stage.at('london-09-ringing');
    await row.getByRole('button', { name: 'This desk rang' }).click();
    await expect(row).toContainText('this desk rang');
  }
  await expect(stepState(page, 'Ring test')).toContainText('Done', { timeout: 20_000 });
  await stage.at('london-10-ring-test-done');

  // Sign-off, with every step green.
  await openStep(page, 'Sign-off');
  await expect(stepState(page, 'Sign-off')).toContainText('ready to sign off');
  await page.getByRole('textbox', { name: "Signer's name" }).fill('Priya Shah');
  await page.getByRole('textbox', { name: "Signer's role" }).fill('Office manager');
  await stage.at('london-11-sign-off-ready');
  await page.getByRole('button', { name: 'Sign off the job' }).click();
  await expect(page.getByText('Signed off by Priya Shah (Office manager)').first()).toBeVisible();
  await expect(page.getByLabel(/^Sync status: Synced/)).toBeVisible({ timeout: 20_000 });
  await stage.at('london-12-signed-off');

  // The report: HTML in the app, from the job's journal, and the same as PDF.
  await page.getByRole('link', { name: 'Open the report' }).click();
  const report = page.getByRole('article', { name: 'Installation report' });
  await expect(report).toContainText('Voice services for Brightwater Legal at Shoreditch Works');
  await expect(report).toContainText('+442079460010 (inbound only, on no handset)');
  await expect(report).toContainText('Priya Shah (Office manager)');
  const numbers = report.getByRole('table', { name: 'Numbers, handsets and desks' });
  await expect(numbers.getByRole('row')).toHaveCount(1 + 3);
  for (const [i, { e164, handset }] of lines.entries()) {
    const row = numbers.locator(`[data-number="${e164}"]`);
    await expect(row).toContainText(handset.split(' ').at(-1)!);
    await expect(row).toContainText(`2F-00${i + 1}`);
    await expect(row).toContainText('✓ Passed');
  }
  await stage.at('london-13-report');
  const pdf = testInfo.outputPath('london-report.pdf');
  await page.pdf({ path: pdf, format: 'A4', preferCSSPageSize: true });
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  for (const { e164 } of lines) expect(text).toContain(e164);
  expect(text).toContain('Priya Shah (Office manager)');
  execFileSync('pdftoppm', [
    '-png',
    '-r',
    '80',
    '-f',
    '1',
    '-l',
    '1',
    '-singlefile',
    pdf,
    testInfo.outputPath('london-14-report-pdf'),
  ]);
  await page.goBack();

  // Archiving asks first and says what it does.
  await page.getByRole('button', { name: 'Archive job' }).click();
  const dialog = page.getByRole('dialog', { name: 'Archive this job?' });
  await expect(dialog).toContainText('it becomes read-only');
  await expect(dialog).toContainText('nothing is waiting to sync');
  await expect(dialog).toHaveCSS('opacity', '1');
  await stage.at('london-15-archive-asks');
  await dialog.getByRole('button', { name: 'Archive the job' }).click();
  await expect(page.getByText(/· archived/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Archive job' })).toHaveCount(0);
  await stage.at('london-16-archived');
  stage.expectNoneSerious();
});

test('upgrade: Orchard Design Studio pays for 5 services with 3 active; the step says how many, spares first, green after the fixes', async ({
  dialtone,
  page,
}, testInfo) => {
  page.setDefaultTimeout(20_000);
  await startJob(page, dialtone.launchUrl, 'Shoreditch Works', 'Orchard Design Studio');
  await openStep(page, 'Numbers');
  const findings = page.getByRole('region', { name: 'Findings' });
  await expect(findings).toContainText('5 voice services but 3 numbers active: 2 more to activate');
  await expect(findings).toContainText(
    'Activate the spare allocated number +442079460064 first, then allocate 1 more.',
  );
  // The spare is offered before anything new from the pool.
  const fixes = findings.getByRole('button', { name: /^Fix: / });
  await expect(fixes.first()).toHaveAccessibleName('Fix: activate +442079460064');
  await shot(page, testInfo, 'upgrade-01-numbers');
  await fixes.first().click();
  await expect(findings).not.toContainText('Activate the spare allocated number');
  await findings.getByRole('button', { name: /^Fix: allocate 1 number/ }).click();
  await expect(stepState(page, 'Numbers')).toContainText('Done', { timeout: 20_000 });
  await expect(stepState(page, 'Numbers')).toContainText('5 service numbers active');
  await shot(page, testInfo, 'upgrade-02-numbers-green');
});
