import { readFile } from 'node:fs/promises';
import { CodedError } from '../../../shared/errors';
import demoWorldData from './demo-world.json';
import { World } from './schema';

/** Parses and checks a world; the error names the first problems found. */
export function parseWorld(data: unknown, source: string): World {
  const result = World.safeParse(data);
  if (!result.success) {
    const problems = result.error.issues
      .slice(0, 5)
      .map((issue) => `${issue.path.join('.') || '(world)'}: ${issue.message}`)
      .join('; ');
    throw new CodedError('WORLD_INVALID', `The world in ${source} is not valid: ${problems}`);
  }
  return result.data;
}

export async function loadWorldFile(path: string): Promise<World> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new CodedError(
      'WORLD_UNREADABLE',
      `Cannot read the world file ${path}: ${(error as Error).message}`,
    );
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new CodedError(
      'WORLD_INVALID',
      `The world file ${path} is not JSON: ${(error as Error).message}`,
    );
  }
  return parseWorld(data, path);
}

/** The built-in demo world (bundled with the app, so the Electron build needs no extra file). */
export function loadDemoWorld(): World {
  return parseWorld(structuredClone(demoWorldData), 'the built-in demo world');
}
