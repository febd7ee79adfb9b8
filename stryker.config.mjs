// Mutation testing of the modules the unit tests cover (`npm run mutate`): Stryker changes
// their code one small bug at a time and runs the tests that reach it; a bug no test notices
// survives. Incremental: a rerun tests only the mutants of code or tests that changed.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  // Each mutant is tested by the unit test files that import its module (vitest's related mode).
  vitest: { configFile: 'vitest.mutate.config.ts', related: true },
  disableTypeChecks: 'pipeline/**/*.ts',
  mutate: [
    'pipeline/language/*.ts', // numbers, dates, typography, hyphenation, words of each language
    'pipeline/data/*.ts', // CSV and JSON checks, chart data, key figures, the numbers of the text
    'pipeline/charts/describe-chart.ts',
    'pipeline/charts/chart-theme.ts',
    'pipeline/article/read-front-matter.ts',
    'pipeline/page/sanitize-svg.ts',
    'pipeline/charts/check-spec.ts',
    'pipeline/report/write-output.ts', // the output lock and the staging folder
    'pipeline/report/exchange-folders.ts', // the swap
  ],
  coverageAnalysis: 'perTest',
  // A module's constants and expressions, run once as it loads, would each need every related
  // test file run again (some two hours here): they are left out of the score.
  ignoreStatic: true,
  concurrency: 2,
  incremental: true,
  incrementalFile: 'node_modules/.cache/stryker/incremental.json',
  reporters: ['clear-text', 'progress', 'json'],
  jsonReporter: { fileName: 'node_modules/.cache/stryker/mutation.json' },
  thresholds: { high: 90, low: 85, break: 85 },
};
