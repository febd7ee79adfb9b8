// Chromium's tagged PDF, brought to PDF/UA-1 where it falls short: the figure that only wraps
// a chart, list items without a body, links without a description, and content that no tag owns.
import { deflateSync } from 'node:zlib';
import { PDFArray, PDFDict, type PDFDocument, PDFHexString, PDFName, PDFRef } from 'pdf-lib';
import { markArtifacts, pageContent, readOperations, taggedXObjects, writeOperations } from './content-stream.js';
import { markBreakHyphens } from './soft-hyphens.js';
import { alternateText, linkTarget, type StructureElement, structureElements } from './structure-tree.js';
import { pageFonts } from './text-codes.js';

const S = PDFName.of('S');

/**
 * Repairs the structure tree and the pages' content; `links` are the article's links in order,
 * with their hrefs (an address, or `#id` within the document) and words, to describe their annotations.
 */
export function repairTags(document: PDFDocument, links: readonly ArticleLink[]): void {
  const elements = structureElements(document);
  if (elements.length === 0) return;
  for (const element of elements) {
    // A `<figure>` around a chart, an image or a quotation groups tagged content: it becomes a
    // Div, and the drawing inside it, if any, is the Figure with the alternate text. A figure
    // inside a figure would hide its caption from a reader.
    if (element.type === 'Figure' && !alternateText(element) && element.children.length > 0) element.dict.set(S, PDFName.of('Div'));
    if (element.type === 'LI') giveBody(document, element);
  }
  mapNewerTypes(document, elements);
  describeLinks(document, elements, links);
  for (const page of document.getPages()) repairContent(document, page.node);
}

/**
 * Types of PDF 2.0 that Chromium writes (`<strong>` is Strong) mapped to their PDF 1.7
 * equivalent in the RoleMap, which PDF/UA-1 (on PDF 1.7) reads.
 */
const NEWER_TYPES: Readonly<Record<string, string>> = {
  Strong: 'Span',
  Em: 'Span',
  Sub: 'Span',
  Aside: 'Div',
  Title: 'P',
  FENote: 'Note',
  DocumentFragment: 'Part',
};

function mapNewerTypes(document: PDFDocument, elements: readonly StructureElement[]): void {
  const used = [...new Set(elements.map((element) => element.type))].filter((type) => type in NEWER_TYPES);
  const root = document.catalog.lookupMaybe(PDFName.of('StructTreeRoot'), PDFDict);
  if (!root || used.length === 0) return;
  const roles = root.lookupMaybe(PDFName.of('RoleMap'), PDFDict) ?? document.context.obj({});
  for (const type of used.sort()) if (!roles.has(PDFName.of(type))) roles.set(PDFName.of(type), PDFName.of(NEWER_TYPES[type]!));
  root.set(PDFName.of('RoleMap'), roles);
}

/** A list item's content, besides its label, goes in an LBody (ISO 32000-1, Table 336). */
function giveBody(document: PDFDocument, item: StructureElement): void {
  const loose = item.children.filter((child) => child.type !== 'Lbl' && child.type !== 'LBody');
  if (loose.length === 0) return;
  if (loose.length === 1 && loose[0]!.type === 'NonStruct') {
    loose[0]!.dict.set(S, PDFName.of('LBody'));
    return;
  }
  const kids = item.dict.lookup(PDFName.of('K'));
  if (!(kids instanceof PDFArray)) return;
  const context = document.context;
  const body = context.obj({ Type: 'StructElem', S: 'LBody', P: context.getObjectRef(item.dict) ?? null, K: [] }) as PDFDict;
  const bodyRef = context.register(body);
  const bodyKids = body.lookup(PDFName.of('K'), PDFArray);
  const keep: unknown[] = [];
  let placed = false;
  for (const kid of kids.asArray()) {
    const value = kid instanceof PDFRef ? context.lookup(kid) : kid;
    const child = loose.find((element) => element.dict === value);
    if (!child) {
      keep.push(kid);
      continue;
    }
    bodyKids.push(kid);
    child.dict.set(PDFName.of('P'), bodyRef);
    if (!placed) keep.push(bodyRef);
    placed = true;
  }
  item.dict.set(PDFName.of('K'), context.obj(keep as never));
}

/** A link of the article: where it leads, and what a reader is told of it. */
export type ArticleLink = Readonly<{ href: string; text: string }>;

/**
 * Every link annotation gets a Contents (PDF/UA-1 § 7.18.5): the text of its link in the
 * article. The Link tags follow the article's links in order (the page's own links, such as
 * its date's, are skipped over), so two links to one address keep their own words; an
 * annotation that matches none is described by where it leads.
 */
function describeLinks(document: PDFDocument, elements: readonly StructureElement[], links: readonly ArticleLink[]): void {
  let next = 0;
  const words = new Map<PDFDict, string>();
  for (const element of elements) {
    if (element.type !== 'Link') continue;
    const annotations = element.objectReferences.map((reference) => reference.lookupMaybe(PDFName.of('Obj'), PDFDict)).filter((value) => value !== undefined);
    const target = annotations.map(linkTarget).find(Boolean);
    const found = target === undefined ? -1 : links.findIndex((link, index) => index >= next && link.href === target);
    if (found < 0) continue;
    next = found + 1;
    for (const annotation of annotations) words.set(annotation, links[found]!.text);
  }
  for (const page of document.getPages()) {
    const annotations = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
    for (let index = 0; annotations && index < annotations.size(); index++) {
      const annotation = annotations.lookupMaybe(index, PDFDict);
      if (annotation?.get(PDFName.of('Subtype')) !== PDFName.of('Link') || annotation.has(PDFName.of('Contents'))) continue;
      const target = linkTarget(annotation);
      const text = words.get(annotation) ?? links.find((link) => link.href === target)?.text ?? target?.replace(/^#/, '');
      if (text) annotation.set(PDFName.of('Contents'), PDFHexString.fromText(text));
    }
  }
}

/**
 * A page's content: the hyphens of its line breaks read as soft hyphens, and what it paints
 * outside any tag (the running header, the footer, rules) marked as artifacts.
 */
function repairContent(document: PDFDocument, page: PDFDict): void {
  const hyphens = markBreakHyphens(readOperations(pageContent(document, page)), pageFonts(page));
  const { operations, wrapped } = markArtifacts(hyphens.operations, new Set(taggedXObjects(page).keys()));
  if (wrapped + hyphens.marked === 0) return;
  // Compressed by zlib, natively: several times faster than pdf-lib's own deflate on a page of charts.
  const stream = document.context.stream(deflateSync(writeOperations(operations)), { Filter: 'FlateDecode' });
  page.set(PDFName.of('Contents'), document.context.register(stream));
}
