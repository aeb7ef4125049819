import { expect, test } from './test-support/dialtone-host';

test.describe('first run on the demo platform (browser host started by npm start)', () => {
  test('npm start says why it used the browser host and serves the app', async ({
    dialtone,
    page,
  }) => {
    expect(dialtone.output()).toMatch(/so Dialtone runs in your browser instead/);
    await page.goto(dialtone.launchUrl);
    // The token in the address bar is swapped for a session cookie; the app opens on the sites.
    await expect(page).toHaveURL(/^http:\/\/127\.0\.0\.1:\d+\/#\/sites$/);
    await expect(page.getByRole('banner')).toContainText('Dialtone');
  });

  test('lists the demo sites, then shows a site with its occupiers and floor ports', async ({
    dialtone,
    page,
  }, testInfo) => {
    await page.goto(dialtone.launchUrl);
    const sites = page.getByRole('list', { name: 'Sites' });
    await expect(sites.getByRole('listitem')).toHaveCount(2);
    await expect(sites).toContainText('Shoreditch Works');
    await expect(sites).toContainText('Hudson Commons');
    await expect(page.getByLabel(/Connection: Demo platform/)).toBeVisible();
    await expect(page.getByRole('banner')).toContainText(/Version v\d+\.\d+\.\d+/);
    await page.screenshot({ path: testInfo.outputPath('01-sites.png'), fullPage: true });

    await page.getByRole('link', { name: 'Open Shoreditch Works' }).click();
    await expect(page).toHaveURL(/#\/sites\/lon-shoreditch$/);
    const occupiers = page.getByRole('table', { name: 'Occupiers' });
    await expect(occupiers).toContainText('Brightwater Legal');
    await expect(occupiers).toContainText('Northwind Partners');
    const ports = page.getByRole('table', { name: 'Floor ports' });
    await expect(ports.getByRole('row')).toHaveCount(25); // header + 24 floor ports
    await expect(ports).toContainText('2F-001');
    await expect(ports).toContainText('sw-3f-a Gi1/0/12');
    await page.screenshot({ path: testInfo.outputPath('02-site.png'), fullPage: true });

    // The Sites link always opens the list, not the site last seen.
    await page
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('link', { name: 'Sites' })
      .click();
    await expect(sites.getByRole('listitem')).toHaveCount(2);
    await expect(page).toHaveURL(/#\/sites$/);
  });

  test('a page without the session token gets nothing from the host', async ({
    dialtone,
    browser,
  }) => {
    const fresh = await browser.newContext();
    const page = await fresh.newPage();
    const response = await page.goto(dialtone.launchUrl.replace(/\?token=.*/, ''));
    expect(response?.status()).toBe(401);
    await fresh.close();
  });
});
