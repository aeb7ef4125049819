import { expect, test } from './test-support/dialtone-host';

test('the route is in the URL: a reload keeps the engineer on the step, Back goes back', async ({
  dialtone,
  page,
}) => {
  await page.goto(dialtone.launchUrl);
  await page.getByRole('link', { name: 'Open Hudson Commons' }).click();
  await page
    .getByRole('button', { name: /^Start a job for / })
    .first()
    .click();
  // Opening a job lands on its first step not done: Numbers, on a new job.
  await expect(page).toHaveURL(/#\/jobs\/[^/]+\/numbers$/);
  const jobId = /#\/jobs\/([^/]+)\//.exec(new URL(page.url()).hash)?.[1];
  expect(jobId).toBeTruthy();
  const occupier = await page.getByRole('heading', { level: 1 }).textContent();
  const numbersUrl = new RegExp(`#/jobs/${jobId}/numbers$`);
  const checklist = page.getByRole('navigation', { name: 'Checklist' });

  await page
    .getByRole('navigation', { name: 'Sections' })
    .getByRole('link', { name: 'Jobs' })
    .click();
  await expect(page).toHaveURL(/#\/jobs$/);
  await page
    .getByRole('link', { name: `Open the job for ${occupier} at Hudson Commons` })
    .first()
    .click();
  await expect(page).toHaveURL(numbersUrl);

  await page.reload();
  await expect(page).toHaveURL(numbersUrl);
  await expect(page.getByRole('heading', { name: 'Numbers', level: 2 })).toBeVisible();
  await expect(checklist.getByRole('link', { name: /Numbers/ })).toHaveAttribute(
    'aria-current',
    'page',
  );

  await page.goBack();
  await expect(page).toHaveURL(/#\/jobs$/);
  await expect(page.getByRole('table', { name: 'Jobs' })).toBeVisible();
  await page.goForward();
  await expect(page).toHaveURL(numbersUrl);

  // Each step is its own entry: Back from Cabling returns to Numbers.
  await checklist.getByRole('link', { name: /Cabling/ }).click();
  await expect(page).toHaveURL(new RegExp(`#/jobs/${jobId}/cabling$`));
  await expect(page.getByRole('heading', { name: 'Cabling', level: 2 })).toBeVisible();
  await page.goBack();
  await expect(page).toHaveURL(numbersUrl);
  await expect(page.getByRole('heading', { name: 'Numbers', level: 2 })).toBeVisible();
});

test('an address the app has no page for says so and offers the way home', async ({
  dialtone,
  page,
}) => {
  await page.goto(dialtone.launchUrl);
  await expect(page.getByRole('list', { name: 'Sites' })).toBeVisible();
  for (const hash of ['#/no-such-page', '#/jobs/some-job/no-such-step']) {
    await page.goto(new URL(hash, page.url()).toString());
    await expect(page.getByRole('heading', { name: 'Page not found', level: 1 })).toBeVisible();
  }
  await page.getByRole('link', { name: 'Go to the sites' }).click();
  await expect(page.getByRole('list', { name: 'Sites' })).toBeVisible();
});
