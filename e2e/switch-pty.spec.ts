import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { expectNoSeriousAxe } from './test-support/axe-check';
import { expect, test } from './test-support/dialtone-host';
import {
  applyRolesUntilDone,
  cableInDemo,
  checklistStep,
  connectDemo,
  logInHandsets,
  openPortRolesPreview,
  shot,
  startJobOnCabling,
} from './test-support/journeys';

/**
 * The switch half of a job over real console lines: this spec's Dialtone serves two demo
 * switches' consoles on PTYs (socat, `--demo-console`), each answering only at its own speed.
 * They are the demo world's switches, so the demo's cabling drives them. Its world (the demo
 * world, written out with one more fact) has Hudson's Aruba switch refuse the voice VLAN on
 * interface 2, a port bundled in a trunk.
 */
const tag = `${process.pid}-${Date.now()}`;
const console2f = join(tmpdir(), `dialtone-e2e-sw-2f-a-${tag}`);
const console3f = join(tmpdir(), `dialtone-e2e-sw-3f-a-${tag}`);
const worldFile = join(tmpdir(), `dialtone-e2e-world-${tag}.json`);
const demoWorld = JSON.parse(
  readFileSync(
    fileURLToPath(new URL('../main/sim/world/demo-world.json', import.meta.url)),
    'utf8',
  ),
) as Record<string, unknown>;
writeFileSync(
  worldFile,
  JSON.stringify({
    ...demoWorld,
    refusedCommands: [{ switchId: 'nyc-sw-4f-a', interfaceName: '2', command: 'tagged vlan' }],
  }),
);

test.use({
  startOptions: [
    '--world',
    worldFile,
    // Set to 38400 while the site data says 9600: only listening finds it.
    '--demo-console',
    `sw-2f-a=${console2f}@38400`,
    '--demo-console',
    `sw-3f-a=${console3f}`,
  ],
});

async function connectOverConsoleCable(
  page: Page,
  hostname: string,
  path: string,
  before?: () => Promise<void>,
) {
  await page.getByRole('link', { name: 'Connect to the switch' }).click();
  const panel = page.getByRole('region', { name: `Switch ${hostname}` });
  await panel.getByText('Console cable', { exact: true }).click();
  await panel.getByRole('textbox', { name: 'or type the device path' }).fill(path);
  await expect(panel.getByRole('combobox', { name: 'Speed' })).toHaveValue('Auto (detect)');
  await before?.();
  await panel.getByRole('button', { name: `Connect to ${hostname}` }).click();
  await expect(panel.getByText(/● Connected · /)).toBeVisible({ timeout: 20_000 });
  return panel;
}

test('a console cable in the wrong switch: a clear warning, and Port roles changes nothing until confirmed', async ({
  dialtone,
  page,
}, testInfo) => {
  test.setTimeout(90_000);
  await startJobOnCabling(page, dialtone.launchUrl, 'Shoreditch Works', 'Brightwater Legal');
  // The engineer means sw-2f-a; the cable is in sw-3f-a's console port.
  const panel = await connectOverConsoleCable(page, 'sw-2f-a', console3f);
  const warning = panel.getByRole('alert').filter({
    hasText: 'This is not the switch the site data expects',
  });
  await expect(warning).toContainText('Its hostname is sw-3f-a; the site expects sw-2f-a.');
  await expect(warning).toContainText('Dialtone changes nothing on it until you confirm.');
  // The picture is of the switch connected, without sw-2f-a's floor ports on its interfaces.
  const face = page.getByRole('figure', { name: 'Faceplate of sw-3f-a' });
  await expect(face).toContainText('Not sw-2f-a, the switch the site data expects', {
    timeout: 20_000,
  });
  await expect(face).not.toContainText('2F-0');
  await shot(page, testInfo, 'wrong-switch-connect');
  await expectNoSeriousAxe(page, 'wrong switch', ['section[aria-label^="Switch "]']);

  await page.getByRole('link', { name: 'Port roles', exact: true }).click();
  const roles = page.getByRole('region', { name: 'Port roles on the switch' });
  await expect(roles).toContainText(
    'This is not the expected switch: confirm it before changing anything.',
    { timeout: 20_000 },
  );
  await expect(roles.getByRole('button', { name: /^Apply, read back and verify/ })).toBeDisabled();
  // What the wrong switch's interfaces hold is not shown as these floor ports' state.
  await expect(roles.getByLabel(/^Commands for /)).toHaveCount(0);
  await expect(roles).not.toContainText('Nothing to send');
  await shot(page, testInfo, 'wrong-switch-roles-blocked');

  await page.getByRole('link', { name: 'Switch and faceplate' }).click();
  await page
    .getByRole('region', { name: 'Switch sw-2f-a' })
    .getByRole('button', { name: /^Disconnect/ })
    .click();
  const again = page.getByRole('region', { name: 'Switch sw-2f-a' });
  await expect(again.getByText('○ Not connected')).toBeVisible();
  // The line asked for no login: nothing is held, and the screen does not say one is.
  await again.getByText('Console cable', { exact: true }).click();
  await expect(again.getByRole('textbox', { name: 'User name' })).toBeVisible();
  await expect(again.getByText(/A login for this switch is held/)).toHaveCount(0);
});

test('Cisco job over a real PTY: the console speed found by listening, three handsets cabled, the voice role verified, then the handsets register', async ({
  dialtone,
  page,
}, testInfo) => {
  test.setTimeout(240_000);
  await startJobOnCabling(page, dialtone.launchUrl, 'Shoreditch Works', 'Brightwater Legal');
  const panel = await connectOverConsoleCable(page, 'sw-2f-a', console2f, async () => {
    await shot(page, testInfo, 'pty-00-connect-form');
    await expectNoSeriousAxe(page, 'serial form', ['section[aria-label^="Switch "]']);
  });
  await expect(panel.getByTestId('console-speed')).toHaveText(
    'Console speed: 38400 baud, found by listening (the site data says 9600).',
  );
  await expect(panel).toContainText('✓ Identified: sw-2f-a');
  await expect(page.getByRole('figure', { name: 'Faceplate of sw-2f-a' })).toBeVisible();
  await shot(page, testInfo, 'pty-01-connected-speed-found');
  await expectNoSeriousAxe(page, 'serial connect', ['section[aria-label^="Switch "]']);

  await cableInDemo(page, ['2F-001', '2F-002', '2F-003']);
  await shot(page, testInfo, 'pty-02-cabling-done');

  await page.getByRole('link', { name: 'Switch and faceplate' }).click();
  const face = page.getByRole('figure', { name: 'Faceplate of sw-2f-a' });
  for (const name of ['Gi1/0/1', 'Gi1/0/2', 'Gi1/0/3'])
    await expect(face.locator(`[data-port="${name}"]`)).toHaveAttribute('data-link', 'up');

  await openPortRolesPreview(page, '2F-001');
  await shot(page, testInfo, 'pty-03-roles-preview');
  await applyRolesUntilDone(page);
  const progress = page.getByLabel('Apply progress');
  for (const label of ['2F-001', '2F-002', '2F-003'])
    await expect(progress).toContainText(`✓ ${label}: `);
  await expect(progress).toContainText('commands sent, read back and verified.');
  await shot(page, testInfo, 'pty-04-roles-verified');
  await expect(checklistStep(page, /^Cabling/)).toHaveAccessibleName(/Done$/);
  await expect(checklistStep(page, /^Port roles/)).toHaveAccessibleName(/Done$/);

  // Part 1's login step: the handsets register because they really have link in the one world.
  await logInHandsets(page, testInfo, [
    { handset: 'Yealink T54W 80:5e:c0:2f:01:01', remote: true },
    { handset: 'Yealink T54W 80:5e:c0:2f:02:01', remote: true },
  ]);
  await expect(page.getByText('2 of 3 service numbers logged in and registered.')).toBeVisible();
  await shot(page, testInfo, 'pty-05-handsets-registered');
});

test('a change the switch refuses keeps Port roles open, with what the switch really has', async ({
  dialtone,
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  await startJobOnCabling(page, dialtone.launchUrl, 'Hudson Commons', 'Hudson Ventures');
  await connectDemo(page, 'HC-4F-A');
  await openPortRolesPreview(page, '4F-001');
  await page.getByRole('button', { name: /^Apply, read back and verify 2 ports/ }).click();
  const progress = page.getByLabel('Apply progress');
  await expect(progress).toContainText('✗ 4F-002: The switch refused "tagged vlan 20"', {
    timeout: 30_000,
  });
  await expect(progress).toContainText('✓ 4F-001: ');
  const row = page.locator('tr[data-floor-port="4F-002"]');
  await expect(row).toContainText('✗ Refused by the switch');
  const refusal = row.getByRole('alert');
  await expect(refusal).toContainText('The switch refused “tagged vlan 20”');
  await expect(refusal).toContainText('Cannot configure port 2: it is a member of trunk Trk1.');
  // What the switch took before refusing, read back from it.
  await expect(refusal.locator('pre')).toContainText('untagged vlan 10');
  await expect(page.getByText('1 of 2 floor ports verified.')).toBeVisible();
  await expect(checklistStep(page, /^Port roles/)).not.toHaveAccessibleName(/Done$/);
  await shot(page, testInfo, 'refused-roles');
  await expectNoSeriousAxe(page, 'refused', ['section[aria-label="Port roles on the switch"]']);
});
