import { mkdir, open, readFile, rename } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import { CodedError } from '../../../shared/errors';
import { World } from '../world/schema';

/** What `--state FILE` holds: the world as it is now, snapshot versions and idempotency keys. */
export const PersistedState = z.object({
  format: z.literal('dialtone-platform-state'),
  formatVersion: z.literal(1),
  world: World,
  siteRevisions: z.record(z.string(), z.number().int().nonnegative()),
  idempotency: z.array(
    z.tuple([
      z.string(),
      z.object({
        fingerprint: z.string(),
        status: z.number().int(),
        body: z.unknown(),
        etag: z.string().nullable(),
      }),
    ]),
  ),
});
export type PersistedState = z.infer<typeof PersistedState>;

export async function readStateFile(path: string): Promise<PersistedState | null> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new CodedError(
      'STATE_UNREADABLE',
      `Cannot read the state file ${path}: ${(error as Error).message}`,
    );
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new CodedError(
      'STATE_INVALID',
      `The state file ${path} is not JSON: ${(error as Error).message}`,
    );
  }
  const parsed = PersistedState.safeParse(data);
  if (!parsed.success)
    throw new CodedError(
      'STATE_INVALID',
      `The state file ${path} is not a platform simulator state: ${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message}`,
    );
  return parsed.data;
}

/** Writes to a temporary file, fsyncs and renames over the target: readers see old or new. */
async function writeAtomically(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  const handle = await open(temporary, 'w');
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temporary, path);
}

/**
 * Writes the state whenever asked, coalescing: callers that ask while a write runs share
 * the next one, which serialises the state as it is when that write starts.
 */
export class StateWriter {
  private running: Promise<void> | null = null;
  private queued: Promise<void> | null = null;

  constructor(
    private readonly path: string,
    private readonly serialise: () => PersistedState,
  ) {}

  flush(): Promise<void> {
    if (this.running === null) {
      this.running = writeAtomically(this.path, JSON.stringify(this.serialise())).finally(() => {
        this.running = null;
      });
      return this.running;
    }
    this.queued ??= this.running
      .catch(() => undefined)
      .then(() => {
        this.queued = null;
        return this.flush();
      });
    return this.queued;
  }
}
