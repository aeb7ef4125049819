import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, test } from './test-support/dialtone-host';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

/** A second platform simulator, as a real platform would be: its own process and token. */
async function startPlatform(token: string) {
  const child = spawn(
    process.execPath,
    ['bin/dialtone.mjs', 'platform', 'serve', '--token', token],
    { cwd: ROOT },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const line = output.split('\n').find((l) => l.startsWith('{'));
      if (line) resolve((JSON.parse(line) as { url: string }).url);
    });
    child.once('exit', (code) => reject(new Error(`platform serve exited ${code}: ${output}`)));
  });
  return { url, stop: () => child.kill('SIGINT') };
}

test('the engineer points Dialtone at a platform (token checked first) and back to the demo', async ({
  dialtone,
  page,
}, testInfo) => {
  const platform = await startPlatform('the-real-token');
  try {
    await page.goto(dialtone.launchUrl);
    await expect(page.getByLabel(/Connection: Demo platform/)).toBeVisible();
    await page.getByRole('button', { name: 'Settings' }).click();
    const dialog = page.getByRole('dialog', { name: 'Platform settings' });
    await dialog.getByRole('radio', { name: /A real platform/ }).check();
    await dialog.getByRole('textbox', { name: 'API address' }).fill(platform.url);
    await dialog.getByLabel('API token').fill('a-wrong-token');
    await dialog.getByRole('button', { name: 'Check and save' }).click();
    await expect(dialog.getByRole('alert')).toContainText('refused this API token (401)');
    await expect(page.getByLabel(/Connection: Demo platform/)).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath('03-settings-refused.png') });

    await dialog.getByLabel('API token').fill('the-real-token');
    await dialog.getByRole('button', { name: 'Check and save' }).click();
    await expect(dialog.getByRole('status')).toContainText('Connected to Demo Workspaces');
    const host = new URL(platform.url).host;
    await expect(page.getByLabel(/Connection: Platform/)).toContainText(host);
    await dialog.getByRole('button', { name: 'Close', exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('list', { name: 'Sites' }).getByRole('listitem')).toHaveCount(2);
    await page.screenshot({ path: testInfo.outputPath('04-on-platform.png') });

    await page.getByRole('button', { name: 'Settings' }).click();
    await dialog.getByRole('radio', { name: /built-in demo/ }).check();
    await dialog.getByRole('button', { name: 'Use the demo' }).click();
    await expect(page.getByLabel(/Connection: Demo platform/)).toBeVisible();
  } finally {
    platform.stop();
  }
});
