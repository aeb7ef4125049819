import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const SOURCE_DIRS = ['renderer', 'shared', 'main'];
const OUTPUTS = ['out/renderer/index.html', 'out/main/index.js', 'out/preload/index.cjs'];

function newestMtime(dir: string): number {
  let newest = 0;
  if (!existsSync(dir)) return newest;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(path));
    else if (!entry.name.includes('.test.')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/** Whether the built app in out/ is missing or older than any source file. */
export function buildIsStale(projectRoot: string): boolean {
  const outputs = OUTPUTS.map((file) => join(projectRoot, file));
  if (outputs.some((file) => !existsSync(file))) return true;
  const oldestOutput = Math.min(...outputs.map((file) => statSync(file).mtimeMs));
  const newestSource = Math.max(
    ...SOURCE_DIRS.map((dir) => newestMtime(join(projectRoot, dir))),
    statSync(join(projectRoot, 'electron.vite.config.ts')).mtimeMs,
  );
  return newestSource > oldestOutput;
}
