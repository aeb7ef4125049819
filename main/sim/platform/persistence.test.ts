import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadDemoWorld } from '../world/load';
import { PersistedState } from './persistence';
import { startPlatformSimulator } from './server';
import { newKey, startTestPlatform } from './test-support/test-platform';

const LONDON = 'lon-shoreditch';

describe('simulator state file (--state)', () => {
  let directory: string;
  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), 'dialtone-platform-state-'));
  });
  afterEach(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it('survives a restart: changes, snapshot version and idempotency keys come back', async () => {
    const statePath = join(directory, 'platform.json');
    const first = await startTestPlatform({ statePath });
    const idempotencyKey = newKey('persist');
    const added = await first.client.addVoiceService(LONDON, 'occ-brightwater', 3, {
      idempotencyKey,
    });
    const before = await first.client.getSiteSnapshot(LONDON, 'occ-brightwater');
    await first.close();

    const saved = PersistedState.parse(JSON.parse(await readFile(statePath, 'utf8')));
    expect(saved.world.voiceServices.some((s) => s.id === added.voiceService.id)).toBe(true);
    expect(await readdir(directory)).toEqual(['platform.json']);

    // The seed is ignored when the state file exists: the state wins.
    const seed = loadDemoWorld();
    seed.operator.name = 'Another seed';
    const second = await startTestPlatform({ statePath, world: seed });
    try {
      const after = await second.client.getSiteSnapshot(LONDON, 'occ-brightwater');
      expect(after.version).toBe(before.version);
      expect(after.operator.name).toBe('Demo Workspaces');
      expect(after.numbers).toEqual(before.numbers);
      const replay = await second.client.call(
        'addVoiceService',
        { params: { siteId: LONDON, occupierId: 'occ-brightwater' }, body: { quantity: 3 } },
        { idempotencyKey },
      );
      expect(replay.replayed).toBe(true);
      expect(replay.data).toEqual(added);
      expect(second.checker.violations).toEqual([]);
    } finally {
      await second.close();
    }
  });

  it('is written before the mutation is answered', async () => {
    const statePath = join(directory, 'platform.json');
    const platform = await startTestPlatform({ statePath });
    try {
      await platform.client.allocateNumbers(
        LONDON,
        'occ-kestrel',
        { count: 2 },
        { idempotencyKey: newKey('durable') },
      );
      const saved = PersistedState.parse(JSON.parse(await readFile(statePath, 'utf8')));
      expect(saved.world.numbers.filter((n) => n.occupierId === 'occ-kestrel')).toHaveLength(5);
    } finally {
      await platform.close();
    }
  });

  it('refuses a state file that is not one, with a clear message', async () => {
    const statePath = join(directory, 'broken.json');
    await writeFile(statePath, '{"format":"something else"}');
    await expect(
      startPlatformSimulator({ world: loadDemoWorld(), statePath }),
    ).rejects.toMatchObject({ code: 'STATE_INVALID', message: expect.stringContaining(statePath) });
  });
});
