/**
 * The report stage's public surface: a whole build (buildReport), or its pages alone in
 * memory (renderReport), and the staging folder they are written to.
 */

export { summarizeNumbers } from '../data/check-numbers.js';
export { type BuildOptions, type BuildResult, buildReport } from './build-report.js';
export { PRINT_PAGE, type RenderedReport, renderReport } from './render-report.js';
export { createStaging, type OutputFile, stageOutputs } from './write-output.js';
