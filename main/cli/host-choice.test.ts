import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chooseHost, findElectronBinary } from './host-choice';

function project(layout: { electronPackage?: boolean; pathTxt?: string; binary?: string }) {
  const root = mkdtempSync(join(tmpdir(), 'dialtone-host-'));
  const electronDir = join(root, 'node_modules', 'electron');
  if (layout.electronPackage) mkdirSync(join(electronDir, 'dist'), { recursive: true });
  if (layout.pathTxt !== undefined) writeFileSync(join(electronDir, 'path.txt'), layout.pathTxt);
  if (layout.binary) writeFileSync(join(electronDir, 'dist', layout.binary), '#!/bin/sh\n');
  return root;
}

describe('finding the Electron binary', () => {
  it('finds it where path.txt names an existing file', () => {
    const root = project({ electronPackage: true, pathTxt: 'electron', binary: 'electron' });
    expect(findElectronBinary(root)).toEqual({
      found: true,
      path: join(root, 'node_modules/electron/dist/electron'),
    });
  });

  it('says path.txt is missing when the binary was never downloaded', () => {
    const result = findElectronBinary(project({ electronPackage: true }));
    expect(result).toMatchObject({
      found: false,
      reason: expect.stringContaining('path.txt is missing'),
    });
  });

  it('says the binary is missing when path.txt names a file that is not there', () => {
    const result = findElectronBinary(project({ electronPackage: true, pathTxt: 'electron' }));
    expect(result).toMatchObject({
      found: false,
      reason: expect.stringContaining('binary named in path.txt is missing'),
    });
  });

  it('says the package is not installed', () => {
    expect(findElectronBinary(project({}))).toMatchObject({
      found: false,
      reason: 'the electron package is not installed',
    });
  });
});

describe('choosing the host for npm start', () => {
  const found = { found: true as const, path: '/x/electron' };
  const missing = {
    found: false as const,
    reason: 'the Electron binary was never downloaded',
    downloadable: true,
  };

  it('opens Electron when its binary is installed', () => {
    expect(chooseHost({ electron: found, forceBrowser: false, noOpen: false, env: {} })).toEqual({
      host: 'electron',
      electronPath: '/x/electron',
    });
  });

  it('falls back to the browser host and says why', () => {
    expect(chooseHost({ electron: missing, forceBrowser: false, noOpen: false, env: {} })).toEqual({
      host: 'browser',
      why: 'Electron is not available: the Electron binary was never downloaded',
      openBrowser: true,
    });
  });

  it('does not open a browser with --no-open or under CI', () => {
    expect(
      chooseHost({ electron: missing, forceBrowser: false, noOpen: true, env: {} }),
    ).toMatchObject({ openBrowser: false });
    expect(
      chooseHost({ electron: missing, forceBrowser: false, noOpen: false, env: { CI: 'true' } }),
    ).toMatchObject({
      openBrowser: false,
    });
  });

  it('uses the browser host when asked to, even with Electron installed', () => {
    expect(
      chooseHost({ electron: found, forceBrowser: true, noOpen: false, env: {} }),
    ).toMatchObject({ host: 'browser' });
  });
});
