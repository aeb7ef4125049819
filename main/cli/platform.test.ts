import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPlatformClient } from '../platform/client';
import { openApiText } from './platform';

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'dialtone.mjs');

/** Starts `dialtone platform serve …` and resolves with its first stdout line. */
function serve(args: string[]) {
  const child = spawn(process.execPath, [BIN, 'platform', 'serve', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const firstLine = new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    lines.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`serve exited ${code}: ${stderr}`)));
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { child, firstLine, exited };
}

describe('dialtone platform serve', () => {
  let directory: string;
  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), 'dialtone-serve-'));
  });
  afterEach(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it('prints {url, token} when ready, serves the demo world, keeps --state across a restart', async () => {
    const statePath = join(directory, 'state.json');
    const first = serve(['--state', statePath, '--token', 'secret-token']);
    const ready = JSON.parse(await first.firstLine) as { url: string; token: string };
    expect(ready.token).toBe('secret-token');
    expect(ready.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const client = createPlatformClient({ baseUrl: ready.url, token: ready.token });
    expect((await client.getOperator()).name).toBe('Demo Workspaces');
    await client.allocateNumbers(
      'nyc-hudson',
      'occ-hudson-ventures',
      { count: 2 },
      { idempotencyKey: 'cli-1' },
    );
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);

    const second = serve(['--state', statePath]);
    const again = JSON.parse(await second.firstLine) as { url: string; token: string };
    const reopened = createPlatformClient({ baseUrl: again.url, token: again.token });
    const numbers = await reopened.listNumbers('nyc-hudson', { occupierId: 'occ-hudson-ventures' });
    expect(numbers).toHaveLength(2);
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  });

  it('refuses bad options with exit code 2 and a message', async () => {
    const run = serve(['--port', 'eighty']);
    await expect(run.firstLine).rejects.toThrow(/--port must be a whole number/);
    expect(await run.exited).toBe(2);
  });

  it('the committed openapi.json matches what `dialtone platform openapi` generates', async () => {
    const committed = JSON.parse(
      await readFile(
        join(import.meta.dirname, '..', '..', 'shared', 'platform', 'openapi.json'),
        'utf8',
      ),
    );
    expect(committed).toEqual(JSON.parse(openApiText()));
  });
});
