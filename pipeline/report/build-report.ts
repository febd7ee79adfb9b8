// A whole build, in numbered steps: content folder in, output folder replaced.
import { resolve } from 'node:path';
import type { VFileMessage } from 'vfile-message';
import { type BrowserSession, browserTimeouts, overflowProblem, SHARE_FORMATS, startBrowser } from '../browser/index.js';
import { defaultChartCache } from '../charts/chart-cache.js';
import type { ChartCache, ChartDrawer } from '../charts/types.js';
import type { CheckedNumber } from '../data/check-numbers.js';
import { formatUaFailure } from '../pdf/check-pdf.js';
import { ContentError, EnvironmentError } from '../problems/errors.js';
import { addError, addWarning, allMessages, hasErrors } from '../problems/problems.js';
import { claimOutput } from './claim-output.js';
import { buildDeadline } from './deadline.js';
import { reportEmptyBoxes } from './empty-boxes.js';
import { reportHeavyCharts } from './heavy-charts.js';
import { printReport } from './print-report.js';
import { renderReport } from './render-report.js';
import { timer } from './timer.js';
import { createStaging, lockOutput, type Staging, stageOutputs } from './write-output.js';

export type BuildOptions = Readonly<{
  contentDir: string;
  outDir: string;
  env?: NodeJS.ProcessEnv;
  /**
   * A browser to print with, started (or connected to) by the caller, who also ends it:
   * a command line that starts it before anything else, a dev server or a run of several
   * reports that keep one. Without it, the build starts its own and ends it.
   */
  browser?: Promise<BrowserSession>;
  /** Told once this build no longer needs the caller's browser (its PDF and images are taken). */
  onBrowserDone?: () => void;
  chartCache?: ChartCache;
  /** A chart drawing thread kept across builds (a dev server's); else the build starts its own. */
  chartDrawer?: ChartDrawer;
}>;

export type BuildResult = Readonly<{
  /** Warnings of a successful build: the user should read them, nothing failed. */
  warnings: readonly VFileMessage[];
  /** Milliseconds spent in each stage. */
  timings: Readonly<Record<string, number>>;
  charts: readonly string[];
  /** Every number of the text, verified against the data, or not (none contradicted: that fails the build). */
  numbers: readonly CheckedNumber[];
}>;

/**
 * content/ → index.html, report.pdf, social.png and charts/*.svg, in numbered steps.
 * Throws ContentError (exit 1) or EnvironmentError (exit 2); the output folder is only
 * touched by the final swap.
 */
export async function buildReport(options: BuildOptions): Promise<BuildResult> {
  const env = options.env ?? process.env;
  const contentDir = resolve(options.contentDir);
  const outDir = resolve(options.outDir);
  const timings: Record<string, number> = {};
  const time = timer(timings);
  // 0. The output folder must be the build's to replace; else nothing is touched.
  claimOutput(outDir, contentDir);

  // 1. Start the browser (unless the caller did), then take the output folder: the browser
  //    boots while the content is parsed and the charts render.
  const timeouts = browserTimeouts(env);
  const deadline = buildDeadline(env, timeouts.totalMs);
  const own = options.browser ? undefined : startBrowser(env);
  const browserReady: Promise<BrowserSession> = options.browser ?? own!.session;
  // "@…" timings are milliseconds since the process started: when things happened.
  const mark = (event: string) => (timings[`@${event}`] = Math.round(performance.now()));
  browserReady.then(
    // Pages for the PDF and the share images, warmed up while the charts render.
    (session) => {
      mark('browser-ready');
      session.warmUp(2); // one for the PDF, one for the share images
    },
    () => {}, // awaited below; an early content error must not leave it unhandled
  );
  let lock: ReturnType<typeof lockOutput>;
  try {
    lock = lockOutput(outDir);
  } catch (error) {
    deadline.clear();
    await own?.end();
    throw error;
  }
  let staging: Staging | undefined;
  const build = async (): Promise<BuildResult> => {
    // 2–4. The article, its charts and its pages, in memory.
    const chartCache = options.chartCache ?? defaultChartCache(env);
    const report = await renderReport(contentDir, { chartCache, chartDrawer: options.chartDrawer, timings, signal: deadline.signal });
    const { article, charts, files } = report;

    // 5. Stage every file of the output folder.
    staging = await createStaging(outDir, contentDir);
    const stage = staging;
    await time('stage', () => stageOutputs(stage, report.outputs));

    // 6. Print the PDF and take the share images.
    mark('staged');
    const session = await time('browser', () => browserReady);
    const printed = await printReport({
      session,
      stage,
      report,
      contentDir,
      env,
      totalMs: timeouts.totalMs,
      time,
      mark,
      onBrowserDone: () => void (own ? own.end() : options.onBrowserDone?.()),
    });
    for (const url of printed.blocked) addError(article, `the page asked for a resource outside the output folder: ${url}`, undefined, 'blocked-request');
    for (const [index, format] of SHARE_FORMATS.entries()) {
      const problem = overflowProblem(format, printed.shares[index]!);
      // Told at the front-matter line of what does not fit: the title, else the description or the key figure.
      const part = printed.shares[index]!.overflowing[0];
      const key = part === 'description' ? 'description' : part === 'key figure' ? 'figures' : 'title';
      if (problem) addError(article, problem, { line: report.frontMatterLine([key]), column: 1 }, 'share-image');
    }
    if (hasErrors(files())) throw new ContentError(allMessages(files()));

    // 7. The PDF's own check, then swap the new output in.
    const { check } = printed;
    for (const warning of check.warnings) addWarning(article, `report.pdf: ${warning}`, undefined, 'pdf-check');
    const fontErrors = check.errors.filter((error) => error.startsWith('font '));
    if (fontErrors.length > 0) throw new EnvironmentError(`report.pdf failed its check: ${fontErrors.join('; ')}`);
    // A PDF that fails PDF/UA-1 is never published: the article's fault when it holds a character
    // nothing can print, else the build's.
    if (reportEmptyBoxes(article, check.accessibility)) throw new ContentError(allMessages(files()));
    if (check.accessibility.length > 0) {
      throw new EnvironmentError(`report.pdf fails PDF/UA-1: ${check.accessibility.map(formatUaFailure).join('; ')}`);
    }
    // Too heavy: the charts that weigh most are named at their fences, in the place of the PDF's total.
    const named = check.overweight !== undefined && reportHeavyCharts(article, report.charts, report.fenceLine, check.overweight);
    for (const error of check.errors.filter((text) => !(named && text.startsWith('the PDF weighs')))) {
      addError(article, `report.pdf failed its check: ${error}`, undefined, 'pdf-check');
    }
    if (hasErrors(files())) throw new ContentError(allMessages(files()));
    await time('write', async () => {
      deadline.signal.throwIfAborted();
      await Promise.all([stage.write('report.pdf', printed.pdf), ...report.printOnly.map((path) => stage.remove(path))]);
      await stage.commit();
      mark('committed');
    });
    return { warnings: allMessages(files()), timings, charts: charts.map((chart) => chart.id), numbers: report.numbers };
  };
  try {
    return await deadline.race(build());
  } finally {
    deadline.clear();
    await staging?.dispose();
    await own?.end();
    lock.release();
  }
}
