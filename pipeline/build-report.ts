import { readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Code } from 'mdast';
import { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import { captureSocial, overflowProblem, serial, SHARE_FORMATS } from './capture-social.js';
import { checkPdf, pdfBudget } from './check-pdf.js';
import { collectFonts } from './collect-fonts.js';
import { computeKeyFigures } from './compute-key-figures.js';
import { ContentError, EnvironmentError } from './errors.js';
import { findBrowser } from './find-browser.js';
import { finishPdf } from './finish-pdf.js';
import { hyphenateText } from './hyphenate-text.js';
import { launchBrowser, withinTime, type BrowserSession } from './launch-browser.js';
import { nameChartsWithDescriptions } from './make-svg-accessible.js';
import { parseArticle } from './parse-article.js';
import { printPdf } from './print-pdf.js';
import { addError, addWarning, allMessages, hasErrors } from './problems.js';
import { renderCharts, type RenderedChart } from './render-charts.js';
import { renderBody } from './render-html.js';
import { renderPage, renderSocial } from './render-page.js';
import { typesetText } from './typeset-text.js';
import { createStaging, lockOutput, type Staging } from './write-output.js';

export type BuildOptions = Readonly<{
  contentDir: string;
  outDir: string;
  env?: NodeJS.ProcessEnv;
}>;

export type BuildResult = Readonly<{
  /** Warnings of a successful build: the user should read them, nothing failed. */
  warnings: readonly VFileMessage[];
  /** Milliseconds spent in each stage. */
  timings: Readonly<Record<string, number>>;
  charts: readonly string[];
}>;

const TEMPLATES = fileURLToPath(new URL('../templates/', import.meta.url));
const PRINT_PAGE = 'print.html';
/** No build waits forever on a browser that stopped answering (BRIEFING_BROWSER_TIMEOUT, seconds). */
const BROWSER_TIMEOUT_S = 120;
const sharePage = (format: string) => `share-${format}.html`;

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
  const time = async <T>(stage: string, work: () => Promise<T> | T): Promise<T> => {
    const start = performance.now();
    try {
      return await work();
    } finally {
      timings[stage] = Math.round(performance.now() - start);
    }
  };

  // 1. Take the output folder, then start the browser: it boots while the content is
  //    parsed and the charts render.
  const executablePath = findBrowser(env);
  const timeoutMs = browserTimeout(env) * 1000;
  const lock = lockOutput(outDir);
  const stopBrowser = new AbortController();
  const browserReady: Promise<BrowserSession> = launchBrowser(executablePath, { signal: stopBrowser.signal, stepTimeoutMs: Math.min(timeoutMs, 60_000) });
  let launched = false;
  browserReady.then(
    () => (launched = true),
    () => {}, // awaited below; an early content error must not leave it unhandled
  );
  let staging: Staging | undefined;
  let built = false;
  try {
    // 2. Read and parse the article.
    const article = await time('read', () => readArticle(contentDir));
    const dataFiles = new Map<string, VFile>();
    const dataFile = (url: string) => {
      let file = dataFiles.get(url);
      if (!file) dataFiles.set(url, (file = new VFile({ path: url })));
      return file;
    };
    const files = () => [article, ...dataFiles.values()];
    const parsed = await time('parse', () => parseArticle(article));
    const meta = parsed.frontMatter;

    // 3. Render every chart once, to SVG; the page, the PDF and charts/ share it.
    const charts = await time('charts', () =>
      renderCharts(parsed.charts, { contentDir, lang: meta?.lang ?? 'en', article, dataFile }),
    );

    // 4. The page. The body is rendered even after a problem, so that one build reports them all.
    const byNode = new Map<Code, RenderedChart>(charts.map((chart) => [parsed.charts[chart.index - 1]!.node, chart]));
    const body = await time('html', () => renderBody(parsed.tree, byNode, article, contentDir, meta?.lang));
    if (!meta || hasErrors(files())) throw new ContentError(allMessages(files()));
    if (!meta.url) {
      addWarning(article, 'no "url" in the front matter: og:image is relative, and share cards need an absolute URL', { line: 1, column: 1 }, 'url');
    }
    const [pageTemplate, socialTemplate] = await Promise.all([
      readFile(join(TEMPLATES, 'page.html'), 'utf8'),
      readFile(join(TEMPLATES, 'social.html'), 'utf8'),
    ]);
    const figures = await time('figures', () =>
      computeKeyFigures(meta.figures ?? [], { contentDir, lang: meta.lang, article, lineOf: parsed.frontMatterLine }),
    );
    if (hasErrors(files())) throw new ContentError(allMessages(files()));
    // The page and the PDF share the typography of the language; only print is hyphenated.
    typesetText(body.tree, meta.lang);
    const shareChart = meta.share_chart ? charts.find((chart) => chart.id === meta.share_chart) : charts[0];
    if (meta.share_chart && !shareChart) {
      addError(article, `share_chart "${meta.share_chart}" is not the id of a chart of the article`, { line: parsed.frontMatterLine(['share_chart']), column: 1 }, 'share-chart');
      throw new ContentError(allMessages(files()));
    }
    const extras = { figures, imageAlt: shareChart?.description };
    const page = renderPage(pageTemplate, meta, body.tree, extras);
    const printTree = structuredClone(body.tree);
    hyphenateText(printTree, meta.lang);
    nameChartsWithDescriptions(printTree);
    const printPage = renderPage(pageTemplate, meta, printTree, extras);

    // 5. Stage every file of the output folder.
    staging = await createStaging(outDir);
    const stage = staging;
    await time('stage', async () => {
      const fonts = collectFonts();
      await Promise.all([
        stage.write('index.html', page),
        stage.write(PRINT_PAGE, printPage),
        stage.write('assets/fonts.css', fonts.css),
        stage.copy(join(TEMPLATES, 'page.css'), 'assets/page.css'),
        stage.copy(join(TEMPLATES, 'print.css'), 'assets/print.css'),
        stage.copy(join(TEMPLATES, 'social.css'), 'assets/social.css'),
        stage.copy(join(TEMPLATES, 'favicon.svg'), 'assets/favicon.svg'),
        ...SHARE_FORMATS.map((format) =>
          stage.write(sharePage(format.name), renderSocial(socialTemplate, meta, { format: format.name, chart: shareChart?.svg, figure: figures[0] })),
        ),
        ...[...fonts.files].map(([source, target]) => stage.copy(source, `assets/${target}`)),
        ...charts.map((chart) => stage.write(`charts/${chart.id}.svg`, chart.file)),
        ...body.images.map((image) => stage.copy(join(contentDir, image.source), image.target)),
        // Each chart's data is published beside the page, where its table links to it.
        ...[...new Map(charts.flatMap((chart) => (chart.data ? [[chart.data.url, chart.data.path] as const] : []))).entries()].map(([url, path]) => stage.copy(path, url)),
      ]);
    });

    // 6. Print the PDF and capture the share image, in parallel pages of one browser.
    const { browser } = await time('browser', () => browserReady);
    const blocked: string[] = [];
    const onBlocked = (url: string) => blocked.push(url);
    const screenshots = serial();
    const [pdf, ...shares] = await time('pdf+png', () =>
      withinTime(
        timeoutMs,
        'printing the PDF and the share images',
        Promise.all([
          printPdf(browser, stage.dir, PRINT_PAGE, onBlocked),
          ...SHARE_FORMATS.map((format) => captureSocial(browser, stage.dir, sharePage(format.name), format, screenshots, onBlocked)),
        ]),
      ).catch((error: unknown) => {
        if (error instanceof EnvironmentError) throw error;
        if (/timed out|timeout/i.test((error as Error).message)) {
          throw new EnvironmentError(`the browser did not answer in time while printing the PDF and the share images: ${(error as Error).message.split('\n')[0]}`, { cause: error });
        }
        // A browser that crashed or was killed: the environment's fault, said in one line.
        throw new EnvironmentError(`the browser stopped while printing: ${(error as Error).message.split('\n')[0]}`, { cause: error });
      }),
    );
    for (const url of new Set(blocked)) addError(article, `the page asked for a resource outside the output folder: ${url}`, undefined, 'blocked-request');
    SHARE_FORMATS.forEach((format, index) => {
      const problem = overflowProblem(format, shares[index]!);
      if (problem) addError(article, problem, { line: 1, column: 1 }, 'share-image');
    });
    if (hasErrors(files())) throw new ContentError(allMessages(files()));

    // 7. Metadata and the PDF's own check, then swap the new output in.
    const finished = await time('finish', () => finishPdf(pdf, meta, { article: article.toString(), body: printTree }, env));
    const imageBytes = (await Promise.all(body.images.map((image) => stat(join(contentDir, image.source))))).reduce((sum, stats) => sum + stats.size, 0);
    const check = await checkPdf(finished, pdfBudget(printTree, { charts: charts.length, images: body.images.length, imageBytes }));
    for (const warning of check.warnings) addWarning(article, `report.pdf: ${warning}`, undefined, 'pdf-check');
    const fontErrors = check.errors.filter((error) => error.startsWith('font '));
    if (fontErrors.length > 0) throw new EnvironmentError(`report.pdf failed its check: ${fontErrors.join('; ')}`);
    for (const error of check.errors) addError(article, `report.pdf failed its check: ${error}`, undefined, 'pdf-check');
    if (hasErrors(files())) throw new ContentError(allMessages(files()));
    await time('write', async () => {
      await Promise.all([
        stage.write('report.pdf', finished),
        ...SHARE_FORMATS.map((format, index) => stage.write(format.file, shares[index]!.png)),
        ...SHARE_FORMATS.map((format) => stage.remove(sharePage(format.name))),
        stage.remove(PRINT_PAGE),
        stage.remove('assets/social.css'),
      ]);
      await stage.commit();
    });
    built = true;
    return { warnings: allMessages(files()), timings, charts: charts.map((chart) => chart.id) };
  } finally {
    await staging?.dispose();
    // A failed build does not wait for a browser still starting: it is killed. A started
    // one is closed below, once, like after a successful build.
    if (!built && !launched) stopBrowser.abort(new Error('build stopped'));
    const session = await browserReady.catch(() => undefined);
    await session?.[Symbol.asyncDispose]();
    lock.release();
  }
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

function browserTimeout(env: NodeJS.ProcessEnv): number {
  const text = env.BRIEFING_BROWSER_TIMEOUT;
  if (text === undefined || text === '') return BROWSER_TIMEOUT_S;
  const seconds = Number(text);
  if (!Number.isFinite(seconds) || seconds <= 0) throw new EnvironmentError(`BRIEFING_BROWSER_TIMEOUT is "${text}": give a number of seconds, such as 120`);
  return seconds;
}
