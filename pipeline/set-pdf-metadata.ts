import { PDFDocument } from 'pdf-lib';
import type { FrontMatter } from './read-front-matter.js';

export const PRODUCER = 'briefing';

/**
 * Writes the PDF's document information from the front matter. Dates come from the
 * front matter (or SOURCE_DATE_EPOCH), never the clock, so that builds are reproducible.
 */
export async function setPdfMetadata(pdf: Uint8Array, meta: FrontMatter, env: NodeJS.ProcessEnv = process.env): Promise<Uint8Array> {
  const document = await PDFDocument.load(pdf, { updateMetadata: false });
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
  return document.save();
}
