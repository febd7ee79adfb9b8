import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The articles the end-to-end files share are built once a run, and removed after it.
    globalSetup: ['test/global-setup.ts'],
    // End-to-end tests build real reports with a real browser.
    testTimeout: 120_000,
    hookTimeout: 180_000,
    pool: 'forks',
    // Each end-to-end file builds reports with its own Chromium; on a small machine they
    // run faster one after the other than fighting for the same cores.
    fileParallelism: false,
  },
});
