import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { expect, test } from './test-support/dialtone-host';
import {
  applyRolesUntilDone,
  cableInDemo,
  checklistStep,
  connectDemo,
  openStep,
  shot,
  stepState,
} from './test-support/journeys';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const TOKEN = 'platform-stopped-token';

/**
 * The platform as its own process, as a real one is: `platform serve` with its state in a
 * file, so stopping it (Ctrl-C) and starting it again on the same port keeps what it had.
 */
async function startPlatform(statePath: string, port?: number) {
  const child: ChildProcess = spawn(
    process.execPath,
    [
      'bin/dialtone.mjs',
      'platform',
      'serve',
      '--token',
      TOKEN,
      '--state',
      statePath,
      '--admin',
      ...(port === undefined ? [] : ['--port', String(port)]),
    ],
    { cwd: ROOT },
  );
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const line = output.split('\n').find((l) => l.startsWith('{'));
      if (line) resolve((JSON.parse(line) as { url: string }).url);
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    void exited.then((code) => reject(new Error(`platform serve exited ${code}: ${output}`)));
  });
  return {
    url,
    port: Number(new URL(url).port),
    /** Ctrl-C: the simulator writes its state file and exits. */
    async stop() {
      child.kill('SIGINT');
      const code = await exited;
      if (code !== 0) throw new Error(`platform serve exited ${code} on Ctrl-C: ${output}`);
    },
  };
}
type Platform = Awaited<ReturnType<typeof startPlatform>>;

/** The platform's API, read as the operator's systems read it. */
async function api<T>(platform: Platform, path: string): Promise<T> {
  const response = await fetch(`${platform.url}${path}`, {
    headers: { Authorization: `Bearer ${TOKEN}` },
  });
  if (!response.ok) throw new Error(`GET ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** The app says it cannot reach the platform, in sentences (no error codes), and never "Synced". */
async function expectOffline(page: Page) {
  await expect(page.getByLabel(/^Connection: /)).toHaveAccessibleName(/^Connection: Offline/, {
    timeout: 30_000,
  });
  const sync = page.getByRole('region', { name: 'Sync' });
  await expect(sync).toContainText(
    'cannot be reached: nothing answers at that address, so the platform is stopped or the address is wrong.',
  );
  await expect(sync).not.toContainText(/E[A-Z]{4,}|UND_ERR/);
}

/** What waits, change by change; the badge says offline and how many, never "Synced". */
async function expectQueued(page: Page, changes: readonly string[]) {
  const waiting = page.getByRole('region', { name: 'Waiting to sync' });
  await expect(waiting.getByRole('listitem')).toHaveText([...changes]);
  await expect(page.getByLabel(/^Sync status: /)).toHaveAccessibleName(
    `Sync status: Offline · ${changes.length} queued`,
  );
}

/** The platform is back: the app notices by itself, and sync empties the queue. */
async function expectSynced(page: Page) {
  await expect(page.getByLabel(/^Connection: /)).toHaveAccessibleName(/^Connection: Platform/, {
    timeout: 30_000,
  });
  await expect(page.getByLabel(/^Sync status: /)).toHaveAccessibleName('Sync status: Synced', {
    timeout: 60_000,
  });
  await expect(page.getByRole('region', { name: 'Waiting to sync' })).toHaveCount(0);
}

const LINES = [1, 2, 3].map((n) => ({
  e164: `+44207946001${n}`,
  handsetId: `hs-bw-${n}`,
  floorPortId: `lon-shoreditch-2F-00${n}`,
  mac: n === 3 ? 'c0:74:ad:2f:03:01' : `80:5e:c0:2f:0${n}:01`,
  handset: n === 3 ? 'Grandstream GRP2612 c0:74:ad:2f:03:01' : `Yealink T54W 80:5e:c0:2f:0${n}:01`,
}));

async function admin(platform: Platform, method: string, path: string, body: unknown) {
  const response = await fetch(`${platform.url}${path}`, {
    method,
    headers: { Authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok)
    throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
}

/**
 * The floor, not the app: each handset is plugged into its floor port (the demo switch saw it
 * there), and a real platform sees it by itself. This simulator runs in its own process, apart
 * from the demo switch, so the test tells it, as the demo's own link feed does in process.
 */
async function plugInOnPlatform(platform: Platform) {
  for (const { floorPortId, mac } of LINES)
    await admin(platform, 'PUT', `/_admin/links/${floorPortId}`, { up: true, mac });
}

/** The engineer types the extension and PIN on the keypad handset; it logs in with the platform. */
async function keypadLogin(platform: Platform, handsetId: string, e164: string) {
  const number = await api<{ extension: string; defaultPin: string }>(
    platform,
    `/v1/sites/lon-shoreditch/numbers/${encodeURIComponent(e164)}`,
  );
  await admin(platform, 'POST', `/_admin/handsets/${handsetId}/keypad-login`, {
    extension: number.extension,
    pin: number.defaultPin,
  });
}

const jobIdOf = (url: string) => /\/jobs\/([^/?#]+)/.exec(url)![1]!;

interface Page_<T> {
  items: T[];
  nextCursor: string | null;
}

async function checkPlatform(
  platform: Platform,
  jobId: string,
  before: readonly { version: number; roleId: string | null }[],
) {
  const services = await api<Page_<{ quantity: number }>>(
    platform,
    '/v1/sites/lon-shoreditch/voice-services?occupierId=occ-brightwater',
  );
  expect(services.items.map((s) => s.quantity)).toEqual([3]);

  // One first add: one batch of 5 (main, 3 active, 1 spare), not a second allocation on top.
  const numbers = await api<
    Page_<{ e164: string; state: string; isMain: boolean; handsetId: string | null }>
  >(platform, '/v1/sites/lon-shoreditch/numbers?occupierId=occ-brightwater&limit=100');
  expect(numbers.nextCursor).toBeNull();
  expect(numbers.items.map((n) => [n.e164, n.state, n.isMain, n.handsetId]).sort()).toEqual([
    ['+442079460010', 'ACTIVE', true, null],
    ['+442079460011', 'ACTIVE', false, 'hs-bw-1'],
    ['+442079460012', 'ACTIVE', false, 'hs-bw-2'],
    ['+442079460013', 'ACTIVE', false, 'hs-bw-3'],
    ['+442079460014', 'RESERVED', false, null],
  ]);

  for (const [i, { handsetId, e164, floorPortId }] of LINES.entries()) {
    const handset = await api<{ loggedInNumber: string | null; registration: string }>(
      platform,
      `/v1/handsets/${handsetId}`,
    );
    expect(handset, handsetId).toMatchObject({ loggedInNumber: e164, registration: 'registered' });
    // The role set once: one version on from before the job.
    const port = await api<{ roleId: string | null; version: number }>(
      platform,
      `/v1/floor-ports/${floorPortId}`,
    );
    expect(port, floorPortId).toEqual(
      expect.objectContaining({ roleId: 'voice-pc', version: before[i]!.version + 1 }),
    );
    // Rung once each: nothing queued offline rang later on top.
    const calls = await api<Page_<{ outcome: string }>>(
      platform,
      `/v1/sites/lon-shoreditch/numbers/${encodeURIComponent(e164)}/test-calls`,
    );
    expect(
      calls.items.map((c) => c.outcome),
      e164,
    ).toEqual(['rang']);
  }

  const record = await api<{
    signOff: { signerName: string; signerRole: string } | null;
    ringTests: { e164: string; result: string }[];
    steps: { stepId: string; state: string }[];
  }>(platform, `/v1/sites/lon-shoreditch/occupiers/occ-brightwater/installation-records/${jobId}`);
  expect(record.signOff).toMatchObject({ signerName: 'Priya Shah', signerRole: 'Office manager' });
  expect(record.ringTests.map((r) => [r.e164, r.result])).toEqual(
    LINES.map(({ e164 }) => [e164, 'passed']),
  );
  expect(record.steps.filter((s) => s.stepId !== 'signOff').every((s) => s.state === 'done')).toBe(
    true,
  );
}

test('the London job with the platform stopped: everything queued and said so; platform back, each change once', async ({
  dialtone,
  page,
}, testInfo) => {
  test.setTimeout(300_000);
  page.setDefaultTimeout(20_000);
  const statePath = testInfo.outputPath('platform-state.json');
  let platform: Platform | null = await startPlatform(statePath);
  const { port } = platform;
  try {
    // Dialtone points at the platform (Settings) and starts the job while it answers.
    await page.goto(dialtone.launchUrl);
    await page.getByRole('button', { name: 'Settings' }).click();
    const dialog = page.getByRole('dialog', { name: 'Platform settings' });
    await dialog.getByRole('radio', { name: /A real platform/ }).check();
    await dialog.getByRole('textbox', { name: 'API address' }).fill(platform.url);
    await dialog.getByLabel('API token').fill(TOKEN);
    await dialog.getByRole('button', { name: 'Check and save' }).click();
    await expect(dialog.getByRole('status')).toContainText('Connected to Demo Workspaces');
    await dialog.getByRole('button', { name: 'Close', exact: true }).click();
    await page.getByRole('link', { name: 'Open Shoreditch Works' }).click();
    await page.getByRole('button', { name: 'Start a job for Brightwater Legal' }).click();
    await page.getByRole('navigation', { name: 'Checklist' }).waitFor();
    const floorPortVersions = await Promise.all(
      LINES.map(({ floorPortId }) =>
        api<{ version: number; roleId: string | null }>(
          platform!,
          `/v1/floor-ports/${floorPortId}`,
        ),
      ),
    );

    // The platform stops; Dialtone sees it at its next health check.
    await platform.stop();
    platform = null;
    await expectOffline(page);

    // Numbers: the first add is queued, and nothing else is offered on top of it.
    await openStep(page, 'Numbers');
    await page.getByRole('textbox', { name: 'Voice services (quantity)' }).fill('3');
    await page.getByRole('button', { name: 'Add voice services' }).click();
    await expect(stepState(page, 'Numbers')).toContainText('waits to sync');
    const findings = page.getByRole('region', { name: 'Findings' });
    await expect(findings).toContainText(
      'Queued with the voice services: the platform allocates 5 numbers by itself when they arrive',
    );
    await expect(findings.getByRole('button', { name: /^Fix: / })).toHaveCount(0);
    await expectQueued(page, ['Add 3 voice services for Brightwater Legal']);
    await shot(page, testInfo, 'stopped-01-numbers-queued');

    // Cabling and port roles: the switch is here, the platform is not.
    await openStep(page, 'Cabling');
    await connectDemo(page, 'sw-2f-a');
    await cableInDemo(page, ['2F-001', '2F-002', '2F-003']);
    await openStep(page, 'Port roles');
    await expect(page.getByLabel('Commands for 2F-001')).toBeVisible();
    await applyRolesUntilDone(page);
    const roles = page.getByRole('table', { name: 'Floor ports and their roles' });
    for (const label of ['2F-001', '2F-002', '2F-003'])
      await expect(roles.locator(`[data-floor-port="${label}"]`)).toContainText(
        'Voice + PC queued',
      );
    await expectQueued(page, [
      'Add 3 voice services for Brightwater Legal',
      'Floor port 2F-001: role Voice + PC',
      'Floor port 2F-002: role Voice + PC',
      'Floor port 2F-003: role Voice + PC',
    ]);
    await shot(page, testInfo, 'stopped-02-port-roles');

    await openStep(page, 'Handset login');
    await shot(page, testInfo, 'stopped-03-login');
    await openStep(page, 'Ring test');
    await shot(page, testInfo, 'stopped-04-ring-test');
    await openStep(page, 'Sign-off');
    await expect(page.getByRole('button', { name: 'Sign off the job' })).toBeDisabled();
    await shot(page, testInfo, 'stopped-05-sign-off');

    // The platform is back on the same port with the same state: the queue empties by itself.
    platform = await startPlatform(statePath, port);
    await expectSynced(page);
    await openStep(page, 'Numbers');
    await expect(stepState(page, 'Numbers')).toContainText('Done', { timeout: 20_000 });
    await openStep(page, 'Port roles');
    await expect(stepState(page, 'Port roles')).toContainText('Done');
    await shot(page, testInfo, 'back-01-numbers-and-roles');

    // The platform stops again, with the numbers known: Handset login and Ring test offline.
    await platform.stop();
    platform = null;
    await expectOffline(page);
    await openStep(page, 'Handset login');
    for (const { e164, handset } of LINES) {
      const row = page.getByRole('region', { name: `Number ${e164}` });
      await row.getByRole('combobox', { name: `Handset for ${e164}` }).click();
      await page.getByRole('option', { name: handset }).click();
      await expect(row).toContainText(handset);
    }
    for (const { e164 } of LINES.slice(0, 2))
      await page.getByRole('button', { name: `Log in ${e164}` }).click();
    const keypad = page.getByRole('region', { name: 'Number +442079460013' });
    await expect(keypad).toContainText('2013');
    // A real platform: no demo handset to type on; the engineer types on the keypad.
    await expect(keypad.getByRole('button', { name: /^Demo: / })).toHaveCount(0);
    await keypad.getByRole('button', { name: 'Done on the handset (+442079460013)' }).click();
    await expectQueued(page, [
      'Log +442079460011 in to Yealink T54W 80:5e:c0:2f:01:01',
      'Log +442079460012 in to Yealink T54W 80:5e:c0:2f:02:01',
    ]);
    await expect(stepState(page, 'Handset login')).not.toContainText('Done');
    await expect(page.getByText('Registered ✓')).toHaveCount(0);
    // Only the platform can say whether the keypad handset registered: said, not guessed.
    await expect(keypad).toContainText('Dialtone asks the platform once it answers');
    await expect(keypad.getByRole('button', { name: /^Check .* now$/ })).toHaveCount(0);
    await shot(page, testInfo, 'stopped-06-login-queued');
    await openStep(page, 'Ring test');
    for (const { e164 } of LINES) {
      const row = page.getByRole('region', { name: `Ring test ${e164}` });
      await expect(row.getByRole('button', { name: `Ring ${e164}` })).toBeDisabled();
      await expect(row).toContainText('it cannot be reached now');
    }
    await shot(page, testInfo, 'stopped-07-ring-test-offline');

    // Back. The handsets sit on their floor ports (the switch saw them there): the platform
    // sees them too, and the keypad handset logs in as typed.
    platform = await startPlatform(statePath, port);
    await plugInOnPlatform(platform);
    await keypadLogin(platform, 'hs-bw-3', '+442079460013');
    await expectSynced(page);
    await openStep(page, 'Handset login');
    await expect(stepState(page, 'Handset login')).toContainText('Done', { timeout: 45_000 });
    await expect(stepState(page, 'Handset login')).toContainText('3 of 3 service numbers');
    await shot(page, testInfo, 'back-02-login-done');

    // Ring test, with the platform there: each number rings its own desk.
    await openStep(page, 'Ring test');
    for (const [i, { e164 }] of LINES.entries()) {
      const row = page.getByRole('region', { name: `Ring test ${e164}` });
      await row.getByRole('button', { name: `Ring ${e164}` }).click();
      await expect(row).toContainText(`at 2F-00${i + 1}`, { timeout: 20_000 });
      await row.getByRole('button', { name: 'This desk rang' }).click();
      await expect(row).toContainText('this desk rang ✓');
    }
    await expect(stepState(page, 'Ring test')).toContainText('Done', { timeout: 20_000 });
    await expectSynced(page);
    await shot(page, testInfo, 'back-03-ring-test-done');

    // The platform stops a third time: sign-off and the report offline.
    await platform.stop();
    platform = null;
    await expectOffline(page);
    await openStep(page, 'Sign-off');
    await expect(stepState(page, 'Sign-off')).toContainText('ready to sign off');
    await page.getByRole('textbox', { name: "Signer's name" }).fill('Priya Shah');
    await page.getByRole('textbox', { name: "Signer's role" }).fill('Office manager');
    await page.getByRole('button', { name: 'Sign off the job' }).click();
    const record = page.getByRole('status', { name: /on the platform/i });
    await expect(record).toContainText('Queued, not on the platform yet');
    await expect(record).toContainText('the platform does not have it yet');
    await expectQueued(page, ['Send the signed-off installation record']);
    // The checklist says so too: signed here, not done until the platform has the record.
    await expect(checklistStep(page, /^Sign-off/)).toHaveAccessibleName(/Waiting$/);
    await shot(page, testInfo, 'stopped-08-signed-off-queued');
    await page.getByRole('link', { name: 'Open the report' }).click();
    const report = page.getByRole('article', { name: 'Installation report' });
    await expect(report).toContainText('Priya Shah (Office manager)');
    await expect(report).toContainText(
      'When this report was made, 1 change of this job had not reached the platform: Send the signed-off installation record.',
    );
    await expect(
      report.getByRole('table', { name: 'Numbers, handsets and desks' }).getByText('✓ Passed'),
    ).toHaveCount(3);
    await shot(page, testInfo, 'stopped-09-report');
    await page.goBack();

    // Back for good: the record reaches the platform, and the job says so.
    platform = await startPlatform(statePath, port);
    await expectSynced(page);
    await expect(record).toContainText('✓ On the platform');
    await expect(checklistStep(page, /^Sign-off/)).toHaveAccessibleName(/Done$/);
    await shot(page, testInfo, 'back-04-signed-off-on-platform');

    // The platform's own account, over its API: every change there, and each exactly once.
    await checkPlatform(platform, jobIdOf(page.url()), floorPortVersions);
  } finally {
    await platform?.stop();
  }
});
