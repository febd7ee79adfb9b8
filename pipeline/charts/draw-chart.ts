// Drawing a chart: vega-lite compiles the spec, vega renders it to SVG. Loaded only when a
// chart has to be drawn (not when it comes from the cache): these are the heaviest modules.

import { toHtml } from 'hast-util-to-html';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import type { ChartSource } from '../article/parse-article.js';
import { type DataLoader, readChartData } from '../data/load-chart-data.js';
import { language } from '../language/languages.js';
import { typesetString } from '../language/typeset-text.js';
import { firstLine } from '../problems/errors.js';
import { addError } from '../problems/problems.js';
import { chartConfig, chartLocale } from './chart-theme.js';
import { compactSvg } from './compact-svg.js';
import { describeChart } from './describe-chart.js';
import { makeSvgAccessible } from './make-svg-accessible.js';
import { measureTextWidth } from './measure-text.js';
import type { ChartContext, DrawnChart } from './types.js';

export { checkSpec } from './check-spec.js';
export { validateSpec } from './validate-spec.js';

// Lay text out with the report's real font metrics (vega would guess without a canvas).
(vega as unknown as { textMetrics: { width: typeof measureTextWidth } }).textMetrics.width = measureTextWidth;

/** Draws a checked spec; problems are recorded on the article, and a failed chart is undefined. */
export async function drawChart(spec: Record<string, unknown>, chart: ChartSource, context: ChartContext, loader: DataLoader): Promise<DrawnChart | undefined> {
  const { article } = context;
  const at = { line: chart.line, column: 1 };
  const locale = chartLocale(context.lang);
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
  const data = await readChartData(spec, context.contentDir, loader);
  const generated = data ? describeChart(spec, data.rows, context.lang) : undefined;
  const written = typeof spec.description === 'string' && spec.description.trim() ? spec.description.trim() : undefined;
  // Typeset once here: the caption, the SVG's <desc> and og:image:alt must read the same.
  const description = typesetString([generated, written].filter(Boolean).join(' '), context.lang) || undefined;
  const svg = makeSvgAccessible(svgText, chart.id, title, description);
  compactSvg(svg);
  const file = `<?xml version="1.0" encoding="UTF-8"?>\n${toHtml(svg, { space: 'svg', closeEmptyElements: true })}\n`;
  return { chart: { id: chart.id, index: chart.index, title, description, data, svg, file }, untitled: readTitle(spec) === undefined };
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
  return `${language(lang).chart} ${index}`;
}
