// Charts are drawn in a thread of their own: a build can stop vega when the build's time is up,
// even in the middle of a drawing, and a drawing that runs out of memory ends the thread, not
// the build.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { addError, addWarning } from '../problems/problems.js';
import { PIPELINE_CODE } from '../system/project.js';
import type { Fence } from './fence-place.js';
import type { ChartDrawer, DrawContext, DrawnChart } from './types.js';

const require = createRequire(import.meta.url);

/** The drawing thread's heap, in MiB: a chart that needs more is refused at its fence. */
const HEAP_MB = 2048;

export type DrawJob = Readonly<{ id: number; spec: Record<string, unknown>; chart: Fence; draw: boolean; contentDir: string; lang: string }>;
export type DrawProblem = Readonly<{ reason: string; line?: number; column?: number; ruleId?: string; fatal: boolean; cause?: unknown }>;
export type DrawAnswer = Readonly<{ id: number; drawn?: DrawnChart; problems?: readonly DrawProblem[]; error?: unknown }>;

/** A drawer whose thread starts with the first chart to draw, and lives until it is closed. */
export function chartDrawer(heapMb = HEAP_MB): ChartDrawer {
  let worker: Worker | undefined;
  let jobs = 0;
  // Two builds may share the drawer (a dev server's page and its full build): their charts take turns.
  let turn: Promise<unknown> = Promise.resolve();

  async function draw(spec: Record<string, unknown>, chart: Fence, dataIsSound: boolean, context: DrawContext): Promise<DrawnChart | undefined> {
    const { article, contentDir, lang, signal } = context;
    signal?.throwIfAborted();
    worker ??= startWorker(heapMb);
    const fence = { id: chart.id, index: chart.index, body: chart.body, line: chart.line };
    const job: DrawJob = { id: ++jobs, spec, chart: fence, draw: dataIsSound, contentDir, lang };
    let answer: DrawAnswer;
    try {
      answer = await ask(worker, job, signal);
    } catch (error) {
      // A thread that failed, stopped or was stopped is not used again.
      void worker?.terminate();
      worker = undefined;
      if ((error as NodeJS.ErrnoException).code !== 'ERR_WORKER_OUT_OF_MEMORY') throw error;
      const reason = `chart "${chart.id}": drawing it needs more than ${heapMb} MiB of memory: give it fewer rows or marks, or a smaller size`;
      answer = { id: job.id, problems: [{ reason, line: chart.line, column: 1, ruleId: 'chart-render', fatal: true }] };
    }
    if (answer.error) throw answer.error;
    for (const { reason, line, column, ruleId, fatal, cause } of answer.problems ?? []) {
      const place = line === undefined ? undefined : { line, column };
      if (fatal) addError(article, reason, place, ruleId, cause);
      else addWarning(article, reason, place, ruleId);
    }
    return answer.drawn;
  }

  return {
    draw: (...args) => {
      const drawing = turn.then(() => draw(...args));
      turn = drawing.catch(() => {});
      return drawing;
    },
    close: async () => {
      await worker?.terminate();
      worker = undefined;
    },
  };
}

/**
 * The thread, from the compiled pipeline as a build runs it, or from the TypeScript sources
 * (tests), which the thread then compiles as the process does, with tsx.
 */
function startWorker(heapMb: number): Worker {
  const fromSources = import.meta.url.endsWith('.ts');
  const entry = pathToFileURL(join(PIPELINE_CODE, 'charts', `draw-worker.${fromSources ? 'ts' : 'js'}`)).href;
  const options = { resourceLimits: { maxOldGenerationSizeMb: heapMb } };
  if (!fromSources) return new Worker(new URL(entry), options);
  const tsx = pathToFileURL(join(dirname(require.resolve('tsx/package.json')), 'dist', 'esm', 'api', 'index.mjs')).href;
  const boot = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(entry)}); })`;
  return new Worker(boot, { ...options, eval: true });
}

/** The thread's answer to `job`; rejected when the thread fails or stops, or `signal` aborts. */
function ask(thread: Worker, job: DrawJob, signal: AbortSignal | undefined): Promise<DrawAnswer> {
  return new Promise<DrawAnswer>((resolve, reject) => {
    const settle = (done: () => void) => {
      thread.off('message', answered).off('error', failed).off('exit', stopped);
      signal?.removeEventListener('abort', aborted);
      done();
    };
    const answered = (answer: DrawAnswer) => settle(() => resolve(answer));
    const failed = (error: Error) => settle(() => reject(error));
    const stopped = () => settle(() => reject(new Error('the chart drawing thread stopped')));
    const aborted = () => settle(() => reject(signal!.reason));
    thread.on('message', answered).on('error', failed).on('exit', stopped);
    signal?.addEventListener('abort', aborted, { once: true });
    thread.postMessage(job);
  });
}
