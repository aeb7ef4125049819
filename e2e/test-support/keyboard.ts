import { expect, type Locator, type Page, type TestInfo } from '@playwright/test';

const NOTHING = 'nothing (the page itself)';

/**
 * What has focus, in words: its role and name, for a failure message. Run in the page, so
 * written as its source (the e2e code is type-checked without the DOM's types).
 */
const DESCRIBE_FOCUS = `(() => {
  const el = document.activeElement;
  if (!el || el === document.body) return ${JSON.stringify(NOTHING)};
  const role = el.getAttribute('role') ?? el.tagName.toLowerCase();
  const labelledBy = el.getAttribute('aria-labelledby');
  const name =
    el.getAttribute('aria-label') ??
    (labelledBy
      ? labelledBy.split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' ')
      : null) ??
    (el instanceof HTMLInputElement ? (el.labels?.[0]?.textContent ?? el.placeholder) : null) ??
    el.textContent ??
    '';
  return role + ' "' + name.trim().replace(/\\s+/g, ' ').slice(0, 80) + '"';
})()`;

/** Whether focus is inside `container` (a dialog, a region). */
export function focusIsInside(container: Locator): Promise<boolean> {
  return container.evaluate((el) => el.contains(el.ownerDocument.activeElement));
}

export interface TabOptions {
  /** Presses before giving up. */
  max?: number;
  /** Shift+Tab: the control is before the one with focus. */
  back?: boolean;
  /** Focus may be on the page itself (a page just loaded); else that fails as focus lost. */
  fromPage?: boolean;
}

/**
 * Presses Tab (or Shift+Tab) until `target` has focus, at most `max` times; fails naming the
 * control it was after and the last ones that had focus on the way. Waits first for `target`
 * to be on screen, so a control that appears after an action is not raced, and for focus to be
 * somewhere: the last action must not have dropped it on the page itself.
 */
export async function tabTo(
  page: Page,
  target: Locator,
  { max = 40, back = false, fromPage = false }: TabOptions = {},
): Promise<void> {
  await expect(target, `${target} to be on screen before tabbing to it`).toBeVisible();
  if (!fromPage)
    await expect
      .poll(() => page.evaluate<string>(DESCRIBE_FOCUS), {
        message: `focus is kept somewhere on the page before tabbing to ${target}`,
      })
      .not.toBe(NOTHING);
  const visited: string[] = [];
  for (let presses = 0; ; presses++) {
    const focused = await target.evaluate((el) => el === el.ownerDocument.activeElement);
    if (focused) return;
    visited.push(await page.evaluate<string>(DESCRIBE_FOCUS));
    if (presses === 0 && process.env['KB_DEBUG']) console.log(`from ${visited[0]} to ${target}`);
    if (presses === max)
      throw new Error(
        `${target} never had focus after ${max} presses of ${back ? 'Shift+Tab' : 'Tab'}; ` +
          `focus went … ${visited.slice(-8).join(' → ')}`,
      );
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
}

/** Tabs to `target` and presses `key` on it (Enter by default; Space for checkboxes and switches). */
export async function press(page: Page, target: Locator, key = 'Enter', options?: TabOptions) {
  await tabTo(page, target, options);
  await page.keyboard.press(key);
}

/** Tabs to a text field and types `text` into it (after selecting what was there). */
export async function typeInto(page: Page, target: Locator, text: string) {
  await tabTo(page, target);
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(text);
}

/**
 * Picks `option` from a Mantine Select by keyboard: Tab to it, type to filter (searchable) or
 * open with ArrowDown, ArrowDown to the option, Enter; then the field shows it.
 */
export async function chooseOption(
  page: Page,
  select: Locator,
  option: string,
  { search }: { search?: string } = {},
) {
  await tabTo(page, select);
  if (search !== undefined) await page.keyboard.type(search);
  else await page.keyboard.press('ArrowDown');
  const listbox = page.getByRole('listbox');
  await expect(listbox.getByRole('option', { name: option, exact: true })).toBeVisible();
  for (let presses = 0; presses < 40; presses++) {
    const selected = listbox.locator('[data-combobox-selected]');
    if ((await selected.count()) === 1 && (await selected.textContent())?.trim() === option) break;
    await page.keyboard.press('ArrowDown');
  }
  await expect(listbox.locator('[data-combobox-selected]')).toHaveText(option);
  await page.keyboard.press('Enter');
  await expect(select).toHaveValue(option);
}

/**
 * The focused control shows it has focus: it matches :focus-visible and draws an outline (or a
 * box shadow) that is not transparent.
 */
export async function expectFocusVisible(page: Page, target: Locator) {
  await expect(target).toBeFocused();
  const ring = await target.evaluate((el) => {
    const style = el.ownerDocument.defaultView!.getComputedStyle(el);
    return {
      focusVisible: el.matches(':focus-visible'),
      outline:
        style.outlineStyle !== 'none' &&
        parseFloat(style.outlineWidth) >= 1 &&
        !/rgba\(\d+, \d+, \d+, 0\)|transparent/.test(style.outlineColor),
      shadow: style.boxShadow !== 'none',
      describe: `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}; shadow ${style.boxShadow}`,
    };
  });
  expect(ring.focusVisible, `${target} matches :focus-visible`).toBe(true);
  expect(ring.outline || ring.shadow, `${target} draws a focus ring (${ring.describe})`).toBe(true);
}

/** A screenshot of the viewport as it is (not scrolled to the top), so the focus ring shows. */
export async function focusShot(page: Page, testInfo: TestInfo, name: string) {
  await page.screenshot({ path: testInfo.outputPath(`${name}.png`) });
}
