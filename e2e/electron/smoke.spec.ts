import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, expect, test } from '@playwright/test';
import { findElectronBinary } from '../../main/cli/host-choice';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const binary = findElectronBinary(ROOT);

test.describe('the Electron window', () => {
  test.skip(!binary.found, `Electron e2e not run: ${binary.found ? '' : binary.reason}`);

  test('opens on the demo sites and shows a site', async () => {
    const testInfo = test.info();
    if (!binary.found) return;
    // Its own profile, never the engineer's: Electron takes userData (jobs, electron-store,
    // Chromium's own files) from --user-data-dir.
    const userDataDir = mkdtempSync(join(tmpdir(), 'dialtone-e2e-electron-'));
    const app = await electron.launch({
      executablePath: binary.path,
      args: [ROOT, `--user-data-dir=${userDataDir}`],
      cwd: ROOT,
    });
    expect(await app.evaluate(({ app: electronApp }) => electronApp.getPath('userData'))).toBe(
      userDataDir,
    );
    const window = await app.firstWindow();
    const sites = window.getByRole('list', { name: 'Sites' });
    await expect(sites.getByRole('listitem')).toHaveCount(2);
    await window.screenshot({ path: testInfo.outputPath('electron-01-sites.png') });
    await window.getByRole('link', { name: 'Open Shoreditch Works' }).click();
    await expect(window.getByRole('table', { name: 'Floor ports' })).toContainText('2F-001');
    // The page has no Node: the bridge is the only way out.
    expect(await window.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe(
      'undefined',
    );
    await app.close();
  });
});
