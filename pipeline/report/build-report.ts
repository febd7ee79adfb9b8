import { readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Root } from 'hast';
import type { Code } from 'mdast';
import { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import { parseArticle } from '../article/parse-article.js';
import type { FrontMatter } from '../article/read-front-matter.js';
import { captureSocial, overflowProblem, SHARE_FORMATS } from '../browser/capture-social.js';
import { type BrowserSession, browserTimeouts, startBrowser, withinTime } from '../browser/launch-browser.js';
import { printPdf } from '../browser/print-pdf.js';
import { defaultChartCache } from '../charts/chart-cache.js';
import { nameChartsWithDescriptions } from '../charts/make-svg-accessible.js';
import { renderCharts } from '../charts/render-charts.js';
import type { ChartCache, RenderedChart } from '../charts/types.js';
import { computeKeyFigures } from '../data/compute-key-figures.js';
import { hyphenateText } from '../language/hyphenate-text.js';
import { typesetText } from '../language/typeset-text.js';
import { checkImages } from '../page/check-images.js';
import { collectFonts } from '../page/collect-fonts.js';
import { type RenderedBody, renderBody } from '../page/render-html.js';
import { renderPage, renderSocial } from '../page/render-page.js';
import { ContentError, EnvironmentError, firstLine } from '../problems/errors.js';
import { addError, addWarning, allMessages, hasErrors } from '../problems/problems.js';
import { TEMPLATES } from '../system/project.js';
import { claimOutput } from './claim-output.js';
import { createStaging, lockOutput, type Staging } from './write-output.js';

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
}>;

export type BuildResult = Readonly<{
  /** Warnings of a successful build: the user should read them, nothing failed. */
  warnings: readonly VFileMessage[];
  /** Milliseconds spent in each stage. */
  timings: Readonly<Record<string, number>>;
  charts: readonly string[];
}>;

export const PRINT_PAGE = 'print.html';
/** The staged page the share images are taken from, in every format. */
const SHARE_PAGE = 'share.html';

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
    await own?.end();
    throw error;
  }
  let staging: Staging | undefined;
  try {
    // 2–4. The article, its charts and its pages, in memory.
    const report = await renderReport(contentDir, { chartCache: options.chartCache ?? defaultChartCache(env), timings });
    const { article, meta, charts, body, printTree } = report;
    const files = report.files;

    // 5. Stage every file of the output folder.
    staging = await createStaging(outDir, contentDir);
    const stage = staging;
    await time('stage', () => stageOutputs(stage, report.outputs));

    // 6. Print the PDF and capture the share images, in parallel pages of one browser; the
    //    PDF is finished and checked while the screenshots are still being taken.
    mark('staged');
    const session = await time('browser', () => browserReady);
    const blocked: string[] = [];
    const onBlocked = (url: string) => blocked.push(url);
    const fromBrowser = <T>(work: Promise<T>): Promise<T> =>
      withinTime(timeouts.totalMs, 'printing the PDF and the share images', work).catch((error: unknown) => {
        if (error instanceof EnvironmentError) throw error;
        if (/timed out|timeout/i.test((error as Error).message)) {
          throw new EnvironmentError(`the browser did not answer in time while printing the PDF and the share images: ${firstLine(error)}`, { cause: error });
        }
        // A browser that crashed or was killed: the environment's fault, said in one line.
        throw new EnvironmentError(`the browser stopped while printing: ${firstLine(error)}`, { cause: error });
      });
    const started = performance.now();
    // pdf-lib loads while the browser prints.
    const pdfTools = Promise.all([import('pdf-lib'), import('../pdf/finish-pdf.js'), import('../pdf/check-pdf.js')]);
    const pdfBytes = fromBrowser(printPdf(session, stage.dir, PRINT_PAGE, onBlocked)).then((pdf) => {
      timings.pdf = Math.round(performance.now() - started);
      mark('pdf');
      return pdf;
    });
    const captured = fromBrowser(captureSocial(session, stage.dir, SHARE_PAGE, SHARE_FORMATS, onBlocked)).then(async (images) => {
      timings.png = Math.round(performance.now() - started);
      mark('png');
      // Staged now: the PDF usually takes longer.
      await Promise.all(SHARE_FORMATS.map((format, index) => stage.write(format.file, images[index]!.png)));
      return images;
    });
    // The browser's part ends here: it can go while the PDF is finished and the output written.
    void Promise.allSettled([pdfBytes, captured]).then(() => (own ? own.end() : options.onBrowserDone?.()));
    const printed = pdfBytes.then(async (pdf) => {
      const [{ PDFDocument, ParseSpeeds }, { finishDocument }, { checkDocument, pdfBudget }] = await pdfTools;
      // Loaded once (in one go: nothing else waits on this thread now), finished, saved,
      // then checked as saved.
      const finished = await time('finish', async () => {
        const document = await PDFDocument.load(pdf, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
        finishDocument(document, meta, { article: article.toString(), body: printTree }, env);
        return { document, bytes: await document.save({ objectsPerTick: Infinity }) };
      });
      const imageBytes = (await Promise.all(body.images.map((image) => stat(join(contentDir, image.source))))).reduce((sum, stats) => sum + stats.size, 0);
      const check = await time('check', () =>
        checkDocument(finished.document, finished.bytes.byteLength, pdfBudget(printTree, { charts: charts.length, images: body.images.length, imageBytes })),
      );
      return { finished: finished.bytes, check };
    });
    const [{ finished, check }, shares] = await Promise.all([printed, captured]);
    for (const url of new Set(blocked)) addError(article, `the page asked for a resource outside the output folder: ${url}`, undefined, 'blocked-request');
    SHARE_FORMATS.forEach((format, index) => {
      const problem = overflowProblem(format, shares[index]!);
      if (problem) addError(article, problem, { line: 1, column: 1 }, 'share-image');
    });
    if (hasErrors(files())) throw new ContentError(allMessages(files()));

    // 7. The PDF's own check, then swap the new output in.
    for (const warning of check.warnings) addWarning(article, `report.pdf: ${warning}`, undefined, 'pdf-check');
    const fontErrors = check.errors.filter((error) => error.startsWith('font '));
    if (fontErrors.length > 0) throw new EnvironmentError(`report.pdf failed its check: ${fontErrors.join('; ')}`);
    for (const error of check.errors) addError(article, `report.pdf failed its check: ${error}`, undefined, 'pdf-check');
    if (hasErrors(files())) throw new ContentError(allMessages(files()));
    await time('write', async () => {
      await Promise.all([stage.write('report.pdf', finished), stage.remove(SHARE_PAGE), stage.remove(PRINT_PAGE), stage.remove('assets/social.css')]);
      await stage.commit();
      mark('committed');
    });
    return { warnings: allMessages(files()), timings, charts: charts.map((chart) => chart.id) };
  } finally {
    await staging?.dispose();
    await own?.end();
    lock.release();
  }
}

export type OutputFile = string | Readonly<{ copy: string }>;

/** Writes (or copies) every file of a rendered report into a staging folder. */
export async function stageOutputs(stage: Staging, outputs: ReadonlyMap<string, OutputFile>): Promise<void> {
  await Promise.all([...outputs].map(([path, content]) => (typeof content === 'string' ? stage.write(path, content) : stage.copy(content.copy, path))));
}

export type RenderedReport = Readonly<{
  article: VFile;
  /** The article and the data files the charts read, with their problems. */
  files: () => VFile[];
  meta: FrontMatter;
  charts: readonly RenderedChart[];
  body: RenderedBody;
  /** The body as printed: hyphenated, charts named by their descriptions. */
  printTree: Root;
  /**
   * Every file of the output folder but the PDF and the share images, and the pages they
   * are printed from: a path in the folder → its text, or the file to copy there.
   */
  outputs: ReadonlyMap<string, OutputFile>;
}>;

export type RenderOptions = Readonly<{
  /** Charts rendered before, by a hash of their spec and data (a dev server keeps one). */
  chartCache?: ChartCache;
  timings?: Record<string, number>;
}>;

/**
 * Steps 2 to 4 of a build, without a browser and without writing: the article parsed, its
 * charts rendered, its page and print page. Throws ContentError with every problem found.
 */
export async function renderReport(contentDir: string, options: RenderOptions = {}): Promise<RenderedReport> {
  const timings = options.timings ?? {};
  const time = timer(timings);
  // 2. Read and parse the article.
  const article = await time('read', () => readArticle(contentDir));
  const dataFiles = new Map<string, VFile>();
  const dataFile = (url: string) => {
    let file = dataFiles.get(url);
    if (!file) {
      file = new VFile({ path: url });
      dataFiles.set(url, file);
    }
    return file;
  };
  const files = () => [article, ...dataFiles.values()];
  const parsed = await time('parse', () => parseArticle(article));
  const meta = parsed.frontMatter;

  // 3. Render every chart once, to SVG; the page, the PDF and charts/ share it.
  const charts = await time('charts', () =>
    renderCharts(parsed.charts, { contentDir, lang: meta?.lang ?? 'en', article, dataFile, cache: options.chartCache }),
  );

  // 4. The page. The body is rendered even after a problem, so that one build reports them all.
  const byNode = new Map<Code, RenderedChart>(charts.map((chart) => [parsed.charts[chart.index - 1]!.node, chart]));
  const body = await time('html', () => renderBody(parsed.tree, byNode, article, contentDir, meta?.lang));
  const images = await time('images', () => checkImages(body.images, contentDir, article));
  if (!meta || hasErrors(files())) throw new ContentError(allMessages(files()));
  if (!meta.url) {
    addWarning(article, 'no "url" in the front matter: og:image is relative, and share cards need an absolute URL', { line: 1, column: 1 }, 'url');
  }
  const [pageTemplate, socialTemplate] = await Promise.all([readFile(join(TEMPLATES, 'page.html'), 'utf8'), readFile(join(TEMPLATES, 'social.html'), 'utf8')]);
  const figures = await time('figures', () => computeKeyFigures(meta.figures ?? [], { contentDir, lang: meta.lang, article, lineOf: parsed.frontMatterLine }));
  if (hasErrors(files())) throw new ContentError(allMessages(files()));
  // The page and the PDF share the typography of the language; only print is hyphenated.
  typesetText(body.tree, meta.lang);
  const shareChart = meta.share_chart ? charts.find((chart) => chart.id === meta.share_chart) : charts[0];
  if (meta.share_chart && !shareChart) {
    addError(
      article,
      `share_chart "${meta.share_chart}" is not the id of a chart of the article`,
      { line: parsed.frontMatterLine(['share_chart']), column: 1 },
      'share-chart',
    );
    throw new ContentError(allMessages(files()));
  }
  const extras = { figures, imageAlt: shareChart?.description };
  const page = renderPage(pageTemplate, meta, body.tree, extras);
  const printTree = structuredClone(body.tree);
  hyphenateText(printTree, meta.lang);
  nameChartsWithDescriptions(printTree);
  const printPage = renderPage(pageTemplate, meta, printTree, extras);

  const fonts = collectFonts();
  const outputs = new Map<string, OutputFile>([
    ['index.html', page],
    [PRINT_PAGE, printPage],
    ['assets/fonts.css', fonts.css],
    ['assets/page.css', { copy: join(TEMPLATES, 'page.css') }],
    ['assets/print.css', { copy: join(TEMPLATES, 'print.css') }],
    ['assets/social.css', { copy: join(TEMPLATES, 'social.css') }],
    ['assets/favicon.svg', { copy: join(TEMPLATES, 'favicon.svg') }],
    [SHARE_PAGE, renderSocial(socialTemplate, meta, { format: SHARE_FORMATS[0]!.name, chart: shareChart?.svg, figure: figures[0] })],
    ...[...fonts.files].map(([source, target]) => [`assets/${target}`, { copy: source }] as const),
    ...charts.map((chart) => [`charts/${chart.id}.svg`, chart.file] as const),
    ...images,
    // Each chart's data is published beside the page, where its table links to it.
    ...charts.flatMap((chart) => (chart.data ? [[chart.data.url, { copy: chart.data.path }] as const] : [])),
  ]);
  return { article, files, meta, charts, body, printTree, outputs };
}

/** Runs a stage and records how long it took, in milliseconds, under its name. */
function timer(timings: Record<string, number>) {
  return async <T>(stage: string, work: () => Promise<T> | T): Promise<T> => {
    const start = performance.now();
    try {
      return await work();
    } finally {
      timings[stage] = Math.round(performance.now() - start);
    }
  };
}

async function readArticle(contentDir: string): Promise<VFile> {
  const path = join(contentDir, 'article.md');
  try {
    return new VFile({ path: 'article.md', cwd: contentDir, value: await readFile(path, 'utf8') });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      const file = new VFile({ path: 'article.md' });
      addError(file, `no article.md in the content folder ${contentDir}`, undefined, 'article');
      throw new ContentError(file.messages);
    }
    throw new EnvironmentError(`cannot read ${path}: ${(error as Error).message}`, { cause: error });
  }
}
