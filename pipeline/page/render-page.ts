// The page and share templates filled (Mustache): metadata, cover, key figures and body.
import type { Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import Mustache from 'mustache';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import type { FrontMatter } from '../article/read-front-matter.js';
import type { RenderedChart } from '../charts/types.js';
import type { KeyFigure } from '../data/compute-key-figures.js';
import { formatDate, localStrings, ogLocale } from '../language/localize.js';
import { rehypeTypeset, typesetString } from '../language/typeset-text.js';
import { chartFigure } from './chart-figure.js';
import { publishedUrl } from './published-url.js';
import { readableOn, SHARE_FORMATS, shareDrawing, shareGeometry } from './share-cards.js';
import { updatesView } from './updates-view.js';

/**
 * Fills the page template. Mustache escapes every value; the only raw insertions are the
 * sanitized body, the print labels, which are made CSS-safe here, and the emoji's font rules
 * (collect-fonts' emojiFonts, for the print page).
 */
export function renderPage(
  template: string,
  meta: FrontMatter,
  body: Root,
  extras: Readonly<{ figures?: readonly KeyFigure[]; imageAlt?: string; emojiFonts?: string }> = {},
): string {
  const strings = localStrings(meta.lang);
  const figures = extras.figures ?? [];
  const ogImage = publishedUrl(meta.url, 'social.png');
  const updates = updatesView(meta);
  return Mustache.render(template, {
    ...meta,
    ...updates,
    hasUpdates: updates !== undefined,
    shown: shown(meta),
    strings,
    canonical: meta.url,
    ogImage,
    imageAlt: extras.imageAlt ?? meta.description,
    emojiFonts: extras.emojiFonts,
    jsonLd: jsonLd(meta, ogImage, updates?.modified),
    ogLocale: ogLocale(meta.lang),
    dateText: formatDate(meta.date, meta.lang),
    // The numbers side by side first, then each phrase on its row: no number left alone between two rows.
    figures: figures.map((figure) => ({ ...figure, isLong: [...figure.value].length > LONG_FIGURE })).sort((a, b) => Number(a.isLong) - Number(b.isLong)),
    hasFigures: figures.length > 0,
    body: unified().use(rehypeStringify).stringify(body),
    printLabels: printLabels(meta, strings.page, strings.of, updates?.updateLine),
  });
}

/** A key figure longer than this many characters is a phrase: it gets a row of its own, set smaller. */
const LONG_FIGURE = 14;

/**
 * A share image's page, wide or square: the date, the title, the first key figure (else
 * the description) and a chart, in each format where it can be read in a feed (see
 * share-cards.ts).
 */
export function renderSocial(
  template: string,
  meta: FrontMatter,
  parts: Readonly<{ format: 'wide' | 'square'; chart: RenderedChart | undefined; figure: KeyFigure | undefined; emojiFonts?: string }>,
): string {
  const drawing = shareDrawing(parts.chart);
  const chartIn = drawing ? SHARE_FORMATS.filter((format) => readableOn(drawing, format)).map((format) => `chart-${format.name}`) : [];
  return Mustache.render(template, {
    ...meta,
    shown: shown(meta),
    format: parts.format,
    dateText: formatDate(meta.date, meta.lang),
    updateLine: updatesView(meta)?.updateLine,
    figure: parts.figure,
    chartIn: chartIn.join(' '),
    hasChart: chartIn.length > 0,
    chart: drawing && chartIn.length > 0 ? toHtml(drawing) : '',
    geometry: shareGeometry(),
    emojiFonts: parts.emojiFonts,
  });
}

/** Whether the wide share image, the one of og:image, shows the chart. */
export function sharesChart(chart: RenderedChart | undefined): boolean {
  const drawing = shareDrawing(chart);
  return drawing !== undefined && readableOn(drawing, SHARE_FORMATS[0]!);
}

/** A chart's own page, for other sites to frame: the figure, and where it comes from. */
export function renderEmbed(template: string, meta: FrontMatter, chart: RenderedChart): string {
  const strings = localStrings(meta.lang);
  const figure = { type: 'root', children: [chartFigure(chart, { strings, lang: meta.lang, base: '../' })] } as Root;
  return Mustache.render(template, {
    ...meta,
    strings,
    chartId: chart.id,
    chartTitle: chart.title,
    chartDescription: chart.description ?? meta.description,
    canonical: meta.url ? publishedUrl(meta.url, `charts/${chart.id}.html`) : undefined,
    dateText: formatDate(meta.date, meta.lang),
    figure: toHtml(unified().use(rehypeTypeset, { lang: meta.lang }).runSync(figure) as Root),
  });
}

/**
 * The title, subtitle and description as they are set on the cover and the share images, in the
 * language's typography (curly apostrophes, dashes); the metadata keep them exactly as written.
 */
function shown(meta: FrontMatter): Readonly<{ title: string; subtitle?: string; description: string }> {
  const typeset = (text: string) => typesetString(text, meta.lang);
  return { title: typeset(meta.title), subtitle: meta.subtitle && typeset(meta.subtitle), description: typeset(meta.description) };
}

/** schema.org NewsArticle, for search engines; made safe to sit inside a <script> element. */
function jsonLd(meta: FrontMatter, image: string, modified: string | undefined): string {
  const article = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: meta.title,
    description: meta.description,
    datePublished: meta.date,
    ...(modified ? { dateModified: modified } : {}),
    inLanguage: meta.lang,
    image: [image],
    ...(meta.author ? { author: [{ '@type': 'Person', name: meta.author }] } : {}),
    ...(meta.url ? { mainEntityOfPage: meta.url, url: meta.url } : {}),
    ...(meta.keywords?.length ? { keywords: meta.keywords.join(', ') } : {}),
  };
  return JSON.stringify(article).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}

/** Running header and footer of the PDF, in the article's language: the footer dates the latest change. */
function printLabels(meta: FrontMatter, page: string, of: string, updateLine: string | undefined): string {
  const date = cssString(updateLine ?? formatDate(meta.date, meta.lang));
  return [
    `@page { @top-left { content: ${cssString(typesetString(meta.short_title ?? shorten(meta.title, 85), meta.lang))}; } @bottom-left { content: ${date}; }`,
    ` @bottom-right { content: ${cssString(`${page} `)} counter(page) ${cssString(` ${of} `)} counter(pages); } }`,
    // The first page carries the title in full: no running header there.
    ' @page :first { @top-left { content: ""; } }',
  ].join('');
}

/** `text` cut at the last word that fits in `max` characters, with an ellipsis. */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const atWord = cut.slice(0, Math.max(cut.lastIndexOf(' '), max / 2)).replace(/[\s,;:.–—-]+$/, '');
  return `${atWord}…`;
}

/** A CSS string literal that cannot end the string or the <style> element. */
function cssString(value: string): string {
  return `"${value.replace(/[\\"<>\n\r]/g, (char) => `\\${char.charCodeAt(0).toString(16)} `)}"`;
}
