import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startPlatformSimulator, type PlatformSimulator } from '../sim/platform/server';
import { createContractChecker } from '../sim/platform/test-support/contract-checker';
import { loadDemoWorld } from '../sim/world/load';
import { createPlatformSettings, normaliseBaseUrl, type TokenCipher } from './settings';
import { createJsonFileKeyValueStore } from '../jobs/key-value-store';

/** A real cipher (AES-256-GCM, key in memory), standing in for Electron's safeStorage. */
function testCipher(): TokenCipher {
  const key = randomBytes(32);
  return {
    encrypt(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
    },
    decrypt(stored) {
      const bytes = Buffer.from(stored, 'base64');
      const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, 12));
      decipher.setAuthTag(bytes.subarray(12, 28));
      return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString(
        'utf8',
      );
    },
  };
}

describe('platform settings (URL + token, checked with a test call)', () => {
  let simulator: PlatformSimulator;
  let directory: string;
  let settingsPath: string;
  const TOKEN = 'a-real-looking-platform-token-123';

  // Every answer the simulator gives these tests is checked against the OpenAPI document.
  const checker = createContractChecker();
  beforeAll(async () => {
    simulator = await startPlatformSimulator({ world: loadDemoWorld(), token: TOKEN });
  });
  afterAll(async () => {
    await simulator.close();
    expect(checker.violations).toEqual([]);
  });
  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), 'dialtone-settings-'));
    settingsPath = join(directory, 'settings.json');
    return () => rm(directory, { recursive: true, force: true });
  });

  it('starts on the demo, and saves a platform after a successful test call', async () => {
    const settings = createPlatformSettings({
      store: createJsonFileKeyValueStore(settingsPath),
      cipher: testCipher(),
      transport: checker.transport,
    });
    expect(settings.current()).toEqual({ kind: 'demo' });
    const checked = await settings.usePlatform({ baseUrl: `${simulator.url}/`, token: TOKEN });
    expect(checked).toMatchObject({
      baseUrl: simulator.url,
      operator: { name: 'Demo Workspaces' },
    });
    expect(settings.current()).toEqual({
      kind: 'platform',
      baseUrl: simulator.url,
      token: 'encrypted',
    });
    expect(settings.target()).toEqual({
      kind: 'platform',
      baseUrl: simulator.url,
      token: TOKEN,
    });
  });

  it('never writes the token in plain text; with a cipher it is stored encrypted and survives a restart', async () => {
    const cipher = testCipher();
    const first = createPlatformSettings({
      store: createJsonFileKeyValueStore(settingsPath),
      cipher,
    });
    await first.usePlatform({ baseUrl: simulator.url, token: TOKEN });
    const onDisk = await readFile(settingsPath, 'utf8');
    expect(onDisk).not.toContain(TOKEN);
    expect(onDisk).toContain('encryptedToken');
    expect(await readdir(directory)).toEqual(['settings.json']);

    const reopened = createPlatformSettings({
      store: createJsonFileKeyValueStore(settingsPath),
      cipher,
    });
    expect(reopened.target()).toEqual({
      kind: 'platform',
      baseUrl: simulator.url,
      token: TOKEN,
    });
  });

  it('without secure storage the token is kept in memory for the run only', async () => {
    const settings = createPlatformSettings({ store: createJsonFileKeyValueStore(settingsPath) });
    await settings.usePlatform({ baseUrl: simulator.url, token: TOKEN });
    expect(settings.current()).toEqual({
      kind: 'platform',
      baseUrl: simulator.url,
      token: 'memory',
    });
    expect(settings.target()).toMatchObject({ token: TOKEN });
    expect(await readFile(settingsPath, 'utf8')).not.toContain(TOKEN);

    const nextRun = createPlatformSettings({ store: createJsonFileKeyValueStore(settingsPath) });
    expect(nextRun.current()).toEqual({
      kind: 'platform',
      baseUrl: simulator.url,
      token: 'missing',
    });
    expect(nextRun.target()).toMatchObject({
      token: null,
      reason: expect.stringMatching(/again/),
    });
  });

  it('a refused token (401) says so and saves nothing', async () => {
    const settings = createPlatformSettings({
      store: createJsonFileKeyValueStore(settingsPath),
      transport: checker.transport,
    });
    const error = await settings
      .usePlatform({ baseUrl: simulator.url, token: 'wrong-token' })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'SETTINGS_TOKEN_REFUSED',
      message: expect.stringMatching(/refused this API token \(401\).*Nothing was saved/),
    });
    expect(settings.current()).toEqual({ kind: 'demo' });
  });

  it('an unreachable host says it could not reach it', async () => {
    const closed = await startPlatformSimulator({ world: loadDemoWorld() });
    const url = closed.url;
    await closed.close();
    const settings = createPlatformSettings({ store: createJsonFileKeyValueStore(settingsPath) });
    await expect(settings.check({ baseUrl: url, token: TOKEN })).rejects.toMatchObject({
      code: 'SETTINGS_UNREACHABLE',
      message: expect.stringContaining('could not reach'),
    });
  });

  it('a TLS failure is reported as such', async () => {
    const settings = createPlatformSettings({ store: createJsonFileKeyValueStore(settingsPath) });
    const httpsToPlainPort = simulator.url.replace('http://', 'https://');
    await expect(settings.check({ baseUrl: httpsToPlainPort, token: TOKEN })).rejects.toMatchObject(
      {
        code: 'SETTINGS_TLS_ERROR',
        message: expect.stringContaining('secure (TLS) connection'),
      },
    );
  });

  it('an address that answers but is not the API is called out', async () => {
    const settings = createPlatformSettings({ store: createJsonFileKeyValueStore(settingsPath) });
    await expect(
      settings.check({ baseUrl: `${simulator.url}/not-the-api`, token: TOKEN }),
    ).rejects.toMatchObject({ code: 'SETTINGS_NOT_A_PLATFORM' });
  });

  it('refuses plain http to another computer, non-addresses and blank tokens before any call', async () => {
    expect(() => normaliseBaseUrl('http://platform.example')).toThrow(/https/);
    expect(() => normaliseBaseUrl('platform dot example')).toThrow(/not a web address/);
    expect(() => normaliseBaseUrl('https://user:pw@platform.example')).toThrow(/user name/);
    expect(normaliseBaseUrl('https://api.platform.example/v0/')).toBe(
      'https://api.platform.example/v0',
    );
    const settings = createPlatformSettings({ store: createJsonFileKeyValueStore(settingsPath) });
    await expect(settings.check({ baseUrl: simulator.url, token: '  ' })).rejects.toMatchObject({
      code: 'SETTINGS_INVALID_TOKEN',
    });
  });

  it('says a token with control or non-ASCII characters is not a valid token (not "unreachable")', async () => {
    const settings = createPlatformSettings({ store: createJsonFileKeyValueStore(settingsPath) });
    for (const token of [
      'abc\u0007def-token',
      'tök-0123456789abcdef',
      '\u201ctoken-0123456789\u201d',
    ])
      await expect(settings.check({ baseUrl: simulator.url, token }), token).rejects.toMatchObject({
        code: 'SETTINGS_INVALID_TOKEN',
        message: expect.stringMatching(/not a valid API token/),
      });
  });

  it('switching back to the demo forgets the platform', async () => {
    const settings = createPlatformSettings({
      store: createJsonFileKeyValueStore(settingsPath),
      cipher: testCipher(),
    });
    await settings.usePlatform({ baseUrl: simulator.url, token: TOKEN });
    settings.useDemo();
    expect(settings.current()).toEqual({ kind: 'demo' });
    expect(await readFile(settingsPath, 'utf8')).not.toContain('encryptedToken');
  });
});
