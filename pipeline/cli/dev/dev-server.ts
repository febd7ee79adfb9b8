// The live preview's server: the page rendered in memory on each change, the PDF and share images
// built after a pause.
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { join, normalize, relative, resolve, sep } from 'node:path';
import { type StartedBrowser, startBrowser } from '../../browser/index.js';
import { defaultChartCache, memoryChartCache } from '../../charts/chart-cache.js';
import { chartDrawer } from '../../charts/chart-drawer.js';
import type { ChartCache } from '../../charts/types.js';
import { ContentError, EnvironmentError, formatProblem } from '../../problems/errors.js';
import { buildReport, type OutputFile, PRINT_PAGE, renderReport, summarizeNumbers } from '../../report/index.js';
import { TEMPLATES } from '../../system/project.js';
import { CLIENT, errorPage, withClient } from './error-overlay.js';
import { createEventStream } from './event-stream.js';
import { scheduleFullBuilds } from './full-builds.js';
import { bytes, contentType, notFound, text } from './output-files.js';
import { watchChanges } from './watch-changes.js';

/** Full builds (PDF, share images) wait this long after the last change. */
export const FULL_BUILD_DELAY_MS = 800;

export type DevOptions = Readonly<{
  contentDir: string;
  outDir: string;
  port?: number;
  /** Said on each rebuild, error and full build; the terminal by default. */
  log?: (line: string) => void;
  env?: NodeJS.ProcessEnv;
}>;

export type DevServer = AsyncDisposable &
  Readonly<{
    url: string;
    /** Resolves once the first page is served (or its error). */
    ready: Promise<void>;
    /** Resolves after the next full build (PDF and share images) has ended, well or not. */
    nextFullBuild(): Promise<void>;
  }>;

type Page = { kind: 'page'; outputs: ReadonlyMap<string, OutputFile> } | { kind: 'error'; problems: string[] };

/**
 * The live preview: the page rendered in memory and served at once on every change of the
 * content or the templates (charts come from a cache), the tab told to reload; the PDF and
 * the share images built into the output folder after a pause, through a browser kept warm.
 */
export async function startDevServer(options: DevOptions): Promise<DevServer> {
  const contentDir = resolve(options.contentDir);
  const outDir = resolve(options.outDir);
  const env = options.env ?? process.env;
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const browser: StartedBrowser = startBrowser(env);
  const chartCache: ChartCache = defaultChartCache(env) ?? memoryChartCache();
  // vega stays loaded in its thread between changes.
  const drawer = chartDrawer();
  const events = createEventStream();
  let lastGood: ReadonlyMap<string, OutputFile> | undefined;
  let current: Page | undefined;

  // The page: rendered in memory, one render at a time.
  let rendering: Promise<void> = Promise.resolve();
  const renderPage = () => {
    rendering = rendering.then(async () => {
      const started = performance.now();
      try {
        const report = await renderReport(contentDir, { chartCache, chartDrawer: drawer });
        lastGood = report.outputs;
        current = { kind: 'page', outputs: report.outputs };
        for (const warning of report.files().flatMap((file) => file.messages)) log(formatProblem(warning));
        log(`page rendered in ${Math.round(performance.now() - started)} ms; ${summarizeNumbers(report.numbers)}`);
      } catch (error) {
        const problems = error instanceof ContentError ? error.problems.map(formatProblem) : [`error: ${(error as Error).message}`];
        current = { kind: 'error', problems };
        for (const problem of problems) log(problem);
      }
      events.broadcast('page');
    });
    return rendering;
  };

  const fullBuilds = scheduleFullBuilds(FULL_BUILD_DELAY_MS, async () => {
    const start = performance.now();
    try {
      await buildReport({ contentDir, outDir, env, browser: browser.session, chartCache, chartDrawer: drawer });
      log(`built ${relative(process.cwd(), outDir) || '.'}/ with report.pdf and social.png in ${Math.round(performance.now() - start)} ms`);
      events.broadcast('build');
    } catch (error) {
      if (error instanceof EnvironmentError) log(`error: ${error.message}`);
      else if (!(error instanceof ContentError)) log(`internal error: ${(error as Error).stack ?? String(error)}`);
      // Content errors are already on the page and in the terminal.
    }
  });

  async function serve(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    if (path === '/__briefing/events') return events.listen(request, response);
    if (path === '/__briefing/client.js') {
      response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' }).end(CLIENT);
      return;
    }
    await rendering;
    const name = path === '/' ? 'index.html' : path.slice(1);
    if (name === 'index.html') {
      const html =
        current?.kind === 'page' ? await text(current.outputs.get('index.html')) : await errorPage(current?.kind === 'error' ? current.problems : [], lastGood);
      response.writeHead(current?.kind === 'error' ? 500 : 200, { 'content-type': contentType(name), 'cache-control': 'no-store' }).end(withClient(html));
      return;
    }
    const safe = normalize(name);
    if (safe.startsWith('..') || safe.startsWith(sep) || name === PRINT_PAGE) return notFound(response);
    // The latest page's own files first, then the last full build (report.pdf, social.png).
    const fromPage = (current?.kind === 'page' ? current.outputs : lastGood)?.get(safe);
    const body = fromPage !== undefined ? await bytes(fromPage) : await readFile(join(outDir, safe)).catch(() => undefined);
    if (body === undefined) return notFound(response);
    response.writeHead(200, { 'content-type': contentType(safe), 'cache-control': 'no-store' }).end(body);
  }
  const server: Server = createServer((request, response) => {
    void serve(request, response).catch((error: unknown) => {
      response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end(String(error));
    });
  });
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolveListen());
  });
  const address = server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : options.port}/`;

  const stopWatching = watchChanges([contentDir, TEMPLATES], () => {
    void renderPage();
    fullBuilds.request();
  });
  const ready = renderPage();
  fullBuilds.request();
  return {
    url,
    ready,
    nextFullBuild: fullBuilds.next,
    async [Symbol.asyncDispose]() {
      stopWatching();
      const stopped = fullBuilds.stop();
      events.close();
      server.closeAllConnections();
      await new Promise<void>((resolveClose) => server.close(() => resolveClose()));
      await stopped;
      await Promise.all([browser.end(), drawer.close()]);
    },
  };
}
