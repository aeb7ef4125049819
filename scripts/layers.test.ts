import { describe, expect, it } from 'vitest';
import { checkFile, checkLayers } from './layers';

const file = (path: string, text: string) => ({ path, text });

describe('layer check', () => {
  it('catches shared/ importing main/', () => {
    const v = checkFile(
      file('shared/numbers/plan.ts', "import { x } from '../../main/platform/client';"),
    );
    expect(v).toHaveLength(1);
    expect(v[0]?.rule).toMatch(/shared\/ must not import from main/);
  });

  it('catches shared/ using a Node API, with or without the node: prefix', () => {
    expect(checkFile(file('shared/a.ts', "import fs from 'node:fs';"))).toHaveLength(1);
    expect(checkFile(file('shared/a.ts', "import { join } from 'path';"))).toHaveLength(1);
  });

  it('catches shared/ using a package that is not on its pure list', () => {
    expect(checkFile(file('shared/a.ts', "import Fastify from 'fastify';"))[0]?.rule).toMatch(
      /pure packages/,
    );
    expect(checkFile(file('shared/a.ts', "import { z } from 'zod';"))).toEqual([]);
  });

  it('catches renderer/ importing main/ and Node', () => {
    expect(
      checkFile(file('renderer/src/App.tsx', "import { x } from '../../main/app/services';")),
    ).toHaveLength(1);
    expect(checkFile(file('renderer/src/App.tsx', "const fs = require('fs');"))).toHaveLength(1);
  });

  it('catches electron imported outside main/electron/, including dynamic imports', () => {
    expect(checkFile(file('main/web/server.ts', "import { app } from 'electron';"))).toHaveLength(
      1,
    );
    expect(
      checkFile(file('main/app/services.ts', "const e = await import('electron');")),
    ).toHaveLength(1);
    expect(checkFile(file('main/electron/main.ts', "import { app } from 'electron';"))).toEqual([]);
  });

  it('accepts imports that keep the rules', () => {
    expect(
      checkLayers([
        file(
          'renderer/src/App.tsx',
          "import { channels } from '../../shared/ipc';\nimport { Button } from '@mantine/core';",
        ),
        file(
          'main/web/server.ts',
          "import { channels } from '../../shared/ipc';\nimport { readFile } from 'node:fs';",
        ),
      ]),
    ).toEqual([]);
  });
});
