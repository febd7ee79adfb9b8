import type { Element, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import Mustache from 'mustache';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import type { KeyFigure } from './compute-key-figures.js';
import { formatDate, localStrings, ogLocale } from './localize.js';
import type { FrontMatter } from './read-front-matter.js';

export type Templates = Readonly<{ page: string; social: string }>;

/**
 * Fills the page template. Mustache escapes every value; the only raw insertions are the
 * sanitized body and the print labels, which are made CSS-safe here.
 */
export function renderPage(template: string, meta: FrontMatter, body: Root, figures: readonly KeyFigure[] = []): string {
  const strings = localStrings(meta.lang);
  const ogImage = meta.url ? new URL('social.png', withSlash(meta.url)).href : 'social.png';
  return Mustache.render(template, {
    ...meta,
    strings,
    canonical: meta.url,
    ogImage,
    ogLocale: ogLocale(meta.lang),
    dateText: formatDate(meta.date, meta.lang),
    figures,
    hasFigures: figures.length > 0,
    body: unified().use(rehypeStringify).stringify(body),
    printLabels: printLabels(meta, strings.page, strings.of),
  });
}

/** The share image's page: title, description, date and, when there is one, the first chart. */
export function renderSocial(template: string, meta: FrontMatter, chart: Element | undefined): string {
  return Mustache.render(template, {
    ...meta,
    dateText: formatDate(meta.date, meta.lang),
    titleSize: titleSize(meta.title),
    hasChart: chart !== undefined,
    chart: chart ? toHtml(chart) : '',
  });
}

function titleSize(title: string): string {
  if (title.length > 110) return 'title-xl';
  if (title.length > 75) return 'title-l';
  if (title.length > 45) return 'title-m';
  return 'title-s';
}

function withSlash(url: string): string {
  return url.endsWith('/') || /\/[^/]+\.[a-z0-9]+$/i.test(url) ? url : `${url}/`;
}

/** Running header and footer of the PDF, in the article's language. */
function printLabels(meta: FrontMatter, page: string, of: string): string {
  const date = cssString(formatDate(meta.date, meta.lang));
  return [
    `@page { @top-left { content: ${cssString(meta.short_title ?? shorten(meta.title, 85))}; } @bottom-left { content: ${date}; }`,
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
