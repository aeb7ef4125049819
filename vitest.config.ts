import { defineConfig } from 'vitest/config';

const CONSOLE_RACE = [
  'main/switch/operations/console-variations.test.ts',
  'main/switch/service/switch-service.test.ts',
];

export default defineConfig({
  test: {
    // Tests spawn the CLI as a user does: from its bundled build, brought up to date first.
    globalSetup: ['scripts/vitest-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Tests that start servers and PTYs must not fight over two cores.
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          include: ['main/**/*.test.ts', 'shared/**/*.test.ts', 'scripts/**/*.test.ts'],
          exclude: CONSOLE_RACE,
          environment: 'node',
        },
      },
      {
        // Known, not yet diagnosed: about one full run in three, a PTY session here times out
        // waiting for the echo of its first setup command while the prompt is on screen (the
        // bytes buffered before the session listened meet login). One retry keeps the run's
        // verdict about everything else; the race stays open in issue 12.
        extends: true,
        test: { name: 'switch-consoles', include: CONSOLE_RACE, environment: 'node', retry: 1 },
      },
      {
        // Screens and stores, rendered in jsdom against a fake bridge.
        extends: true,
        test: {
          name: 'renderer',
          include: ['renderer/**/*.test.{ts,tsx}'],
          environment: 'jsdom',
          setupFiles: ['renderer/src/test-support/setup-dom.ts'],
        },
      },
    ],
  },
});
