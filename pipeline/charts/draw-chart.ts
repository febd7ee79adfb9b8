// Drawing a chart: vega-lite compiles the spec, vega renders it to SVG. Loaded only when a
// chart has to be drawn (not when it comes from the cache): these are the heaviest modules.

import type { Element, ElementContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { type DataLoader, readChartData } from '../data/load-chart-data.js';
import { language } from '../language/languages.js';
import { typesetString } from '../language/typeset-text.js';
import { addError } from '../problems/problems.js';
import { chartLocale } from './chart-theme.js';
import { checkSpec } from './check-spec.js';
import { compactPaths, compactSvg } from './compact-svg.js';
import { describeChart } from './describe-chart.js';
import { type Drawing, drawView } from './draw-view.js';
import { embeddedFonts } from './embed-fonts.js';
import { type Fence, fencePlace } from './fence-place.js';
import { repoint, resolveImages } from './image-marks.js';
import { makeSvgAccessible, valueNames } from './make-svg-accessible.js';
import { aslantLabels, hasOnePlot, isMap, PHONE_VIEW_WIDTH, phoneOption, phoneSpec, readableSpec } from './phone-spec.js';
import { COLUMN_WIDTH, PHONE_LABEL_ROOM, PHONE_WIDTH } from './sizes.js';
import type { ChartContext, DrawnChart } from './types.js';
import { typesetTitles } from './typeset-titles.js';
import { validateSpec } from './validate-spec.js';
import { chartWarnings } from './vega-warnings.js';
import { wrapLabels } from './wrap-labels.js';

type DrawingContext = Pick<ChartContext, 'article' | 'contentDir' | 'lang'>;

/** The narrowest a view of several is drawn on a phone to fit it: a plot narrower than this reads worse than one that scrolls. */
const MIN_VIEW_WIDTH = 120;
/**
 * Checks a spec against vega-lite's rules and schema (its mistakes told at their place in the
 * fence), then draws it when it passes and `draw` (its data is sound).
 */
export async function checkAndDrawChart(
  spec: Record<string, unknown>,
  chart: Fence,
  context: DrawingContext,
  loader: DataLoader,
  draw: boolean,
): Promise<DrawnChart | undefined> {
  const mistakes = checkSpec(chart.body, spec);
  if (mistakes.length === 0) mistakes.push(...[validateSpec(chart.body, spec)].filter((mistake) => mistake !== undefined));
  for (const mistake of mistakes) addError(context.article, `chart "${chart.id}": ${mistake.reason}`, fencePlace(chart, mistake.offset), 'chart-spec');
  return mistakes.length === 0 && draw ? drawChart(spec, chart, context, loader) : undefined;
}

/** Draws a checked spec, at the column's width and at a phone's; a failed chart is undefined. */
export async function drawChart(
  asWritten: Record<string, unknown>,
  chart: Fence,
  context: DrawingContext,
  loader: DataLoader,
): Promise<DrawnChart | undefined> {
  const { article } = context;
  const spec = typesetTitles(asWritten, context.lang);
  const at = { line: chart.line, column: 1 };
  const failed = ({ problems, code, error }: Extract<Drawing, { problems: unknown }>, what = '') => {
    for (const problem of problems) addError(article, `chart "${chart.id}": ${what}${problem}`, at, code, error);
    return undefined;
  };
  const options = { loader, locale: chartLocale(context.lang) };
  const onePlot = hasOnePlot(spec);
  const leftToBuild = spec.width === undefined || spec.width === 'container';
  const columnSpec = readableSpec(onePlot && leftToBuild ? { ...spec, width: COLUMN_WIDTH - 100 } : spec);
  const columnOptions = { ...options, fitTo: COLUMN_WIDTH, onlyShrink: !(onePlot && leftToBuild) };
  let column = await drawView(columnSpec, columnOptions);
  // Category labels cut with "…" are written on lines instead.
  if (!('problems' in column) && column.cut.length > 0) column = await drawView(wrapLabels(columnSpec, column.cut), columnOptions);
  if ('problems' in column) return failed(column);
  const warned = [...column.warnings];

  // A phone gets its own drawing, unless the column's already fits it or the author said no.
  const option = phoneOption(spec);
  let phone: Drawing | undefined;
  if (option.draw && (column.width > PHONE_WIDTH || option.overrides)) {
    const aspect = isMap(spec) ? column.plot.height / Math.max(1, column.plot.width) : undefined;
    const guess = PHONE_WIDTH - 60;
    // A map keeps its shape; a plot of set height loses some of it, never more than 40 %.
    const height = aspect
      ? Math.round(guess * aspect)
      : typeof spec.height === 'number'
        ? Math.round(spec.height * Math.max(0.6, Math.min(1, guess / column.plot.width)))
        : undefined;
    const sized = onePlot ? { ...spec, width: guess, ...(height ? { height } : {}) } : spec;
    const phoneOptions = { ...options, stackLegends: true, ...(onePlot ? { fitTo: PHONE_WIDTH, aspect } : {}) };
    phone = await drawView(phoneSpec(sized, option.overrides), phoneOptions);
    // Category labels that run into each other on a phone are set aslant; those cut with "…", on lines.
    let tidy = sized;
    if (!('problems' in phone) && (phone.crowded || phone.cut.length > 0)) {
      tidy = wrapLabels(phone.crowded ? aslantLabels(sized) : sized, phone.cut, PHONE_LABEL_ROOM);
      phone = await drawView(phoneSpec(tidy, option.overrides), phoneOptions);
    }
    // Views of several still wider than a phone, by their axes' labels: each narrower by as much.
    const overflow = !onePlot && !('problems' in phone) ? phone.width - PHONE_WIDTH : 0;
    if (overflow > 0) phone = await drawView(phoneSpec(tidy, option.overrides, Math.max(MIN_VIEW_WIDTH, PHONE_VIEW_WIDTH - overflow)), phoneOptions);
    if ('problems' in phone) return failed(phone, 'its phone drawing: ');
    warned.push(...phone.warnings);
  }

  const title = readTitle(spec) ?? fallbackTitle(chart.index, context.lang);
  const data = await readChartData(spec, context.contentDir, loader);
  const written = typeof spec.description === 'string' && spec.description.trim() ? spec.description.trim() : undefined;
  const generated = data ? describeChart(spec, data.rows, context.lang, written) : undefined;
  // Typeset once here: the caption, the SVG's <desc> and og:image:alt must read the same.
  const description = typesetString([generated, written].filter(Boolean).join(' '), context.lang) || undefined;
  // Image marks show files of the content folder, published in assets/.
  const images = resolveImages([...new Set([...column.images, ...(phone && !('problems' in phone) ? phone.images : [])])], context.contentDir);
  for (const problem of images.problems) addError(article, `chart "${chart.id}": ${problem}`, at, 'chart-image');
  if (images.problems.length > 0) return undefined;
  const names = valueNames(spec);
  const svg = repoint(makeSvgAccessible(compactPaths(column.svg), chart.id, title, description, names), { files: images.paths });
  compactSvg(svg);
  const phoneSvg =
    phone && !('problems' in phone)
      ? repoint(makeSvgAccessible(compactPaths(phone.svg), `${chart.id}-phone`, title, description, names), { files: images.paths })
      : undefined;
  if (phoneSvg) compactSvg(phoneSvg);
  // The standalone file carries the glyphs it draws: a graphics desk may not have the report's font.
  const faces = await embeddedFonts(svg);
  const style: Element = { type: 'element', tagName: 'style', properties: {}, children: [{ type: 'text', value: faces }] };
  const [head, rest] = [svg.children.filter(isHead), svg.children.filter((child) => !isHead(child))];
  // The standalone file lives in charts/: its images, and the pages its marks link to, are one folder up.
  const standalone = repoint(faces ? { ...svg, children: [...head, style, ...rest] } : svg, { base: '../' });
  const file = `<?xml version="1.0" encoding="UTF-8"?>\n${toHtml(standalone, { space: 'svg', closeEmptyElements: true })}\n`;
  return {
    chart: { id: chart.id, index: chart.index, title, description, data, svg, phone: phoneSvg, file, images: images.images },
    untitled: readTitle(spec) === undefined,
    warnings: chartWarnings(warned),
  };
}

/** The SVG's <title> and <desc>, which stay its first children. */
function isHead(node: ElementContent): boolean {
  return node.type === 'element' && (node.tagName === 'title' || node.tagName === 'desc');
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
