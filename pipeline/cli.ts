import { relative } from 'node:path';
import { buildReport } from './build-report.js';
import { ContentError, EnvironmentError, EXIT_CONTENT, EXIT_ENVIRONMENT, explainProblem, formatProblem } from './errors.js';
import { parseArgs, USAGE, type CliOptions } from './parse-args.js';

// Ctrl-C: exit through the 'exit' handlers, which remove the staging folder and the lock.
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));

async function main(argv: readonly string[]): Promise<number> {
  let options: CliOptions;
  try {
    options = parseArgs(argv);
  } catch (error) {
    process.stderr.write(`error: ${(error as Error).message}\n${USAGE}\n`);
    return EXIT_ENVIRONMENT;
  }
  if (options.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }

  const started = performance.now();
  try {
    const result = await buildReport({ contentDir: options.contentDir, outDir: options.outDir });
    for (const warning of result.warnings) process.stderr.write(`${(options.verbose ? explainProblem : formatProblem)(warning)}\n`);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const where = relative(process.cwd(), options.outDir) || '.';
    process.stdout.write(`built ${where}/: index.html, report.pdf, social.png, social-square.png, ${result.charts.length} chart(s) in charts/ (${seconds} s)\n`);
    if (options.verbose) process.stdout.write(`stages (ms): ${JSON.stringify(result.timings)}\n`);
    return 0;
  } catch (error) {
    if (error instanceof ContentError) {
      const errors = error.problems.filter((problem) => problem.fatal);
      for (const problem of error.problems) process.stderr.write(`${(options.verbose ? explainProblem : formatProblem)(problem)}\n`);
      process.stderr.write(`build failed: ${errors.length} error(s) in ${options.contentDir}; ${options.outDir} was left as it was\n`);
      return EXIT_CONTENT;
    }
    if (error instanceof EnvironmentError) {
      process.stderr.write(`error: ${error.message}\n`);
      if (options.verbose && error.cause) process.stderr.write(`${String((error.cause as Error).stack ?? error.cause)}\n`);
      return EXIT_ENVIRONMENT;
    }
    process.stderr.write(`internal error (a bug, not your content): ${(error as Error).stack ?? String(error)}\n`);
    return EXIT_ENVIRONMENT;
  }
}

const code = await main(process.argv.slice(2));
// Exit once what was written is out: a browser pipe or timer left behind by a failed build
// must not keep the process alive.
await Promise.all([process.stdout, process.stderr].map((stream) => new Promise((resolve) => stream.write('', resolve))));
process.exit(code);
