import { defineConfig } from 'vitest/config';

// The unit tests alone, for mutation testing (`npm run mutate`): fast, and with no browser.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The layout test reads the sources' lines, which Stryker's instrumented copies do not keep.
    exclude: ['test/**/*.e2e.test.ts', 'test/layout.test.ts'],
    pool: 'threads',
    // A loaded machine runs the instrumented copies slowly: a drawing test may take several seconds.
    testTimeout: 30_000,
  },
});
