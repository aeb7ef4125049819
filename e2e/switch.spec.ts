import { expect, test } from './test-support/dialtone-host';
import { expectNoSeriousAxe } from './test-support/axe-check';
import {
  applyRolesUntilDone,
  cableInDemo,
  connectDemo,
  openPortRolesPreview,
  shot,
  startJobOnCabling,
} from './test-support/journeys';

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
    await startJobOnCabling(page, dialtone.launchUrl, run.site, run.occupier);
    await connectDemo(page, run.hostname);
    await shot(page, testInfo, `${run.vendor}-01-switch-connected`);
    await expectNoSeriousAxe(page, 'switch', ['section[aria-label^="Switch "]', 'figure']);

    await cableInDemo(page, run.ports);
    await shot(page, testInfo, `${run.vendor}-02-cabling-done`);
    await expectNoSeriousAxe(page, 'cabling', ['section[aria-label="Cabling seen by the switch"]']);

    await page.getByRole('link', { name: 'Switch and faceplate' }).click();
    const face = page.getByRole('figure', { name: `Faceplate of ${run.hostname}` });
    for (const name of run.interfaces)
      await expect(face.locator(`[data-port="${name}"]`)).toHaveAttribute('data-link', 'up');
    await face.locator(`[data-port="${run.interfaces[0]}"]`).click();
    await expect(page.getByRole('region', { name: `Port ${run.interfaces[0]}` })).toContainText(
      run.ports[0]!,
    );
    await shot(page, testInfo, `${run.vendor}-03-faceplate`);

    await openPortRolesPreview(page, run.ports[0]!);
    await shot(page, testInfo, `${run.vendor}-04-roles-preview`);
    await expectNoSeriousAxe(page, 'roles', ['section[aria-label="Port roles on the switch"]']);
    await applyRolesUntilDone(page);
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
    await expectNoSeriousAxe(page, 'console', [
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
  await startJobOnCabling(page, dialtone.launchUrl, 'Shoreditch Works', 'Brightwater Legal');
  // Run after the Cisco test, this continues its job (one unfinished job per occupier), whose
  // console session to sw-2f-a is still open; run alone, it connects first.
  const connect = page.getByRole('link', { name: 'Connect to the switch' });
  const cabling = page.getByRole('table', { name: 'Handsets and their floor ports' });
  const row = cabling.locator('[data-handset="hs-bw-1"]');
  // The demo's plug control shows once the switch overview is in: only then is "connected" known.
  await expect(row.getByRole('combobox', { name: /Demo: plug/ })).toBeVisible();
  if (await connect.isVisible()) {
    await connectDemo(page, 'sw-2f-a');
    await page.getByRole('link', { name: 'Cabling' }).first().click();
  }
  await row.getByRole('combobox', { name: /Demo: plug/ }).click();
  await page.getByRole('option', { name: '2F-005' }).click();
  await expect(row.getByText('Mis-cabled: it is really in floor port 2F-005.')).toBeVisible({
    timeout: 20_000,
  });
  await shot(page, testInfo, 'miscabled');
  await row.getByRole('button', { name: 'Fix the plan: use 2F-005' }).click();
  await expect(row.getByText(/✓ Seen on 2F-005/)).toBeVisible({ timeout: 20_000 });
});
