// `npm run dev`: builds content/ into output/, serves the page on localhost and rebuilds on
// every change of content/ or templates/. The page is rendered again at once (charts come
// from a cache keyed by their spec and data) and the browser tab reloads; the PDF and the
// share images follow, debounced, through a browser kept warm. A content error shows over
// the page and in the terminal; the server keeps running.
import { type FSWatcher, watch } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { type StartedBrowser, startBrowser } from '../browser/launch-browser.js';
import { defaultChartCache, memoryChartCache } from '../charts/chart-cache.js';
import type { ChartCache } from '../charts/types.js';
import { ContentError, EnvironmentError, formatProblem } from '../problems/errors.js';
import { buildReport, type OutputFile, PRINT_PAGE, renderReport } from '../report/build-report.js';
import { TEMPLATES } from '../system/project.js';

/** Full builds (PDF, share images) wait this long after the last change. */
const FULL_BUILD_DELAY_MS = 800;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.pdf': 'application/pdf',
  '.csv': 'text/csv; charset=utf-8',
  '.json': 'application/json',
};

// The only script of the dev page: reload on the server's "reload" event.
const CLIENT = `new EventSource('/__briefing/events').addEventListener('reload', () => location.reload());`;

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

export async function startDevServer(options: DevOptions): Promise<DevServer> {
  const contentDir = resolve(options.contentDir);
  const outDir = resolve(options.outDir);
  const env = options.env ?? process.env;
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const browser: StartedBrowser = startBrowser(env);
  const chartCache: ChartCache = defaultChartCache(env) ?? memoryChartCache();
  const clients = new Set<ServerResponse>();
  let lastGood: ReadonlyMap<string, OutputFile> | undefined;
  let current: Page | undefined;

  /** Tells every open tab to reload: `page` after a render, `build` after a full build. */
  const broadcast = (what: 'page' | 'build') => {
    for (const client of clients) client.write(`event: reload\ndata: ${what}\n\n`);
  };

  // The page: rendered in memory, served at once; the PDF and PNGs come from output/.
  let rendering: Promise<void> = Promise.resolve();
  const renderPage = () =>
    (rendering = rendering.then(async () => {
      const started = performance.now();
      try {
        const report = await renderReport(contentDir, { chartCache });
        lastGood = report.outputs;
        current = { kind: 'page', outputs: report.outputs };
        for (const warning of report.files().flatMap((file) => file.messages)) log(formatProblem(warning));
        log(`page rendered in ${Math.round(performance.now() - started)} ms`);
      } catch (error) {
        const problems = error instanceof ContentError ? error.problems.map(formatProblem) : [`error: ${(error as Error).message}`];
        current = { kind: 'error', problems };
        for (const problem of problems) log(problem);
      }
      broadcast('page');
    }));

  // The full build, debounced; one at a time, and one more if something changed meanwhile.
  type Deferred = { promise: Promise<void>; resolve: () => void };
  const deferred = (): Deferred => {
    let resolveDeferred!: () => void;
    return { promise: new Promise<void>((resolveIt) => (resolveDeferred = resolveIt)), resolve: () => resolveDeferred() };
  };
  let timer: NodeJS.Timeout | undefined;
  let building: Promise<void> = Promise.resolve();
  let upcoming: Deferred | undefined;
  let started: Deferred = { promise: Promise.resolve(), resolve: () => {} };
  const fullBuild = () => {
    clearTimeout(timer);
    upcoming ??= deferred();
    timer = setTimeout(() => {
      const done = upcoming!;
      upcoming = undefined;
      started = done;
      building = building.then(async () => {
        const start = performance.now();
        try {
          await buildReport({ contentDir, outDir, env, browser: browser.session, chartCache });
          log(`built ${relative(process.cwd(), outDir) || '.'}/ with report.pdf and social.png in ${Math.round(performance.now() - start)} ms`);
          broadcast('build');
        } catch (error) {
          if (error instanceof EnvironmentError) log(`error: ${error.message}`);
          else if (!(error instanceof ContentError)) log(`internal error: ${(error as Error).stack ?? String(error)}`);
          // Content errors are already on the page and in the terminal.
        }
        done.resolve();
      });
    }, FULL_BUILD_DELAY_MS);
  };
  /** The full build to come, or the one under way or last done. */
  const nextFullBuild = () => (upcoming ?? started).promise;

  const server: Server = createServer((request, response) => {
    void serve(request, response).catch((error: unknown) => {
      response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end(String(error));
    });
  });
  async function serve(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    if (path === '/__briefing/events') {
      response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
      response.write(': connected\n\n');
      clients.add(response);
      request.on('close', () => clients.delete(response));
      return;
    }
    if (path === '/__briefing/client.js') {
      response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' }).end(CLIENT);
      return;
    }
    await rendering;
    const name = path === '/' ? 'index.html' : path.slice(1);
    if (name === 'index.html') {
      const html =
        current?.kind === 'page' ? await text(current.outputs.get('index.html')) : await errorPage(current?.kind === 'error' ? current.problems : [], lastGood);
      response.writeHead(current?.kind === 'error' ? 500 : 200, { 'content-type': TYPES['.html']!, 'cache-control': 'no-store' }).end(withClient(html));
      return;
    }
    const safe = normalize(name);
    if (safe.startsWith('..') || safe.startsWith(sep) || name === PRINT_PAGE) return notFound(response);
    // The latest page's own files first, then the last full build (report.pdf, social.png).
    const fromPage = (current?.kind === 'page' ? current.outputs : lastGood)?.get(safe);
    const body = fromPage !== undefined ? await bytes(fromPage) : await readFile(join(outDir, safe)).catch(() => undefined);
    if (body === undefined) return notFound(response);
    response.writeHead(200, { 'content-type': TYPES[extname(safe).toLowerCase()] ?? 'application/octet-stream', 'cache-control': 'no-store' }).end(body);
  }

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolveListen());
  });
  const address = server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : options.port}/`;

  // Changes: a burst of events (an editor's save) renders once.
  let pending: NodeJS.Timeout | undefined;
  const onChange = (_event: string, file: string | Buffer | null) => {
    if (file && /(^|[/\\])(\.|~)|~$|\.swp$/.test(String(file))) return; // editors' temporary files
    clearTimeout(pending);
    pending = setTimeout(() => {
      void renderPage();
      fullBuild();
    }, 15);
  };
  const watchers: FSWatcher[] = [watch(contentDir, { recursive: true }, onChange), watch(TEMPLATES, { recursive: true }, onChange)];

  const ready = renderPage();
  fullBuild();
  return {
    url,
    ready,
    nextFullBuild,
    async [Symbol.asyncDispose]() {
      clearTimeout(pending);
      clearTimeout(timer);
      for (const watcher of watchers) watcher.close();
      for (const client of clients) client.end();
      server.closeAllConnections();
      await new Promise<void>((resolveClose) => server.close(() => resolveClose()));
      await building.catch(() => {});
      await browser.end();
    },
  };
}

function withClient(html: string): string {
  return html.replace('</body>', '<script src="/__briefing/client.js"></script></body>');
}

/** The last good page with the problems over it, or the problems alone. */
async function errorPage(problems: readonly string[], lastGood: ReadonlyMap<string, OutputFile> | undefined): Promise<string> {
  const items = problems.map((problem) => `<li>${escapeHtml(problem)}</li>`).join('');
  const overlay =
    `<div id="briefing-errors" role="alert" style="position:fixed;inset:0 0 auto 0;z-index:2147483647;max-height:60vh;overflow:auto;` +
    `margin:0;padding:1rem 1.5rem;background:#fff5f5;color:#7a1010;border-bottom:3px solid #c62828;font:14px/1.5 ui-monospace,monospace;` +
    `box-shadow:0 4px 16px rgba(0,0,0,.2)"><strong>The build failed: fix the content and save.</strong><ul style="margin:.5rem 0 0;padding-left:1.2rem">${items}</ul></div>`;
  const page = lastGood
    ? await text(lastGood.get('index.html'))
    : '<!doctype html><html><head><meta charset="utf-8"><title>Build failed</title></head><body></body></html>';
  return page.replace(/<body([^>]*)>/, (tag) => `${tag}${overlay}`);
}

async function text(file: OutputFile | undefined): Promise<string> {
  if (file === undefined) return '';
  return typeof file === 'string' ? file : readFile(file.copy, 'utf8');
}

async function bytes(file: OutputFile): Promise<Buffer> {
  return typeof file === 'string' ? Buffer.from(file) : readFile(file.copy);
}

function notFound(response: ServerResponse): void {
  response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"]/g, (character) => `&#${character.charCodeAt(0)};`);
}

/** The command line: `npm run dev -- [--content dir] [--out dir] [--port n] [--measure]`. */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      content: { type: 'string', default: 'content' },
      out: { type: 'string', default: 'output' },
      port: { type: 'string', default: '4000' },
      measure: { type: 'boolean', default: false },
    },
  });
  const measure = values.measure ?? false;
  let server: DevServer;
  try {
    server = await startDevServer({
      contentDir: values.content!,
      outDir: values.out!,
      port: measure ? 0 : Number(values.port),
      log: measure ? () => {} : undefined,
    });
  } catch (error) {
    process.stderr.write(`error: ${(error as Error).message}\n`);
    process.exit(2);
  }
  await server.ready;
  if (!measure) {
    process.stderr.write(`serving ${server.url} (Ctrl-C to stop)\n`);
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.once(signal, () => void Promise.resolve(server[Symbol.asyncDispose]()).finally(() => process.exit(0)));
    }
    return;
  }
  // --measure: the time from a write of article.md to the reload event a browser tab gets,
  // over five edits, once the first full build is done; then a full rebuild, warm.
  try {
    await server.nextFullBuild();
    const article = join(resolve(values.content!), 'article.md');
    const original = await readFile(article, 'utf8');
    const events = await fetch(new URL('__briefing/events', server.url));
    const reader = events.body!.pipeThrough(new TextDecoderStream()).getReader();
    let buffered = '';
    const nextPageEvent = async () => {
      for (;;) {
        const end = buffered.indexOf('\n\n');
        if (end >= 0) {
          const event = buffered.slice(0, end);
          buffered = buffered.slice(end + 2);
          if (event.includes('event: reload') && event.includes('data: page')) return;
          continue;
        }
        const chunk = await reader.read();
        if (chunk.done) throw new Error('the event stream ended');
        buffered += chunk.value;
      }
    };
    const times: number[] = [];
    try {
      for (let edit = 0; edit < 5; edit++) {
        const written = performance.now();
        await writeFile(article, edit % 2 === 0 ? `${original}\n` : original);
        await nextPageEvent();
        times.push(performance.now() - written);
        await server.nextFullBuild();
      }
    } finally {
      await writeFile(article, original);
      await reader.cancel();
    }
    const sorted = [...times].sort((a, b) => a - b);
    process.stdout.write(
      `dev: edit of article.md to reload event, median of 5: ${Math.round(sorted[2]!)} ms (${times.map((value) => Math.round(value)).join(', ')} ms)\n`,
    );
    await new Promise((resolveWait) => setTimeout(resolveWait, 100));
    await server.nextFullBuild();
    const started = performance.now();
    await writeFile(article, original);
    await new Promise((resolveWait) => setTimeout(resolveWait, 50));
    await server.nextFullBuild();
    process.stdout.write(
      `warm rebuild (page, PDF and share images, browser and charts warm): ${Math.round(performance.now() - started - FULL_BUILD_DELAY_MS)} ms after the ${FULL_BUILD_DELAY_MS} ms debounce\n`,
    );
  } finally {
    await server[Symbol.asyncDispose]();
  }
  process.exit(0);
}

if (process.argv[1] && resolve(process.argv[1]).replace(/\.ts$/, '.js') === fileURLToPath(import.meta.url).replace(/\.ts$/, '.js')) await main();
