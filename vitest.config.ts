import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // End-to-end tests build real reports with a real browser.
    testTimeout: 120_000,
    hookTimeout: 180_000,
    pool: 'forks',
    // Each end-to-end file builds reports with its own Chromium; on a small machine they
    // run faster one after the other than fighting for the same cores.
    fileParallelism: false,
  },
});
