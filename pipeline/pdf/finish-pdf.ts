// The printed PDF finished with pdf-lib: its metadata, bookmarks and copyable text.
import type { Element, Root } from 'hast';
import { toString as textOf } from 'hast-util-to-string';
import { decodePDFRawStream, ParseSpeeds, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRawStream, PDFRef } from 'pdf-lib';
import { visit } from 'unist-util-visit';
import type { FrontMatter } from '../article/read-front-matter.js';
import { latestUpdate } from '../article/updates.js';
import { updateWords } from '../language/update-words.js';
import { type ArticleLink, repairTags } from './repair-tags.js';
import { stabilizeStructureIds } from './stable-structure-ids.js';
import { setXmp } from './xmp.js';

const PRODUCER = 'briefing';

/** A finished PDF: its bytes as published, and the document they were saved from. */
export type FinishedPdf = Readonly<{ document: PDFDocument; bytes: Uint8Array }>;

/**
 * Characters that fonts draw with one shared glyph. The PDF maps each glyph back to a
 * single character for copying and searching, and Chromium may pick the rarer one: the
 * serif's apostrophe copies as U+02BC instead of U+2019, so "l’accès" cannot be found.
 */
const SHARED_GLYPHS: Readonly<Record<string, string>> = {
  '02BC': '2019', // modifier letter apostrophe → right single quotation mark
  '02BB': '2018', // modifier letter turned comma → left single quotation mark
};

/**
 * Finishes the printed PDF: the document information from the front matter, and text that
 * copies as the article wrote it. Dates come from the front matter (or SOURCE_DATE_EPOCH),
 * never the clock, so that builds are reproducible.
 */
export async function finishPdf(
  pdf: Uint8Array,
  meta: FrontMatter,
  text: Readonly<{ article: string; body: Root }>,
  env: NodeJS.ProcessEnv = process.env,
): Promise<FinishedPdf> {
  // Loaded once, in one go (nothing else waits on this thread now), and kept for its check.
  const document = await PDFDocument.load(pdf, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
  finishDocument(document, meta, text, env);
  return { document, bytes: await document.save({ objectsPerTick: Number.POSITIVE_INFINITY }) };
}

function finishDocument(document: PDFDocument, meta: FrontMatter, text: Readonly<{ article: string; body: Root }>, env: NodeJS.ProcessEnv = process.env): void {
  setMetadata(document, meta, env);
  repairToUnicode(document, text.article);
  // The list of updates, after the body, has a heading of its own, and the date line links to it.
  const updates = meta.updates?.length ? [updateWords(meta.lang).heading] : [];
  repairTags(document, [...articleLinks(text.body), ...updates.map((heading) => ({ href: '#updates', text: heading }))]);
  repairOutline(document, [meta.title, ...headingTexts(text.body), ...updates]);
  stabilizeStructureIds(document);
}

/**
 * Chromium builds the bookmarks from the headings but names them from their laid-out
 * lines: a title on two lines loses its space ("Utilisateursde"), a heading at the top of a
 * page may come out twice. The bookmarks are in the order of the headings, so each gets
 * its heading's text back, as long as the counts agree.
 */
function repairOutline(document: PDFDocument, headings: readonly string[]): void {
  const context = document.context;
  const outlines = context.lookupMaybe(document.catalog.get(PDFName.of('Outlines')), PDFDict);
  const items: PDFDict[] = [];
  const walk = (first: unknown) => {
    for (let item = context.lookupMaybe(first as PDFRef, PDFDict); item; item = context.lookupMaybe(item.get(PDFName.of('Next')), PDFDict)) {
      items.push(item);
      walk(item.get(PDFName.of('First')));
    }
  };
  if (outlines) walk(outlines.get(PDFName.of('First')));
  if (items.length !== headings.length) return;
  for (const [index, item] of items.entries()) item.set(PDFName.of('Title'), PDFHexString.fromText(headings[index]!));
}

function setMetadata(document: PDFDocument, meta: FrontMatter, env: NodeJS.ProcessEnv): void {
  const epoch = env.SOURCE_DATE_EPOCH;
  const date = epoch && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : new Date(`${meta.date}T00:00:00Z`);
  document.setTitle(meta.title, { showInWindowTitleBar: true });
  if (meta.author) document.setAuthor(meta.author);
  document.setSubject(meta.description);
  // pdf-lib joins keywords with spaces, which would merge "utilisateurs bloqués" with its neighbours.
  if (meta.keywords?.length) document.setKeywords([meta.keywords.join(', ')]);
  document.setLanguage(meta.lang);
  document.setCreator(PRODUCER);
  document.setProducer(`${PRODUCER} (Chromium, pdf-lib)`);
  document.setCreationDate(date);
  // The latest update or correction is the document's last change.
  const latest = latestUpdate(meta.updates);
  const modified = latest && !epoch ? new Date(`${latest.date}T00:00:00Z`) : date;
  document.setModificationDate(modified);
  // The same, as XMP, with the claim of PDF/UA-1.
  setXmp(document, {
    title: meta.title,
    description: meta.description,
    language: meta.lang,
    creators: meta.author ? [meta.author] : [],
    keywords: meta.keywords ?? [],
    created: date,
    modified,
    creatorTool: PRODUCER,
    producer: `${PRODUCER} (Chromium, pdf-lib)`,
  });
}

/** Rewrites a font's glyph → character map where the article never uses the character the PDF names. */
function repairToUnicode(document: PDFDocument, articleText: string): void {
  const rewrites = Object.entries(SHARED_GLYPHS).filter(
    ([from, to]) => !articleText.includes(String.fromCodePoint(parseInt(from, 16))) && articleText.includes(String.fromCodePoint(parseInt(to, 16))),
  );
  if (rewrites.length === 0) return;
  for (const [, object] of document.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict)) continue;
    const reference = object.get(PDFName.of('ToUnicode'));
    if (!(reference instanceof PDFRef)) continue;
    const stream = document.context.lookup(reference);
    if (!(stream instanceof PDFRawStream)) continue;
    const cmap = new TextDecoder('latin1').decode(decodePDFRawStream(stream).decode());
    let repaired = cmap;
    for (const [from, to] of rewrites) repaired = repaired.replace(new RegExp(`(<[0-9A-F]{4}> )<${from}>`, 'gi'), `$1<${to}>`);
    if (repaired === cmap) continue;
    document.context.assign(reference, document.context.flateStream(repaired));
  }
}

/**
 * The body's links in order, each with its href and what it tells a reader: its label, else its
 * text; a chart mark's link, what the mark shows (as the print page's link over it says).
 */
function articleLinks(body: Root): ArticleLink[] {
  const links: ArticleLink[] = [];
  visit(body, 'element', (node) => {
    const href = node.tagName === 'a' ? node.properties.href : undefined;
    if (typeof href !== 'string') return;
    const label = node.properties.ariaLabel ?? markValue(node);
    const words = (typeof label === 'string' ? label : textOf(node)).replace(/\s+/g, ' ').trim();
    links.push({ href, text: words || href });
  });
  return links;
}

/** What the first mark inside a chart's link shows (its `data-value`). */
function markValue(link: Element): string | undefined {
  let value: string | undefined;
  visit(link, 'element', (node) => {
    if (typeof node.properties.dataValue === 'string') value ??= node.properties.dataValue;
  });
  return value;
}

/** The text of the body's headings, in order. */
function headingTexts(body: Root): string[] {
  const headings: string[] = [];
  visit(body, 'element', (node) => {
    if (/^h[1-6]$/.test(node.tagName)) headings.push(textOf(node).replace(/\s+/g, ' ').trim());
  });
  return headings;
}
