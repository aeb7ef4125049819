import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { checkLayers, type SourceFile } from './layers';
import { count } from '../shared/wording';

const ROOT = join(import.meta.dirname, '..');
const SCANNED = ['main', 'renderer', 'shared', 'scripts', 'bench', 'e2e'];

function collect(dir: string, into: SourceFile[]): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) collect(path, into);
    else if (/\.(ts|tsx|mts|cts|js|mjs)$/.test(entry.name))
      into.push({
        path: relative(ROOT, path).replaceAll('\\', '/'),
        text: readFileSync(path, 'utf8'),
      });
  }
}

const files: SourceFile[] = [];
for (const dir of SCANNED) {
  try {
    collect(join(ROOT, dir), files);
  } catch {
    // A folder that does not exist yet has nothing to check.
  }
}
const violations = checkLayers(files);
if (violations.length > 0) {
  for (const v of violations) console.error(`${v.file}: imports "${v.specifier}" — ${v.rule}`);
  console.error(
    `Layer check failed: ${count(violations.length, 'import breaks', 'imports break')} DESIGN.md's layer rules.`,
  );
  process.exit(1);
}
console.log(`Layer check passed: ${files.length} files follow DESIGN.md's layer rules.`);
