// A report in memory, without a browser: the article, its charts, its pages and every file of its
// output.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Root } from 'hast';
import { toString as textOf } from 'hast-util-to-string';
import type { Code } from 'mdast';
import { VFile } from 'vfile';
import { parseArticle } from '../article/parse-article.js';
import type { FrontMatter, FrontMatterLines } from '../article/read-front-matter.js';
import { SHARE_FORMATS } from '../browser/index.js';
import { renderCharts } from '../charts/render-charts.js';
import type { ChartCache, ChartDrawer, RenderedChart } from '../charts/types.js';
import { checkArticleNumbers } from '../data/check-article-numbers.js';
import type { CheckedNumber } from '../data/check-numbers.js';
import { computeKeyFigures } from '../data/compute-key-figures.js';
import { createDataLoader } from '../data/load-chart-data.js';
import { reportMissingGlyphs } from '../page/check-glyphs.js';
import { checkImages } from '../page/check-images.js';
import { collectFonts, emojiFonts } from '../page/collect-fonts.js';
import { finishBody } from '../page/finish-body.js';
import { type RenderedBody, renderBody } from '../page/render-html.js';
import { renderEmbed, renderPage, renderSocial, sharesChart } from '../page/render-page.js';
import { favicon, stylesheets } from '../page/stylesheets.js';
import { ContentError } from '../problems/errors.js';
import { addError, addWarning, allMessages, hasErrors } from '../problems/problems.js';
import { TEMPLATES } from '../system/project.js';
import { readArticle } from './read-article.js';
import { timer } from './timer.js';
import type { OutputFile } from './write-output.js';

/** The staged page the PDF is printed from: the page, hyphenated. */
export const PRINT_PAGE = 'print.html';
/** The staged page the share images are taken from, in every format. */
export const SHARE_PAGE = 'share.html';

export type RenderedReport = Readonly<{
  article: VFile;
  /** The article and the data files the charts read, with their problems. */
  files: () => VFile[];
  meta: FrontMatter;
  /** Where a front-matter key is written: problems found later (a share image's title) are told there. */
  frontMatterLine: FrontMatterLines;
  charts: readonly RenderedChart[];
  /** The line of article.md where each chart's fence opens, by the chart's index (1-based). */
  fenceLine: (index: number) => number;
  /** Every number of the text, verified against the data, or not. */
  numbers: readonly CheckedNumber[];
  body: RenderedBody;
  /** The body as printed: hyphenated, charts named by their descriptions. */
  printTree: Root;
  /**
   * Every file of the output folder but the PDF and the share images, and the pages they
   * are printed from: a path in the folder → its text, or the file to copy there.
   */
  outputs: ReadonlyMap<string, OutputFile>;
  /** The outputs that only the PDF and the share images are made from, removed once they are. */
  printOnly: readonly string[];
}>;

export type RenderOptions = Readonly<{
  /** Charts rendered before, by a hash of their spec and data (a dev server keeps one). */
  chartCache?: ChartCache;
  timings?: Record<string, number>;
  /** Aborted when the build's time is up: a chart drawing under way is stopped. */
  signal?: AbortSignal;
  /** A chart drawing thread kept across builds (a dev server's); else the build starts its own. */
  chartDrawer?: ChartDrawer;
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
  // One reader of the data files for the charts and the key figures: each file is read once.
  const meta = parsed.frontMatter;
  const loader = createDataLoader(contentDir, meta?.lang ?? 'en');

  // 3. Render every chart once, to SVG; the page, the PDF and charts/ share it.
  const charts = await time('charts', () =>
    renderCharts(parsed.charts, {
      contentDir,
      lang: meta?.lang ?? 'en',
      article,
      dataFile,
      cache: options.chartCache,
      loader,
      signal: options.signal,
      drawer: options.chartDrawer,
    }),
  );

  // The numbers of the text, checked against the data: a contradiction is an error at the number.
  const numbers = meta ? await time('numbers', () => checkArticleNumbers(parsed, article, contentDir, loader)) : [];
  const marked = numbers.flatMap(({ status, offset, mention, note }) =>
    status === 'verified' && offset !== undefined ? [{ offset, text: mention.text, value: mention.value, source: note }] : [],
  );

  // 4. The page. The body is rendered even after a problem, so that one build reports them all.
  const byNode = new Map<Code, RenderedChart>(charts.map((chart) => [parsed.charts[chart.index - 1]!.node, chart]));
  const body = await time('html', () => renderBody(parsed.tree, byNode, article, contentDir, meta?.lang, meta?.url, marked));
  // The images of the body and of the charts' image marks, checked and published alike.
  const fenceLine = (index: number) => parsed.charts[index - 1]?.line ?? 1;
  const chartImages = charts.flatMap((chart) => chart.images.map((image) => ({ ...image, place: { line: fenceLine(chart.index), column: 1 } })));
  const images = await time('images', () => checkImages([...body.images, ...chartImages], contentDir, article));
  // What the cover and the share images set of the front matter, and the charts' words, in the report's fonts too.
  for (const key of ['title', 'subtitle', 'description'] as const) {
    if (meta?.[key]) reportMissingGlyphs(article, meta[key], () => ({ line: parsed.frontMatterLine([key]), column: 1 }), new Set());
  }
  for (const chart of charts) reportMissingGlyphs(article, textOf(chart.svg), () => ({ line: fenceLine(chart.index), column: 1 }), new Set());
  if (!meta || hasErrors(files())) throw new ContentError(allMessages(files()));
  if (!meta.url) {
    addWarning(article, 'no "url" in the front matter: og:image is relative, and share cards need an absolute URL', { line: 1, column: 1 }, 'url');
  }
  const template = (name: string) => readFile(join(TEMPLATES, name), 'utf8');
  const [pageTemplate, socialTemplate, embedTemplate] = await Promise.all([template('page.html'), template('social.html'), template('embed.html')]);
  const figures = await time('figures', () =>
    computeKeyFigures(meta.figures ?? [], { contentDir, lang: meta.lang, article, lineOf: parsed.frontMatterLine, loader }),
  );
  if (hasErrors(files())) throw new ContentError(allMessages(files()));
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
  // The share image's alt text is its chart's description, where the image shows the chart.
  const extras = { figures, imageAlt: sharesChart(shareChart) ? shareChart?.description : undefined };
  const finished = finishBody(body.tree, meta.lang, meta.url);
  const printTree = finished.print;
  const page = renderPage(pageTemplate, meta, finished.page, extras);
  // The emoji the report's fonts lack, for the pages printed here: the print page lists them all.
  const plainPrint = renderPage(pageTemplate, meta, printTree, extras);
  const emoji = emojiFonts(plainPrint);
  const printPage = emoji ? renderPage(pageTemplate, meta, printTree, { ...extras, emojiFonts: emoji.css }) : plainPrint;

  const fonts = collectFonts();
  const outputs = new Map<string, OutputFile>([
    ['index.html', page],
    [PRINT_PAGE, printPage],
    ['assets/fonts.css', fonts.css],
    ...stylesheets(),
    ['assets/favicon.svg', favicon()],
    ['assets/charts.js', { copy: join(TEMPLATES, 'charts.js') }],
    [SHARE_PAGE, renderSocial(socialTemplate, meta, { format: SHARE_FORMATS[0]!.name, chart: shareChart, figure: figures[0], emojiFonts: emoji?.css })],
    ...[...fonts.files, ...(emoji?.files ?? [])].map(([source, target]) => [`assets/${target}`, { copy: source }] as const),
    ...charts.map((chart) => [`charts/${chart.id}.svg`, chart.file] as const),
    ...charts.map((chart) => [`charts/${chart.id}.html`, renderEmbed(embedTemplate, meta, chart)] as const),
    ...images,
    // Each chart's data is published beside the page, where its table links to it.
    ...charts.flatMap((chart) => (chart.data ? [[chart.data.url, { copy: chart.data.path }] as const] : [])),
  ]);
  const printOnly = [PRINT_PAGE, SHARE_PAGE, 'assets/social.css', ...[...(emoji?.files.values() ?? [])].map((target) => `assets/${target}`)];
  return { article, files, meta, frontMatterLine: parsed.frontMatterLine, charts, fenceLine, numbers, body, printTree, outputs, printOnly };
}
