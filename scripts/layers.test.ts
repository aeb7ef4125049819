import { describe, expect, it } from 'vitest';
import { MAIN_COMPOSERS_AND_HOSTS, MAIN_SERVICES, checkFile, checkLayers } from './layers';

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

  it.each(MAIN_SERVICES.flatMap((service) => MAIN_COMPOSERS_AND_HOSTS.map((to) => [service, to])))(
    'catches main/%s/ (a service) importing main/%s/',
    (service, to) => {
      const v = checkFile(
        file(`main/${service}/thing.ts`, `import { x } from '../${to}/composed';`),
      );
      // main/electron/ also breaks the older "only main/electron/ may import it" rule.
      expect(v).toContainEqual(
        expect.objectContaining({
          rule: expect.stringMatching(new RegExp(`main/${service}/ is a service .* main/${to}/`)),
        }),
      );
    },
  );

  it('catches a service reaching another folder from deeper inside, or by dynamic import', () => {
    expect(
      checkFile(file('main/switch/drivers/cisco.ts', "import { s } from '../../sim/switch';")),
    ).toHaveLength(1);
    expect(
      checkFile(file('main/bundles/replay.ts', "const a = await import('../app/services');")),
    ).toHaveLength(1);
  });

  it('lets services use each other, app/ and the CLI compose, and tests build through app/', () => {
    expect(
      checkLayers([
        file(
          'main/sync/engine.ts',
          "import { x } from '../jobs';\nimport { y } from '../platform';",
        ),
        file(
          'main/app/services.ts',
          "import { s } from '../sim/world/load';\nimport { b } from '../bridge/router';",
        ),
        file(
          'main/cli/switch.ts',
          "import { s } from '../sim/switch';\nimport { a } from '../app/services';",
        ),
        file('main/sync/sync.test.ts', "import { a } from '../app/services';"),
        file(
          'main/jobs/test-support/crash-child.ts',
          "import { a } from '../../app/job-services';",
        ),
        file('main/bridge/handlers.ts', "import { v } from '../app/version';"),
      ]),
    ).toEqual([]);
  });
});
