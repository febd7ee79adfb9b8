import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The articles the end-to-end files share are built once a run, and removed after it.
    globalSetup: ['test/global-setup.ts'],
    // End-to-end tests build real reports with a real browser.
    testTimeout: 120_000,
    hookTimeout: 180_000,
    pool: 'forks',
    projects: [
      // Unit tests first, two files at a time, in workers that keep the modules they import from
      // one file to the next (the pipeline's modules hold no state a test changes).
      {
        extends: true,
        test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: ['test/**/*.e2e.test.ts'], isolate: false, sequence: { groupOrder: 0 } },
      },
      // Each end-to-end file builds reports with its own Chromium; on a small machine they
      // run faster one after the other than fighting for the same cores.
      { extends: true, test: { name: 'e2e', include: ['test/**/*.e2e.test.ts'], maxWorkers: 2, sequence: { groupOrder: 1 } } },
    ],
  },
});
