import type { Page } from '@playwright/test';

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
