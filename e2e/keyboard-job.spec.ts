import type { Page } from '@playwright/test';
import { expect, test } from './test-support/dialtone-host';
import {
  chooseOption,
  expectFocusVisible,
  focusIsInside,
  focusShot,
  press,
  tabTo,
  typeInto,
} from './test-support/keyboard';
import { checklistStep, stepState } from './test-support/journeys';

/**
 * The whole job with the keyboard only: Tab, Shift+Tab, Enter, Space, arrows and typing, never
 * a click. Hudson Ventures at Hudson Commons keeps it short (two voice services, the Aruba demo
 * switch, two handsets) yet has every kind of step: a remote login (Poly VVX 450) and a keypad
 * one (Cisco IP Phone 7841), the ring test and the sign-off.
 */
const POLY = 'Poly VVX 450 64:16:7f:4f:01:01';
const CISCO = 'Cisco IP Phone 7841 00:1b:54:4f:02:01';

/** Opens a checklist step from its link, by keyboard, and waits for its heading. */
async function openStep(page: Page, title: string) {
  await press(page, checklistStep(page, new RegExp(`^${title}`)), 'Enter', { back: true, max: 60 });
  await expect(page.getByRole('heading', { name: title, level: 2 })).toBeVisible();
}

test('Hudson Ventures, the whole job by keyboard only: new job to the signed report', async ({
  dialtone,
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  await page.goto(dialtone.launchUrl);
  await expect(page.getByRole('list', { name: 'Sites' })).toBeVisible();

  // The job list, then a new job: site and occupier typed into their searchable selects.
  const jobsLink = page
    .getByRole('navigation', { name: 'Sections' })
    .getByRole('link', { name: 'Jobs' });
  await tabTo(page, jobsLink, { fromPage: true });
  await expectFocusVisible(page, jobsLink);
  await focusShot(page, testInfo, 'keyboard-01-sections-focus');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Jobs', level: 1 })).toBeVisible();
  await press(page, page.getByRole('link', { name: 'New job' }));
  await chooseOption(
    page,
    page.getByRole('combobox', { name: 'Site' }),
    'Hudson Commons · New York',
    {
      search: 'Hudson',
    },
  );
  await chooseOption(page, page.getByRole('combobox', { name: 'Occupier' }), 'Hudson Ventures', {
    search: 'Hud',
  });
  await typeInto(page, page.getByRole('textbox', { name: 'Your name' }), 'Jordan Reyes');
  const start = page.getByRole('button', { name: 'Start the job for Hudson Ventures' });
  await tabTo(page, start);
  await expectFocusVisible(page, start);
  await focusShot(page, testInfo, 'keyboard-02-new-job-start');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('navigation', { name: 'Checklist' })).toBeVisible();

  // Numbers: two voice services, then the main number.
  await expect(page.getByRole('heading', { name: 'Numbers', level: 2 })).toBeVisible();
  await typeInto(page, page.getByRole('textbox', { name: 'Voice services (quantity)' }), '2');
  await press(page, page.getByRole('button', { name: 'Add voice services' }));
  // A US site gets no automatic main number: its fix allocates one from the pool, nominates it
  // as main and activates it, and the step goes green on what the platform then holds.
  await press(page, page.getByRole('button', { name: /^Fix: allocate a main number/ }));
  await expect(stepState(page, 'Numbers')).toContainText('Done', { timeout: 20_000 });
  await expect(stepState(page, 'Numbers')).not.toContainText('exception');

  // Cabling: the Aruba demo switch connected, each handset plugged into its floor port.
  await openStep(page, 'Cabling');
  await press(page, page.getByRole('link', { name: 'Connect to the switch' }));
  const panel = page.getByRole('region', { name: 'Switch HC-4F-A' });
  await press(page, panel.getByRole('button', { name: 'Connect to HC-4F-A' }));
  await expect(panel.getByText(/Connected · demo switch/)).toBeVisible();
  await press(page, page.getByRole('link', { name: 'Cabling' }).first(), 'Enter', { back: true });
  const cabling = page.getByRole('table', { name: 'Handsets and their floor ports' });
  for (const label of ['4F-001', '4F-002'])
    await press(page, cabling.getByRole('button', { name: `Plug handset into ${label}` }));
  await expect(page.getByText(/✓ Cabling done/)).toBeVisible({ timeout: 20_000 });

  // Port roles: apply, read back and verify.
  await openStep(page, 'Port roles');
  await press(page, page.getByRole('button', { name: /^Apply, read back and verify/ }));
  await expect(page.getByText(/✓ Port roles done/)).toBeVisible({ timeout: 60_000 });

  // Handset login: the Poly logs in remotely, the Cisco on its keypad.
  await openStep(page, 'Handset login');
  const lines = page.locator('section[aria-label^="Number +"]');
  await expect(lines).toHaveCount(2);
  const numbers = await lines.evaluateAll((sections) =>
    sections.map((s) => (s.getAttribute('aria-label') ?? '').replace('Number ', '')),
  );
  const [remote, keypad] = numbers as [string, string];
  await chooseOption(page, page.getByRole('combobox', { name: `Handset for ${remote}` }), POLY);
  await chooseOption(page, page.getByRole('combobox', { name: `Handset for ${keypad}` }), CISCO);
  const logIn = page.getByRole('button', { name: `Log in ${remote}` });
  await tabTo(page, logIn, { back: true });
  await expectFocusVisible(page, logIn);
  await focusShot(page, testInfo, 'keyboard-03-login-remote-focus');
  await page.keyboard.press('Enter');
  const keypadRow = page.getByRole('region', { name: `Number ${keypad}` });
  await expect(keypadRow).toContainText('Press the Login soft key.');
  await press(
    page,
    keypadRow.getByRole('button', {
      name: `Demo: type these on the simulated handset (${keypad})`,
    }),
  );
  const done = keypadRow.getByRole('button', { name: `Done on the handset (${keypad})` });
  await tabTo(page, done);
  await expectFocusVisible(page, done);
  await focusShot(page, testInfo, 'keyboard-04-keypad-done-focus');
  await page.keyboard.press('Enter');
  await expect(stepState(page, 'Handset login')).toContainText('Done', { timeout: 45_000 });

  // Ring test: each number rings its own desk, confirmed with Space.
  await openStep(page, 'Ring test');
  for (const [i, e164] of numbers.entries()) {
    const row = page.getByRole('region', { name: `Ring test ${e164}` });
    await press(page, row.getByRole('button', { name: `Ring ${e164}` }));
    await expect(row).toContainText(`at 4F-00${i + 1}`, { timeout: 20_000 });
    await press(page, row.getByRole('button', { name: 'This desk rang' }), 'Space');
    await expect(row).toContainText('this desk rang');
  }
  await expect(stepState(page, 'Ring test')).toContainText('Done', { timeout: 20_000 });

  // Sign-off: the signer typed in, then the button.
  await openStep(page, 'Sign-off');
  await expect(stepState(page, 'Sign-off')).toContainText('ready to sign off');
  await typeInto(page, page.getByRole('textbox', { name: "Signer's name" }), 'Marcus Lee');
  await typeInto(page, page.getByRole('textbox', { name: "Signer's role" }), 'Office manager');
  const signOff = page.getByRole('button', { name: 'Sign off the job' });
  await tabTo(page, signOff);
  await expectFocusVisible(page, signOff);
  await focusShot(page, testInfo, 'keyboard-05-sign-off-focus');
  await page.keyboard.press('Enter');
  await expect(page.getByText('Signed off by Marcus Lee (Office manager)').first()).toBeVisible();

  // A dialog by keyboard: focus goes into it and stays there, Escape gives it back.
  const archive = page.getByRole('button', { name: 'Archive job' });
  await press(page, archive, 'Enter', { back: true });
  const dialog = page.getByRole('dialog', { name: 'Archive this job?' });
  await expect(dialog).toBeVisible();
  const focusInDialog = () => focusIsInside(dialog);
  await expect.poll(focusInDialog, { message: 'focus moves into the dialog' }).toBe(true);
  for (let presses = 0; presses < 5; presses++) {
    await page.keyboard.press('Tab');
    expect(await focusInDialog(), 'Tab stays inside the open dialog').toBe(true);
  }
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(archive, 'focus returns to the button that opened the dialog').toBeFocused();

  // The report, opened with Enter.
  await press(page, page.getByRole('link', { name: 'Open the report' }));
  const report = page.getByRole('article', { name: 'Installation report' });
  await expect(report).toContainText('Voice services for Hudson Ventures at Hudson Commons');
  await expect(report).toContainText('Marcus Lee (Office manager)');
  // Who did the job: the name typed on the New job screen.
  await expect(report.locator('dt:text-is("Engineer") + dd')).toHaveText('Jordan Reyes');
  for (const e164 of numbers) await expect(report).toContainText(e164);
  await focusShot(page, testInfo, 'keyboard-06-report');
});
