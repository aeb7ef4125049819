import AxeBuilder from '@axe-core/playwright';
import type { Page, TestInfo } from '@playwright/test';
import { expect, test } from './test-support/dialtone-host';

/** axe over this feature's own regions (the shell and job frame are checked by the axe spec). */
async function noSeriousAxe(page: Page, what: string, regions: string[]) {
  let builder = new AxeBuilder({ page });
  for (const region of regions) builder = builder.include(region);
  const results = await builder.analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    bad.map(
      (v) =>
        `${what}: ${v.id} ${v.help} (${v.nodes.length}: ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(' | ')})`,
    ),
  ).toEqual([]);
}

async function shot(page: Page, testInfo: TestInfo, name: string) {
  await page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true });
}

async function startJob(page: Page, launchUrl: string, site: string, occupier: string) {
  await page.goto(launchUrl);
  await page.getByRole('link', { name: `Open ${site}` }).click();
  await page.getByRole('button', { name: `Start a job for ${occupier}` }).click();
  await page
    .getByRole('navigation', { name: 'Checklist' })
    .getByRole('link', { name: /Cabling/ })
    .click();
}

async function connectDemo(page: Page, hostname: string) {
  await page.getByRole('link', { name: 'Connect to the switch' }).click();
  const panel = page.getByRole('region', { name: `Switch ${hostname}` });
  await panel.getByRole('button', { name: `Connect to ${hostname}` }).click();
  await expect(panel.getByText(/Connected · demo switch/)).toBeVisible();
  await expect(page.getByRole('figure', { name: `Faceplate of ${hostname}` })).toBeVisible();
}

for (const run of [
  {
    vendor: 'Cisco',
    site: 'Shoreditch Works',
    occupier: 'Brightwater Legal',
    hostname: 'sw-2f-a',
    ports: ['2F-001', '2F-002', '2F-003'],
    interfaces: ['Gi1/0/1', 'Gi1/0/2', 'Gi1/0/3'],
  },
  {
    vendor: 'Aruba',
    site: 'Hudson Commons',
    occupier: 'Hudson Ventures',
    hostname: 'HC-4F-A',
    ports: ['4F-001', '4F-002'],
    interfaces: ['1', '2'],
  },
]) {
  test(`demo job on the ${run.vendor} switch: connect, cable, apply the voice role, both steps green`, async ({
    dialtone,
    page,
  }, testInfo) => {
    test.setTimeout(120_000);
    await startJob(page, dialtone.launchUrl, run.site, run.occupier);
    await connectDemo(page, run.hostname);
    await shot(page, testInfo, `${run.vendor}-01-switch-connected`);
    await noSeriousAxe(page, 'switch', ['section[aria-label^="Switch "]', 'figure']);

    await page.getByRole('link', { name: 'Cabling' }).first().click();
    const cabling = page.getByRole('table', { name: 'Handsets and their floor ports' });
    for (const label of run.ports.slice(0, run.ports.length))
      await cabling.getByRole('button', { name: `Plug handset into ${label}` }).click();
    await expect(page.getByText(/✓ Cabling done/)).toBeVisible({ timeout: 20_000 });
    await shot(page, testInfo, `${run.vendor}-02-cabling-done`);
    await noSeriousAxe(page, 'cabling', ['section[aria-label="Cabling seen by the switch"]']);

    await page.getByRole('link', { name: 'Switch and faceplate' }).click();
    const face = page.getByRole('figure', { name: `Faceplate of ${run.hostname}` });
    for (const name of run.interfaces)
      await expect(face.locator(`[data-port="${name}"]`)).toHaveAttribute('data-link', 'up');
    await face.locator(`[data-port="${run.interfaces[0]}"]`).click();
    await expect(page.getByRole('region', { name: `Port ${run.interfaces[0]}` })).toContainText(
      run.ports[0]!,
    );
    await shot(page, testInfo, `${run.vendor}-03-faceplate`);

    await page.getByRole('link', { name: 'Port roles', exact: true }).click();
    const roles = page.getByRole('table', { name: 'Floor ports and their roles' });
    await expect(roles.getByLabel(`Commands for ${run.ports[0]}`)).toBeVisible({ timeout: 20_000 });
    await shot(page, testInfo, `${run.vendor}-04-roles-preview`);
    await noSeriousAxe(page, 'roles', ['section[aria-label="Port roles on the switch"]']);
    await page.getByRole('button', { name: /^Apply, read back and verify/ }).click();
    await expect(page.getByText(/✓ Port roles done/)).toBeVisible({ timeout: 30_000 });
    await shot(page, testInfo, `${run.vendor}-05-roles-verified`);

    // Already right: nothing is sent, and the screen says so.
    await page.getByRole('button', { name: /^Apply, read back and verify/ }).click();
    await expect(page.getByText(/Already Voice \+ PC: nothing sent/).first()).toBeVisible({
      timeout: 30_000,
    });

    await page.getByRole('link', { name: 'Switch and faceplate' }).click();
    await page.getByRole('link', { name: 'Console' }).click();
    await expect(page.getByRole('region', { name: `Console of ${run.hostname}` })).toBeVisible();
    await page.getByRole('button', { name: 'Take control' }).click();
    await expect(page.getByText('You hold the keyboard')).toBeVisible();
    await shot(page, testInfo, `${run.vendor}-06-console`);
    await noSeriousAxe(page, 'console', [
      'section[aria-label="Live console"]',
      'section[aria-label="Saved transcripts"]',
    ]);
    await page.getByRole('button', { name: 'Give control back to Dialtone' }).click();
    await expect(page.getByText(/Read-only: Dialtone drives the line/)).toBeVisible();
  });
}

test('a handset plugged into the wrong floor port is named with the port it is really in', async ({
  dialtone,
  page,
}, testInfo) => {
  test.setTimeout(90_000);
  await startJob(page, dialtone.launchUrl, 'Shoreditch Works', 'Brightwater Legal');
  await connectDemo(page, 'sw-2f-a');
  await page.getByRole('link', { name: 'Cabling' }).first().click();
  const cabling = page.getByRole('table', { name: 'Handsets and their floor ports' });
  const row = cabling.locator('[data-handset="hs-bw-1"]');
  await row.getByRole('combobox', { name: /Demo: plug/ }).click();
  await page.getByRole('option', { name: '2F-005' }).click();
  await expect(row.getByText('Mis-cabled: it is really in floor port 2F-005.')).toBeVisible({
    timeout: 20_000,
  });
  await shot(page, testInfo, 'miscabled');
  await row.getByRole('button', { name: 'Fix the plan: use 2F-005' }).click();
  await expect(row.getByText(/✓ Seen on 2F-005/)).toBeVisible({ timeout: 20_000 });
});
