import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createAppLog } from './app-log';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});
function folder(): string {
  const path = mkdtempSync(join(tmpdir(), 'dialtone-log-'));
  folders.push(path);
  return path;
}

describe('the app log', () => {
  it('gives back the lines of a time span only, oldest first', async () => {
    let now = 1_000;
    const log = await createAppLog({ directory: folder(), now: () => now });
    log.logger.info('before the job');
    now = 2_000;
    log.logger.info({ jobId: 'j1' }, 'during the job');
    now = 2_500;
    log.logger.warn({ jobId: 'j1' }, 'still during');
    now = 3_000;
    log.logger.info('after the job');
    const lines = await log.linesBetween(new Date(1_500), new Date(2_600));
    expect(lines.map((l) => (l as { msg: string }).msg)).toEqual([
      'during the job',
      'still during',
    ]);
    expect(lines[0]).toMatchObject({ jobId: 'j1', level: 30, time: 2_000 });
    await log.close();
  });

  it('rotates to a new file past its size, keeps a bounded number, and reads across them', async () => {
    const directory = folder();
    let now = 10_000;
    const log = await createAppLog({ directory, size: '1k', keep: 3, now: () => now++ });
    for (let i = 0; i < 200; i++) log.logger.info({ i }, `line ${i} ${'x'.repeat(40)}`);
    const lines = (await log.linesBetween(new Date(0), new Date(20_000))) as { i: number }[];
    await log.close();
    const files = readdirSync(directory).filter((name) => /^dialtone\.\d+\.log$/.test(name));
    expect(files.length).toBeGreaterThan(1);
    expect(files.length).toBeLessThanOrEqual(4);
    // The oldest files were removed, so what is left is the newest lines, in order, to the last.
    expect(lines.at(-1)?.i).toBe(199);
    expect(lines.map((l) => l.i)).toEqual([...lines.map((l) => l.i)].sort((a, b) => a - b));
  });

  it('keeps secret-named fields out of the file', async () => {
    const log = await createAppLog({ directory: folder() });
    log.logger.info({ token: 'tok-abc-123', settings: { password: 'pw-xyz' } }, 'saved');
    const [line] = await log.linesBetween(new Date(0), new Date(Date.now() + 1000));
    expect(JSON.stringify(line)).not.toMatch(/tok-abc-123|pw-xyz/);
    await log.close();
  });
});
