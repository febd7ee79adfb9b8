// A chart as a figure: its drawings for the column and for a phone, its sentence, its data and, on
// the article's page, the code that embeds it elsewhere.
import type { Element, ElementContent } from 'hast';
import { h } from 'hastscript';
import { repoint } from '../charts/image-marks.js';
import { PHONE_WIDTH } from '../charts/sizes.js';
import type { ChartData, RenderedChart } from '../charts/types.js';
import { numberIn } from '../data/read-table.js';
import { formatNumber, type Strings } from '../language/localize.js';
import { typesetString } from '../language/typeset-text.js';
import { publishedUrl } from './published-url.js';
import { scrollBox } from './scroll-box.js';

/** The widest column a page shows a chart in: a drawing this wide or less is shown at its size from there. */
export const COLUMN_CSS_WIDTH = 640;
/** Drawings switch from the phone's to the column's in steps of this many px of the figure's width. */
export const BREAKPOINT_STEP = 20;

export type FigureOptions = Readonly<{
  strings: Strings;
  lang: string;
  /** What the figure's links to the output folder's files start with: "" on the page, "../" in charts/. */
  base: string;
  /** On the article's page: the code that embeds the chart's own page, at the page's `url` when there is one. */
  embed?: Readonly<{ url: string | undefined }>;
}>;

/** The chart's figure: drawings, then a caption with its sentence, its data and the embedding code. */
export function chartFigure(chart: RenderedChart, options: FigureOptions): Element {
  const { strings, lang, base } = options;
  const caption: ElementContent[] = [];
  if (chart.description) caption.push(h('p.chart-description', chart.description));
  if (chart.data) caption.push(dataTable(chart.data, typesetString(`${strings.chartData}: ${chart.title}`, lang), strings, lang, base));
  if (options.embed) caption.push(embedCode(chart, options.embed.url, strings));
  const children: ElementContent[] = [drawings(chart, base)];
  if (caption.length > 0) children.push(h('figcaption', caption));
  return h('figure.chart', { id: `chart-${chart.id}` }, children);
}

/**
 * The column's drawing, and the phone's when there is one: the page's stylesheet shows the
 * column's once the figure is as wide as it (`wide-from-N`), so that its text is never drawn
 * smaller than it was set. The other is not displayed, and screen readers do not meet it.
 */
function drawings(chart: RenderedChart, base: string): Element {
  // Image marks and relative mark links lead from the page; from another folder (a chart's own
  // page, framed by another site), to the same files, and the links open in the framing page.
  const placed = (svg: Element) => (base ? repoint(svg, { base, target: '_top' }) : svg);
  const column = withClass(placed(chart.svg), 'chart-column');
  if (!chart.phone) return h('div.chart-drawings', [column]);
  const width = Number(column.properties.width);
  const from = Math.ceil(width / BREAKPOINT_STEP) * BREAKPOINT_STEP;
  const breakpoint = from <= COLUMN_CSS_WIDTH ? `wide-from-${from}` : 'wide-never';
  const phone = withClass(placed(chart.phone), 'chart-phone');
  // A drawing of several views that stays wider than a phone keeps its size, and scrolls in its box.
  if (Number(phone.properties.width) > PHONE_WIDTH + 10) {
    return h('div.chart-drawings.has-phone.scrolls', { className: [breakpoint], tabIndex: 0, role: 'group', ariaLabel: chart.title }, [column, phone]);
  }
  return h('div.chart-drawings.has-phone', { className: [breakpoint] }, [column, phone]);
}

/** The drawing with a class of its own; its marks are shared, never changed after drawing (typesetting skips SVG). */
function withClass(svg: Element, name: string): Element {
  return { ...svg, properties: { ...svg.properties, className: [...[svg.properties.className ?? []].flat().map(String), name] } };
}

/**
 * The code a desk pastes into another page: an iframe of the chart's own page, and a
 * listener that gives the frame the height the page posts (Datawrapper's message).
 */
const LISTENER =
  'window.addEventListener("message",function(e){var d=e.data&&e.data["datawrapper-height"];if(!d)return;' +
  'document.querySelectorAll("iframe").forEach(function(f){if(f.contentWindow===e.source)for(var k in d)f.style.height=d[k]+"px"})});';

function embedCode(chart: RenderedChart, url: string | undefined, strings: Strings): Element {
  const drawing = chart.phone ?? chart.svg;
  const drawn = Number(drawing.properties.height);
  const height = Math.round((Number.isFinite(drawn) ? drawn : 300) + 140);
  const src = publishedUrl(url, `charts/${chart.id}.html`);
  const title = chart.title.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  const code = `<iframe src="${src}" title="${title}" style="width:100%;border:0" height="${height}" scrolling="no" loading="lazy"></iframe>\n<script>${LISTENER}</script>`;
  return h('details.chart-embed', [h('summary', strings.embedChart), h('p', strings.embedHelp), h('pre', h('code', code))]);
}

/** The rows behind a chart, for readers who want the numbers, and a link to the file. */
const MAX_ROWS = 100;

function dataTable(data: ChartData, label: string, strings: Strings, lang: string, base: string): Element {
  const numeric = data.columns.filter((column) => data.rows.every((row) => row[column] === '' || numberIn(row[column]) !== undefined));
  const cell = (column: string, value: unknown) => {
    const number = numeric.includes(column) ? numberIn(value) : undefined;
    return h(
      'td',
      numeric.includes(column) ? { className: ['number'] } : {},
      number === undefined ? String(value ?? '') : formatNumber(number, lang, { maximumFractionDigits: 6 }),
    );
  };
  const shown = data.rows.slice(0, MAX_ROWS);
  const name = data.url.split('/').at(-1)!;
  const head = h(
    'tr',
    data.columns.map((column) => h('th', { scope: 'col', className: numeric.includes(column) ? ['number'] : [] }, column)),
  );
  const body = shown.map((row) =>
    h(
      'tr',
      data.columns.map((column) => cell(column, row[column])),
    ),
  );
  return h('details.chart-data', [
    h('summary', strings.chartData),
    scrollBox(h('table', [h('thead', head), h('tbody', body)]), label),
    h('p.chart-data-link', [
      h('a', { href: `${base}${data.url}`, download: '' }, `${strings.downloadData} (${name})`),
      data.rows.length > shown.length ? ` · ${shown.length}/${data.rows.length} ${strings.rowsShown}` : '',
    ]),
  ]);
}
