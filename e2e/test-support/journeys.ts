import { expect, type Page, type TestInfo } from '@playwright/test';

/** A full-page screenshot into the test's output folder, to look at. */
export async function shot(page: Page, testInfo: TestInfo, name: string) {
  // From the top, so the sticky header sits where the engineer sees it.
  await page.evaluate('window.scrollTo(0, 0)');
  await page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true });
}

/**
 * From the first screen: start a job for an occupier and open its Cabling step. An occupier
 * has one unfinished job, so when an earlier test of the spec started one, this continues it.
 */
export async function startJobOnCabling(
  page: Page,
  launchUrl: string,
  site: string,
  occupier: string,
) {
  await page.goto(launchUrl);
  await page.getByRole('link', { name: `Open ${site}` }).click();
  await page
    .getByRole('button', { name: `Start a job for ${occupier}` })
    .or(page.getByRole('link', { name: `Continue the job for ${occupier}` }))
    .click();
  await page
    .getByRole('navigation', { name: 'Checklist' })
    .getByRole('link', { name: /Cabling/ })
    .click();
}

/** From a switch step: the Connect screen, and the demo's in-process switch connected. */
export async function connectDemo(page: Page, hostname: string) {
  await page.getByRole('link', { name: 'Connect to the switch' }).click();
  const panel = page.getByRole('region', { name: `Switch ${hostname}` });
  await panel.getByRole('button', { name: `Connect to ${hostname}` }).click();
  await expect(panel.getByText(/Connected · demo switch/)).toBeVisible();
  await expect(page.getByRole('figure', { name: `Faceplate of ${hostname}` })).toBeVisible();
}

/** From the first screen: start a job for Brightwater Legal at Shoreditch Works and open its Port roles step. */
export async function startBrightwaterOnPortRoles(page: Page, launchUrl: string): Promise<void> {
  await page.goto(launchUrl);
  await page.getByRole('link', { name: 'Open Shoreditch Works' }).click();
  await page.getByRole('button', { name: 'Start a job for Brightwater Legal' }).click();
  await page
    .getByRole('navigation', { name: 'Checklist' })
    .getByRole('link', { name: /Port roles?/ })
    .click();
}

/** Cabling: each handset plugged into its floor port with the demo's control, until the step is done. */
export async function cableInDemo(page: Page, floorPortLabels: readonly string[]) {
  await page.getByRole('link', { name: 'Cabling' }).first().click();
  const cabling = page.getByRole('table', { name: 'Handsets and their floor ports' });
  for (const label of floorPortLabels)
    await cabling.getByRole('button', { name: `Plug handset into ${label}` }).click();
  await expect(page.getByText(/✓ Cabling done/)).toBeVisible({ timeout: 20_000 });
}

/** Port roles: the preview of the first port's commands is shown. */
export async function openPortRolesPreview(page: Page, firstLabel: string) {
  await page.getByRole('link', { name: 'Port roles', exact: true }).click();
  const roles = page.getByRole('table', { name: 'Floor ports and their roles' });
  await expect(roles.getByLabel(`Commands for ${firstLabel}`)).toBeVisible({ timeout: 20_000 });
}

/** Port roles: apply, read back and verify every port, until the step is done. */
export async function applyRolesUntilDone(page: Page) {
  await page.getByRole('button', { name: /^Apply, read back and verify/ }).click();
  await expect(page.getByText(/✓ Port roles done/)).toBeVisible({ timeout: 60_000 });
}

/** A checklist step's state, as its link in the checklist says it. */
export function checklistStep(page: Page, title: RegExp) {
  return page.getByRole('navigation', { name: 'Checklist' }).getByRole('link', { name: title });
}

/** The open step's status panel (its state, summary and what is left). */
export function stepState(page: Page, title: string) {
  return page.getByRole('region', { name: title, exact: true }).first();
}

/**
 * Part 1 after the switch half: Numbers adds the voice services (the platform allocates and
 * activates their numbers), then Handset login gives the first numbers these handsets and
 * logs the remote-login ones in; each registers once the platform sees it has link.
 */
export async function logInHandsets(
  page: Page,
  testInfo: TestInfo,
  handsets: readonly { handset: string; remote: boolean }[],
) {
  await checklistStep(page, /^Numbers/).click();
  await page.getByRole('button', { name: 'Add voice services' }).click();
  await expect(checklistStep(page, /^Numbers/)).toHaveAccessibleName(/Done$/, {
    timeout: 30_000,
  });
  await checklistStep(page, /^Handset login/).click();
  const lines = page.locator('section[aria-label^="Number +"]');
  await expect(lines).toHaveCount(3, { timeout: 20_000 });
  for (const [index, { handset, remote }] of handsets.entries()) {
    const line = lines.nth(index);
    const e164 = ((await line.getAttribute('aria-label')) ?? '').replace('Number ', '');
    await line.getByRole('combobox', { name: `Handset for ${e164}` }).click();
    await page.getByRole('option', { name: handset }).click();
    await expect(line).toContainText(`Handset: ${handset}`);
    if (remote) await line.getByRole('button', { name: `Log in ${e164}` }).click();
  }
  await shot(page, testInfo, 'login-requested');
  for (const [index, { remote }] of handsets.entries())
    if (remote) await expect(lines.nth(index)).toContainText('Registered ✓', { timeout: 45_000 });
}

/** From the first screen: start a job for `occupier` at `site` (the job opens on its first open step). */
export async function startJob(page: Page, launchUrl: string, site: string, occupier: string) {
  await page.goto(launchUrl);
  await page.getByRole('link', { name: `Open ${site}` }).click();
  await page.getByRole('button', { name: `Start a job for ${occupier}` }).click();
  await page.getByRole('navigation', { name: 'Checklist' }).waitFor();
}

/** Opens a checklist step from the job's navigation. */
export async function openStep(page: Page, title: string) {
  await checklistStep(page, new RegExp(`^${title}`)).click();
  await page.getByRole('heading', { name: title, level: 2 }).waitFor();
}
