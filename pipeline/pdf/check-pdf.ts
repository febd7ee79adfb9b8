// The build's check of its own PDF: fonts embedded, pages and bytes within their budget.
import type { Root } from 'hast';
import { toString as textOf } from 'hast-util-to-string';
import { PDFArray, PDFDict, PDFName } from 'pdf-lib';
import { visit } from 'unist-util-visit';
import type { FinishedPdf } from './finish-pdf.js';
import { checkContent } from './pdfua-content.js';
import { checkAnnotations, checkCatalog, checkStructure, type UaFailure } from './pdfua-structure.js';
import { structureElements } from './structure-tree.js';

export type PdfBudget = Readonly<{ maxPages: number; maxBytes: number }>;
export type PdfReport = Readonly<{
  errors: string[];
  warnings: string[];
  pages: number;
  accessibility: readonly UaFailure[];
  /** The PDF's weight and its budget, when it is over it (the charts that weigh most are then named). */
  overweight?: Readonly<{ bytes: number; maxBytes: number }>;
}>;

/** Fonts a system falls back to when the report's fonts lack a character (Noto Emoji is one of the report's). */
const FALLBACK_FONTS = /DejaVu|Liberation|FreeSans|FreeSerif|Noto(?!Emoji)|Arial|Helvetica|Times|Courier/i;

/**
 * The build checks its own PDF before publishing it: every font embedded and none of
 * Type 3, a page count and a size within the budget. A glyph drawn with a system font
 * (a character the report's fonts do not have) is a warning naming that font.
 */
export function checkPdf(pdf: FinishedPdf, budget: PdfBudget): PdfReport {
  const { document } = pdf;
  const byteLength = pdf.bytes.byteLength;
  const errors: string[] = [];
  const warnings: string[] = [];
  const context = document.context;
  const fallbacks = new Set<string>();

  for (const [, object] of context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict) || object.get(PDFName.of('Type')) !== PDFName.of('Font')) continue;
    const subtype = object.get(PDFName.of('Subtype'));
    if (subtype === PDFName.of('CIDFontType0') || subtype === PDFName.of('CIDFontType2')) continue; // checked through their Type0 parent
    const name = String(object.get(PDFName.of('BaseFont')) ?? '(unnamed)').replace(/^\//, '');
    if (subtype === PDFName.of('Type3')) {
      errors.push(`font ${name} is a Type 3 font (drawn as shapes, not text)`);
      continue;
    }
    const descendant = context.lookupMaybe(object.get(PDFName.of('DescendantFonts')), PDFArray)?.get(0);
    const font = descendant ? (context.lookupMaybe(descendant, PDFDict) ?? object) : object;
    const descriptor = context.lookupMaybe(font.get(PDFName.of('FontDescriptor')), PDFDict);
    const embedded = ['FontFile', 'FontFile2', 'FontFile3'].some((key) => descriptor?.has(PDFName.of(key)));
    if (!embedded) errors.push(`font ${name} is not embedded (PDF/UA-1 31-009)`);
    if (FALLBACK_FONTS.test(name)) fallbacks.add(name.replace(/^[A-Z]{6}\+/, ''));
  }
  for (const name of fallbacks) warnings.push(`some text was set in the system font ${name}: the report's fonts lack some of its characters`);

  const pages = document.getPageCount();
  if (pages === 0) errors.push('the PDF has no pages');
  if (pages > budget.maxPages) errors.push(`the PDF has ${pages} pages, more than the ${budget.maxPages} this article should need: check the print layout`);
  const overweight = byteLength > budget.maxBytes ? { bytes: byteLength, maxBytes: budget.maxBytes } : undefined;
  if (overweight) errors.push(`the PDF weighs ${kib(byteLength)}, over its budget of ${kib(budget.maxBytes)}`);
  return { errors: [...new Set(errors)], warnings, pages, accessibility: checkPdfUa(document), ...(overweight ? { overweight } : {}) };
}

/**
 * The conditions of PDF/UA-1 that can be decided from the file (the Matterhorn Protocol's
 * machine-checkable failure conditions the build's PDFs can meet or fail), in checkpoint order.
 */
export function checkPdfUa(document: FinishedPdf['document']): UaFailure[] {
  const elements = structureElements(document);
  const failures = [...checkCatalog(document), ...checkStructure(document, elements), ...checkAnnotations(document, elements), ...checkContent(document)];
  return failures.sort((a, b) => (a.checkpoint < b.checkpoint ? -1 : a.checkpoint > b.checkpoint ? 1 : (a.page ?? 0) - (b.page ?? 0)));
}

/** A failure in one line: its checkpoint, its page, and what failed. */
export function formatUaFailure(failure: UaFailure): string {
  return `${failure.checkpoint}${failure.page ? ` (page ${failure.page})` : ''}: ${failure.message}`;
}

/** A weight as the build's messages give it. */
export function kib(bytes: number): string {
  return `${Math.round(bytes / 1024)} KiB`;
}

/**
 * What an article should take, generously: a page per 150 words (a full page holds about
 * 450), one per chart, table or image, and two more; 1 MiB, and 256 KiB per chart, plus
 * the images themselves.
 */
/** Elements that start a line of their own, with space around them. */
const BLOCKS = new Set(['p', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'tr', 'blockquote', 'pre', 'dt', 'dd', 'figcaption']);

/** What each chart adds to a PDF's size budget. */
export const CHART_BYTES = 256 * 1024;

export function pdfBudget(body: Root, counts: Readonly<{ charts: number; images: number; imageBytes: number }>): PdfBudget {
  let tables = 0;
  let blocks = 0;
  visit(body, 'element', (node) => {
    if (node.tagName === 'table') tables++;
    if (BLOCKS.has(node.tagName)) blocks++;
  });
  const words = textOf(body).split(/\s+/).filter(Boolean).length;
  // Lines of text (eight words at least a line), and each block's own line and margins: a thousand
  // short sections fill pages with headings, not words. A page holds some forty lines.
  const lines = Math.ceil(words / 8) + 3 * blocks;
  return {
    maxPages: Math.ceil(lines / 40) + counts.charts + tables + counts.images + 2,
    maxBytes: 1024 * 1024 + counts.charts * CHART_BYTES + counts.imageBytes,
  };
}
