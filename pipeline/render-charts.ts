import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Element } from 'hast';
import { toHtml } from 'hast-util-to-html';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import type { VFile } from 'vfile';
import { chartConfig, chartLocale } from './chart-theme.js';
import { checkCsv } from './check-csv.js';
import { checkSpec, validateSpec } from './check-spec.js';
import { collectDataUrls, collectQuantitativeFields, createDataLoader, readChartData, resolveContentUrl, type ChartData, type DataLoader } from './load-chart-data.js';
import { compactSvg } from './compact-svg.js';
import { describeChart } from './describe-chart.js';
import { makeSvgAccessible } from './make-svg-accessible.js';
import { measureTextWidth } from './measure-text.js';
import type { ChartSource } from './parse-article.js';
import { addError, addWarning } from './problems.js';
import { typesetString } from './typeset-text.js';

export type RenderedChart = Readonly<{
  id: string;
  index: number;
  /** The chart's accessible name: its title, else a localized "Chart N". */
  title: string;
  /**
   * What the chart shows: a sentence computed from its data, then the spec's own
   * `description`. The caption, the SVG's <desc> and the share image's alt text.
   */
  description: string | undefined;
  /** The chart's own data file, shown as a table under the chart and published with the page. */
  data: ChartData | undefined;
  /** The chart as a hast `<svg role="img">`, ready to be placed in a page. */
  svg: Element;
  /** The same chart as a standalone SVG file. */
  file: string;
}>;

export type { ChartData };

/**
 * Charts already rendered, by a hash of everything that makes them (the fence, its id and
 * place, the language, the bytes of every data file): a dev server keeps one between builds.
 */
export type ChartCache = Map<string, Readonly<{ chart: RenderedChart; untitled: boolean }>>;

export type ChartContext = Readonly<{
  cache?: ChartCache;
  contentDir: string;
  lang: string;
  /** article.md: chart problems are reported at the fence's lines. */
  article: VFile;
  /** Data files that charts read get their own VFile, so CSV problems name the CSV. */
  dataFile: (url: string) => VFile;
}>;

// Lay text out with the report's real font metrics (vega would guess without a canvas).
(vega as unknown as { textMetrics: { width: typeof measureTextWidth } }).textMetrics.width = measureTextWidth;

/** Renders every chart; problems are recorded on the files, failed charts are left out. */
export async function renderCharts(charts: readonly ChartSource[], context: ChartContext): Promise<RenderedChart[]> {
  const loader = createDataLoader(context.contentDir);
  const locale = chartLocale(context.lang);
  // One after the other: vega numbers clip paths and gradients with a global counter, and
  // resetting it per chart keeps the SVG of a chart the same from build to build.
  const rendered: RenderedChart[] = [];
  for (const chart of charts) {
    const result = await renderChart(chart, context, loader, locale);
    if (result) rendered.push(result);
  }
  return rendered;
}

async function renderChart(
  chart: ChartSource,
  context: ChartContext,
  loader: DataLoader,
  locale: ReturnType<typeof chartLocale>,
): Promise<RenderedChart | undefined> {
  const { article } = context;
  const at = { line: chart.line, column: 1 };
  const spec = parseSpec(chart, article);
  if (!spec) return undefined;

  const mistakes = checkSpec(chart.body, spec);
  if (mistakes.length === 0) mistakes.push(...[validateSpec(chart.body, spec)].filter((mistake) => mistake !== undefined));
  for (const mistake of mistakes) addError(article, `chart "${chart.id}": ${mistake.reason}`, offsetToPlace(chart, mistake.offset), 'chart-spec');
  // The data is checked even under a broken spec, so that all problems come in one build.
  const dataIsSound = await checkData(spec, chart, context, loader);
  if (mistakes.length > 0 || !dataIsSound) return undefined;

  const key = context.cache && (await cacheKey(spec, chart, context));
  const cached = key ? context.cache!.get(key) : undefined;
  if (cached) {
    if (cached.untitled) addWarning(article, `chart "${chart.id}" has no title: readers of the page hear "${cached.chart.title}"`, at, 'chart-title');
    return { ...cached.chart, svg: structuredClone(cached.chart.svg) };
  }

  let runtime: vega.Runtime;
  try {
    const vegaSpec = compile(spec as unknown as TopLevelSpec, { config: chartConfig }).spec as vega.Spec;
    runtime = vega.parse(vegaSpec); // throws on an expression that calls an unknown function
  } catch (error) {
    addError(article, `chart "${chart.id}": invalid Vega-Lite spec: ${firstLine(error)}`, at, 'chart-spec', error);
    return undefined;
  }

  const problems: string[] = [];
  const view = new vega.View(runtime, {
    renderer: 'none',
    loader: loader as unknown as vega.Loader,
    logger: collectingLogger(problems),
    logLevel: vega.Warn,
    locale,
  } as unknown as vega.ViewOptions);
  let svgText: string;
  try {
    await view.runAsync();
    vega.resetSVGDefIds();
    svgText = await view.toSVG();
  } catch (error) {
    addError(article, `chart "${chart.id}": ${firstLine(error)}`, at, 'chart-render', error);
    return undefined;
  } finally {
    view.finalize();
  }
  for (const problem of problems) addError(article, `chart "${chart.id}": ${problem}`, at, 'chart-render');
  if (problems.length > 0) return undefined;

  const title = readTitle(spec) ?? fallbackTitle(chart.index, context.lang);
  if (readTitle(spec) === undefined) {
    addWarning(article, `chart "${chart.id}" has no title: readers of the page hear "${title}"`, at, 'chart-title');
  }
  const data = await readChartData(spec, context.contentDir, loader);
  const generated = data ? describeChart(spec, data.rows, context.lang) : undefined;
  const written = typeof spec.description === 'string' && spec.description.trim() ? spec.description.trim() : undefined;
  // Typeset once here: the caption, the SVG's <desc> and og:image:alt must read the same.
  const description = typesetString([generated, written].filter(Boolean).join(' '), context.lang) || undefined;
  const svg = makeSvgAccessible(svgText, chart.id, title, description);
  compactSvg(svg);
  const file = `<?xml version="1.0" encoding="UTF-8"?>\n${toHtml(svg, { space: 'svg', closeEmptyElements: true })}\n`;
  const rendered = { id: chart.id, index: chart.index, title, description, data, svg, file };
  if (key) context.cache!.set(key, { chart: { ...rendered, svg: structuredClone(svg) }, untitled: readTitle(spec) === undefined });
  return rendered;
}

async function cacheKey(spec: unknown, chart: ChartSource, context: ChartContext): Promise<string> {
  const hash = createHash('sha256').update(JSON.stringify([chart.id, chart.index, context.lang, chart.body]));
  for (const url of collectDataUrls(spec).sort()) {
    const resolved = resolveContentUrl(url, context.contentDir, 'chart data');
    hash.update('\0').update(url).update('\0');
    if (resolved.ok) hash.update(await readFile(resolved.path).catch(() => Buffer.from('missing')));
  }
  return hash.digest('hex');
}

function parseSpec(chart: ChartSource, article: VFile): Record<string, unknown> | undefined {
  let spec: unknown;
  try {
    spec = JSON.parse(chart.body);
  } catch (error) {
    const message = (error as Error).message;
    const position = /at position (\d+)/.exec(message);
    const place = position ? offsetToPlace(chart, Number(position[1])) : { line: chart.line + 1, column: 1 };
    const reason = message.replace(/ in JSON at position \d+.*$/, '').replace(/^JSON\.parse: /, '');
    addError(article, `chart "${chart.id}": invalid JSON: ${reason}`, place, 'chart-json');
    return undefined;
  }
  if (typeof spec !== 'object' || spec === null || Array.isArray(spec)) {
    addError(article, `chart "${chart.id}": the fence must hold a JSON object (a Vega-Lite spec)`, { line: chart.line, column: 1 }, 'chart-json');
    return undefined;
  }
  return spec as Record<string, unknown>;
}

/** The line and column in article.md of an offset into the fence body. */
function offsetToPlace(chart: ChartSource, offset: number): { line: number; column: number } {
  const before = chart.body.slice(0, offset).split('\n');
  return { line: chart.line + before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}

/** Checks every data file a chart reads before vega does: vega only warns when a load fails. */
async function checkData(spec: unknown, chart: ChartSource, context: ChartContext, loader: DataLoader): Promise<boolean> {
  let ok = true;
  const quantitative = collectQuantitativeFields(spec);
  for (const url of collectDataUrls(spec)) {
    const resolved = resolveContentUrl(url, context.contentDir, 'chart data');
    if (!resolved.ok) {
      addError(context.article, `chart "${chart.id}": ${resolved.reason}`, { line: chart.line, column: 1 }, 'chart-data');
      ok = false;
      continue;
    }
    if (/\.csv$/i.test(url)) {
      const file = context.dataFile(url);
      const before = file.messages.length;
      checkCsv(await loader.file(resolved.path), file, quantitative);
      if (file.messages.slice(before).some((message) => message.fatal)) ok = false;
    }
  }
  return ok;
}

function collectingLogger(problems: string[]) {
  let level = vega.Warn;
  const logger = {
    level(value?: number) {
      if (value === undefined) return level;
      level = value;
      return logger;
    },
    error(...args: unknown[]) {
      problems.push(args.map(String).join(' '));
      return logger;
    },
    warn(...args: unknown[]) {
      problems.push(args.map(String).join(' '));
      return logger;
    },
    info() {
      return logger;
    },
    debug() {
      return logger;
    },
  };
  return logger;
}

function readTitle(spec: Record<string, unknown>): string | undefined {
  const title = spec.title;
  const text = typeof title === 'object' && title !== null && !Array.isArray(title) ? (title as { text?: unknown }).text : title;
  if (typeof text === 'string' && text.trim()) return text.trim();
  if (Array.isArray(text) && text.length > 0) return text.map(String).join(' ');
  return undefined;
}

function fallbackTitle(index: number, lang: string): string {
  const word = lang.startsWith('fr') ? 'Graphique' : lang.startsWith('de') ? 'Grafik' : 'Chart';
  return `${word} ${index}`;
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const line = message.split('\n')[0] ?? message;
  return line.length > 300 ? `${line.slice(0, 300)}…` : line;
}
