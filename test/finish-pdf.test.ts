import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { finishPdf } from '../pipeline/pdf/finish-pdf.js';

async function blankPdf(): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  const page = document.addPage([595.28, 841.89]);
  page.drawText('Bonjour', { font: await document.embedFont(StandardFonts.Helvetica) });
  return document.save();
}

const meta = {
  title: 'Chaos Numérique : 5 Millions',
  description: 'Une phrase.',
  lang: 'fr',
  date: '2026-11-24',
  author: 'Rédaction',
  keywords: ['ChatGPT', 'utilisateurs bloqués'],
};

describe('finishPdf', () => {
  it('sets the document information from the front matter', async () => {
    const pdf = await PDFDocument.load((await finishPdf(await blankPdf(), meta, { article: '', body: { type: 'root', children: [] } }, {})).bytes, {
      updateMetadata: false,
    });
    expect(pdf.getTitle()).toBe('Chaos Numérique : 5 Millions');
    expect(pdf.getAuthor()).toBe('Rédaction');
    expect(pdf.getSubject()).toBe('Une phrase.');
    expect(pdf.getKeywords()).toBe('ChatGPT, utilisateurs bloqués');
    expect(pdf.getCreator()).toBe('briefing');
    expect(pdf.getCreationDate()?.toISOString()).toBe('2026-11-24T00:00:00.000Z');
    expect(pdf.getModificationDate()?.toISOString()).toBe('2026-11-24T00:00:00.000Z');
  });

  it('takes its dates from SOURCE_DATE_EPOCH when set', async () => {
    const pdf = await PDFDocument.load(
      (await finishPdf(await blankPdf(), meta, { article: '', body: { type: 'root', children: [] } }, { SOURCE_DATE_EPOCH: '1700000000' })).bytes,
      { updateMetadata: false },
    );
    expect(pdf.getCreationDate()?.toISOString()).toBe('2023-11-14T22:13:20.000Z');
  });

  it('gives the same bytes for the same input', async () => {
    const input = await blankPdf();
    const first = await finishPdf(input, meta, { article: '', body: { type: 'root', children: [] } }, {});
    const second = await finishPdf(input, meta, { article: '', body: { type: 'root', children: [] } }, {});
    expect(Buffer.from(second.bytes).equals(Buffer.from(first.bytes))).toBe(true);
  });
});
