import { defineConfig } from 'vitest/config';

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
          environment: 'node',
        },
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
