import { decodePDFRawStream, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFRef } from 'pdf-lib';
import type { FrontMatter } from './read-front-matter.js';

export const PRODUCER = 'briefing';

/**
 * Characters that fonts draw with one shared glyph. The PDF maps each glyph back to a
 * single character for copying and searching, and Chromium may pick the rarer one: the
 * serif's apostrophe copies as U+02BC instead of U+2019, so "l’accès" cannot be found.
 */
const SHARED_GLYPHS: Readonly<Record<string, string>> = {
  '02BC': '2019', // modifier letter apostrophe → right single quotation mark
  '02BB': '2018', // modifier letter turned comma → left single quotation mark
  '2010': '002D', // hyphen → hyphen-minus
  '2011': '002D', // non-breaking hyphen → hyphen-minus
};

/**
 * Finishes the printed PDF: the document information from the front matter, and text that
 * copies as the article wrote it. Dates come from the front matter (or SOURCE_DATE_EPOCH),
 * never the clock, so that builds are reproducible.
 */
export async function finishPdf(pdf: Uint8Array, meta: FrontMatter, articleText: string, env: NodeJS.ProcessEnv = process.env): Promise<Uint8Array> {
  const document = await PDFDocument.load(pdf, { updateMetadata: false });
  setMetadata(document, meta, env);
  repairToUnicode(document, articleText);
  return document.save();
}

function setMetadata(document: PDFDocument, meta: FrontMatter, env: NodeJS.ProcessEnv): void {
  const epoch = env.SOURCE_DATE_EPOCH;
  const date = epoch && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : new Date(`${meta.date}T00:00:00Z`);
  document.setTitle(meta.title, { showInWindowTitleBar: true });
  if (meta.author) document.setAuthor(meta.author);
  document.setSubject(meta.description);
  document.setLanguage(meta.lang);
  document.setCreator(PRODUCER);
  document.setProducer(`${PRODUCER} (Chromium, pdf-lib)`);
  document.setCreationDate(date);
  document.setModificationDate(date);
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
