// `npm run build:report`: the command line, its reports built with one browser, each failure told
// in one line with its exit status.
import { availableParallelism, constants } from 'node:os';
import { relative, resolve } from 'node:path';
import { type StartedBrowser, startBrowser } from '../browser/index.js';
import { ContentError, EnvironmentError, EXIT_CONTENT, EXIT_ENVIRONMENT, explainProblem, firstLine, formatProblem } from '../problems/errors.js';
import { claimOutput } from '../report/claim-output.js';
import { type CliOptions, parseArgs, type ReportJob, USAGE } from './parse-args.js';

// Ctrl-C, kill, a closed terminal: exit through the 'exit' handlers, which kill the browser
// and remove its profile, the staging folder and the lock.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.once(signal, () => process.exit(128 + constants.signals[signal]));

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

  // An output folder the build may not replace is refused at once, before the browser starts.
  const jobs: ReportJob[] = [];
  const statuses: number[] = [];
  for (const job of options.reports) {
    try {
      claimOutput(resolve(job.outDir), resolve(job.contentDir));
      jobs.push(job);
    } catch (error) {
      statuses.push(reportFailure(error, options, job));
    }
  }
  if (jobs.length === 0) return Math.max(...statuses);

  // The browser first: it boots while the pipeline's modules load and the charts render.
  let browser: StartedBrowser;
  try {
    browser = startBrowser(process.env, options.browserWs);
  } catch (error) {
    return reportFailure(error, options);
  }
  try {
    const { buildReport } = await import('../report/index.js');
    // Reports run two (or as many as there are cores) at a time: one's charts render while
    // another's pages print.
    const queue = [...jobs];
    // The browser ends as soon as the last report is done with it, while that report is
    // still finishing its PDF and writing its output.
    let printing = queue.length;
    const browserDone = () => {
      if (--printing === 0) void browser.end();
    };
    const worker = async () => {
      for (let job = queue.shift(); job; job = queue.shift())
        statuses.push(await buildOne(job, options, () => buildReport({ ...job, browser: browser.session, onBrowserDone: browserDone })));
    };
    await Promise.all(Array.from({ length: Math.min(queue.length, Math.max(2, availableParallelism())) }, worker));
    return Math.max(...statuses);
  } finally {
    await browser.end();
  }
}

async function buildOne(job: ReportJob, options: CliOptions, build: () => ReturnType<typeof import('../report/index.js').buildReport>): Promise<number> {
  const started = performance.now();
  try {
    const result = await build();
    const format = options.verbose ? explainProblem : formatProblem;
    for (const warning of result.warnings) process.stderr.write(`${format(warning)}\n`);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const where = relative(process.cwd(), job.outDir) || '.';
    process.stdout.write(
      `built ${where}/: index.html, report.pdf, social.png, social-square.png, ${result.charts.length} chart(s) in charts/ (${seconds} s)\n`,
    );
    const { summarizeNumbers } = await import('../report/index.js');
    process.stdout.write(`${summarizeNumbers(result.numbers)}\n`);
    if (options.verbose) {
      for (const number of result.numbers.filter(({ status }) => status !== 'contradicted')) {
        process.stdout.write(
          `  ${job.contentDir}/article.md:${number.place.line}:${number.place.column}: ${number.status} "${number.mention.text}": ${number.note}\n`,
        );
      }
      process.stdout.write(`stages (ms): ${JSON.stringify(result.timings)}\n`);
      process.stdout.write(`peak RSS so far (MiB): ${Math.round(process.resourceUsage().maxRSS / 1024)}\n`);
    }
    return 0;
  } catch (error) {
    return reportFailure(error, options, job);
  }
}

function reportFailure(error: unknown, options: CliOptions, job?: ReportJob): number {
  if (error instanceof ContentError && job) {
    const errors = error.problems.filter((problem) => problem.fatal);
    const format = options.verbose ? explainProblem : formatProblem;
    process.stderr.write(error.problems.map((problem) => `${format(problem)}\n`).join(''));
    process.stderr.write(`build failed: ${errors.length} error(s) in ${job.contentDir}; ${job.outDir} was left as it was\n`);
    return EXIT_CONTENT;
  }
  if (error instanceof EnvironmentError) {
    process.stderr.write(`error: ${error.message}\n`);
    if (options.verbose && error.cause) process.stderr.write(`${String((error.cause as Error).stack ?? error.cause)}\n`);
    return EXIT_ENVIRONMENT;
  }
  const system = systemFailure(error);
  if (system) {
    process.stderr.write(`error: ${system}\n`);
    return EXIT_ENVIRONMENT;
  }
  // One line still: the trace is for whoever fixes the bug, with --verbose.
  process.stderr.write(`internal error (a bug, not your content): ${firstLine(error)}${options.verbose ? '' : ' (--verbose shows where)'}\n`);
  if (options.verbose) process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  return EXIT_ENVIRONMENT;
}

/** What the system refused (a full disk, a read-only folder, too many open files), in one line; else undefined. */
function systemFailure(error: unknown): string | undefined {
  const { code, path, syscall, dest } = (error ?? {}) as NodeJS.ErrnoException & { dest?: string };
  const what: Record<string, string> = {
    ENOSPC: 'the disk is full',
    EDQUOT: 'the disk quota is used up',
    EROFS: 'the file system is read-only',
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    EIO: 'the disk failed to read or write',
    EMFILE: 'too many files are open',
    ENFILE: 'too many files are open on this machine',
  };
  if (!code || !what[code]) return undefined;
  // A copy names the file it was writing as its destination.
  const file = dest ?? path;
  return `${what[code]} (${code})${syscall ? ` on ${syscall}` : ''}${file ? ` of ${file}` : ''}`;
}

const code = await main(process.argv.slice(2));
// Exit once what was written is out: a browser pipe or timer left behind by a failed build
// must not keep the process alive.
await Promise.all([process.stdout, process.stderr].map((stream) => new Promise((resolve) => stream.write('', resolve))));
process.exit(code);
