import { builtinModules } from 'node:module';
import { dirname, join, normalize, relative } from 'node:path';
import ts from 'typescript';

/**
 * DESIGN.md's layer rules, as a check over import specifiers:
 * - shared/ imports no main/ or renderer/ file, no Node module, and only pure packages;
 * - renderer/ imports no main/ file and no Node module;
 * - only main/electron/ imports `electron`;
 * - inside main/, the services (switch, platform, jobs, sync, bundles) import neither the
 *   composition (app, cli), the bridge, the simulators, nor a host (electron, web): only
 *   main/app and the CLI compose. Their tests and test-support/ may (tests build through app).
 */

export interface SourceFile {
  /** Path relative to the project root, with forward slashes. */
  path: string;
  text: string;
}

export interface Violation {
  file: string;
  specifier: string;
  rule: string;
}

/** Packages shared/ may use: pure code that runs in Node and the browser alike. */
export const SHARED_PACKAGES = ['zod', 'libphonenumber-js'];
/** Extra packages shared/ tests may use. */
export const SHARED_TEST_PACKAGES = ['vitest', 'fast-check'];

const NODE_BUILTINS = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));

function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
}

function layerOf(path: string): 'shared' | 'renderer' | 'electron' | 'main' | 'other' {
  if (path.startsWith('shared/')) return 'shared';
  if (path.startsWith('renderer/')) return 'renderer';
  if (path.startsWith('main/electron/')) return 'electron';
  if (path.startsWith('main/')) return 'main';
  return 'other';
}

/** main/ folders holding services: product code that is composed, never composes. */
export const MAIN_SERVICES = ['switch', 'platform', 'jobs', 'sync', 'bundles'];
/** main/ folders a service must not import. */
export const MAIN_COMPOSERS_AND_HOSTS = ['app', 'cli', 'bridge', 'sim', 'electron', 'web'];

function mainFolderOf(path: string): string | null {
  return /^main\/([^/]+)\//.exec(path)?.[1] ?? null;
}

/** Tests and what only tests use may build through app/ and run simulators. */
function isTestCode(path: string): boolean {
  return /\.test\.tsx?$/.test(path) || /(^|\/)test-support\//.test(path);
}

export function importSpecifiers(text: string): string[] {
  const info = ts.preProcessFile(text, true, true);
  return info.importedFiles.map((file) => file.fileName);
}

export function checkFile(file: SourceFile): Violation[] {
  const violations: Violation[] = [];
  const layer = layerOf(file.path);
  const isTest = /\.test\.tsx?$/.test(file.path);
  for (const specifier of importSpecifiers(file.text)) {
    const add = (rule: string) => violations.push({ file: file.path, specifier, rule });
    if (specifier.startsWith('.')) {
      const target = normalize(join(dirname(file.path), specifier)).replaceAll('\\', '/');
      const targetLayer = layerOf(target);
      if (
        layer === 'shared' &&
        (targetLayer === 'main' || targetLayer === 'electron' || targetLayer === 'renderer')
      )
        add('shared/ must not import from main/ or renderer/');
      if (layer === 'renderer' && (targetLayer === 'main' || targetLayer === 'electron'))
        add('renderer/ must not import from main/ (talk to main over the bridge)');
      if (layer !== 'electron' && layer !== 'other' && target.startsWith('main/electron/'))
        add('only main/electron/ may import main/electron/ code');
      const from = mainFolderOf(file.path);
      const to = mainFolderOf(target);
      if (
        from !== null &&
        to !== null &&
        MAIN_SERVICES.includes(from) &&
        MAIN_COMPOSERS_AND_HOSTS.includes(to) &&
        !isTestCode(file.path)
      )
        add(
          `main/${from}/ is a service and must not import main/${to}/ (only main/app and the CLI compose; simulators and hosts are wired in there)`,
        );
      if (relative('.', target).startsWith('..')) add('imports must stay inside the project');
      continue;
    }
    const name = packageName(specifier);
    if (name === 'electron' && layer !== 'electron') add('only main/electron/ may import electron');
    if (NODE_BUILTINS.has(specifier) || NODE_BUILTINS.has(name)) {
      if (layer === 'shared') add('shared/ must not use Node APIs');
      if (layer === 'renderer') add('renderer/ must not use Node APIs');
      continue;
    }
    if (layer === 'shared') {
      const allowed = isTest ? [...SHARED_PACKAGES, ...SHARED_TEST_PACKAGES] : SHARED_PACKAGES;
      if (!allowed.includes(name))
        add(`shared/ may only use the pure packages ${allowed.join(', ')}`);
    }
  }
  return violations;
}

export function checkLayers(files: SourceFile[]): Violation[] {
  return files.flatMap(checkFile);
}
