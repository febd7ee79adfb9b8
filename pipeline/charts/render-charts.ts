// Every chart of the article rendered once: its spec and data checked, then taken from the cache or
// drawn.
import type { VFile } from 'vfile';
import type { ChartSource } from '../article/parse-article.js';
import { checkCsv } from '../data/check-csv.js';
import { checkJson } from '../data/check-json.js';
import {
  type ChartData,
  collectDataUrls,
  collectQuantitativeFields,
  createDataLoader,
  type DataLoader,
  dataFormat,
  resolveContentUrl,
} from '../data/load-chart-data.js';
import { addError, addWarning, type Place } from '../problems/problems.js';
import { cacheKey } from './chart-cache.js';
import { chartDrawer } from './chart-drawer.js';
import { fencePlace } from './fence-place.js';
import type { ChartContext, ChartDrawer, DrawnChart, RenderedChart } from './types.js';

/** Renders every chart; problems are recorded on the files, failed charts are left out. */
export async function renderCharts(charts: readonly ChartSource[], context: ChartContext): Promise<RenderedChart[]> {
  const loader = context.loader ?? createDataLoader(context.contentDir, context.lang);
  // vega works in a thread of its own, started only for a chart to draw (not one from the cache).
  const drawer = context.drawer ?? chartDrawer();
  // One after the other: vega numbers clip paths and gradients with a global counter, and
  // resetting it per chart keeps the SVG of a chart the same from build to build.
  const rendered: RenderedChart[] = [];
  try {
    for (const chart of charts) {
      const result = await renderChart(chart, context, loader, drawer);
      if (result) rendered.push(result);
    }
  } finally {
    if (!context.drawer) await drawer.close();
  }
  return rendered;
}

async function renderChart(chart: ChartSource, context: ChartContext, loader: DataLoader, drawer: ChartDrawer): Promise<RenderedChart | undefined> {
  const { article } = context;
  const at = { line: chart.line, column: 1 };
  const spec = parseSpec(chart, article);
  if (!spec) return undefined;

  // The data is checked even under a broken spec, so that all problems come in one build.
  const dataIsSound = await checkData(spec, chart, context, loader);
  // A chart drawn before from the same fence and data (and the same code) is not drawn again.
  const key = dataIsSound && context.cache ? await cacheKey(spec, chart, context, loader) : undefined;
  const cached = key ? await context.cache!.get(key) : undefined;
  if (cached) {
    warn(cached, article, at);
    return { ...cached.chart, data: here(cached.chart.data, context.contentDir), svg: structuredClone(cached.chart.svg) };
  }

  // The spec is checked against vega-lite's rules and schema, then drawn if it and its data pass.
  const drawn = await drawer.draw(spec, chart, dataIsSound, context);
  if (!drawn) return undefined;
  warn(drawn, article, at);
  if (key) await context.cache!.set(key, { ...drawn, chart: { ...drawn.chart, svg: structuredClone(drawn.chart.svg) } });
  return drawn.chart;
}

/** A cached chart's data file, found in this content folder: the entry may have been drawn from a copy of it elsewhere. */
function here(data: ChartData | undefined, contentDir: string): ChartData | undefined {
  const resolved = data && resolveContentUrl(data.url, contentDir, 'chart data');
  return data && resolved?.ok ? { ...data, path: resolved.path } : undefined;
}

/** What a chart's drawing warned of, told at its fence whether it was drawn now or comes from the cache. */
function warn({ chart, untitled, warnings }: DrawnChart, article: VFile, at: Place): void {
  if (untitled) addWarning(article, `chart "${chart.id}" has no title: readers of the page hear "${chart.title}"`, at, 'chart-title');
  for (const { reason, detail } of warnings) addWarning(article, `chart "${chart.id}": ${reason}`, at, 'chart-warning', detail);
}

function parseSpec(chart: ChartSource, article: VFile): Record<string, unknown> | undefined {
  let spec: unknown;
  try {
    spec = JSON.parse(chart.body);
  } catch (error) {
    const message = (error as Error).message;
    const position = /at position (\d+)/.exec(message);
    const place = position ? fencePlace(chart, Number(position[1])) : { line: chart.line + 1, column: 1 };
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

/** Checks every data file a chart reads before vega does: vega only warns when a load fails. */
async function checkData(spec: unknown, chart: ChartSource, context: ChartContext, loader: DataLoader): Promise<boolean> {
  let ok = true;
  const quantitative = collectQuantitativeFields(spec);
  for (const url of collectDataUrls(spec)) {
    const resolved = resolveContentUrl(url, context.contentDir, 'chart data');
    if (!resolved.ok) {
      // At the url's own line, but a missing file at the chart's (as the contract has it).
      const offset = chart.body.indexOf(JSON.stringify(url));
      const place = offset >= 0 && !resolved.reason.includes('not found') ? fencePlace(chart, offset) : { line: chart.line, column: 1 };
      addError(context.article, `chart "${chart.id}": ${resolved.reason}`, place, 'chart-data');
      ok = false;
      continue;
    }
    if (/\.(csv|json)$/i.test(url) && !url.startsWith('world-atlas:')) {
      const file = context.dataFile(url);
      const before = file.messages.length;
      const text = await loader.file(resolved.path);
      if (/\.csv$/i.test(url)) checkCsv(text, file, quantitative, context.lang);
      else checkJson(text, file, quantitative, dataFormat(spec, url));
      if (file.messages.slice(before).some((message) => message.fatal)) ok = false;
    }
  }
  return ok;
}
