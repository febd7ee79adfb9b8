import { fromHtml } from 'hast-util-from-html';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { checkPdf, pdfBudget } from '../pipeline/pdf/check-pdf.js';
import type { FinishedPdf } from '../pipeline/pdf/finish-pdf.js';

/** A PDF as a build hands it to its check: saved, and loaded from those bytes. */
async function finished(bytes: Uint8Array): Promise<FinishedPdf> {
  return { document: await PDFDocument.load(bytes, { updateMetadata: false }), bytes };
}

async function pdfWith(pages: number, font?: StandardFonts): Promise<FinishedPdf> {
  const document = await PDFDocument.create();
  const embedded = font ? await document.embedFont(font) : undefined;
  for (let index = 0; index < pages; index++) {
    const page = document.addPage();
    if (embedded) page.drawText('texte', { font: embedded });
  }
  return finished(await document.save());
}

const roomy = { maxPages: 10, maxBytes: 1024 * 1024 };

describe('checkPdf', () => {
  it('refuses a font that is not embedded', async () => {
    const report = checkPdf(await pdfWith(2, StandardFonts.Helvetica), roomy);
    expect(report.errors).toEqual(['font Helvetica is not embedded (PDF/UA-1 31-009)']);
  });

  it('refuses too many pages and too many bytes', async () => {
    const pdf = await pdfWith(3);
    expect(checkPdf(pdf, { ...roomy, maxPages: 2 }).errors).toEqual(['the PDF has 3 pages, more than the 2 this article should need: check the print layout']);
    expect(checkPdf(pdf, { ...roomy, maxBytes: 100 }).errors[0]).toMatch(/^the PDF weighs \d+ KiB, over its budget of 0 KiB$/);
  });

  it('refuses a PDF without pages', async () => {
    const report = checkPdf(await finished(await (await PDFDocument.create()).save({ addDefaultPage: false })), roomy);
    expect(report.errors).toContain('the PDF has no pages');
  });
});

describe('pdfBudget', () => {
  it('allows pages for the lines of text and the blocks, one per chart, table and image, and 1 MiB plus 256 KiB a chart', () => {
    const body = fromHtml(`<p>${'mot '.repeat(1000)}</p><table><tr><td>1</td></tr></table>`, { fragment: true });
    expect(pdfBudget(body, { charts: 3, images: 0, imageBytes: 0 })).toEqual({ maxPages: 10, maxBytes: 1024 * 1024 + 3 * 256 * 1024 });
  });

  it('allows a thousand short sections the pages their headings take (86 printed)', () => {
    const sections = Array.from({ length: 1000 }, (_, index) => `<h2>Section ${index}</h2><p>One short line of text here.</p>`).join('');
    expect(pdfBudget(fromHtml(sections, { fragment: true }), { charts: 0, images: 0, imageBytes: 0 }).maxPages).toBeGreaterThan(86);
  });
});
