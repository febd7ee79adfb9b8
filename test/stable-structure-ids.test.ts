import { PDFArray, PDFDict, PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { stabilizeStructureIds } from '../pipeline/pdf/stable-structure-ids.js';

/** A tagged PDF as Chromium makes it: two header cells named after their DOM nodes, and a cell that names them as its headers. */
async function taggedPdf(firstNode: number): Promise<PDFDocument> {
  // No dates of its own: two documents made a millisecond apart must not differ for that.
  const document = await PDFDocument.create({ updateMetadata: false });
  document.addPage();
  const { context } = document;
  const name = (offset: number) => PDFString.of(`node${String(firstNode + offset).padStart(8, '0')}`);
  const header = (offset: number) => context.register(context.obj({ Type: 'StructElem', S: 'TH', ID: name(offset) }));
  const headers = [header(0), header(1)];
  const cell = context.register(context.obj({ Type: 'StructElem', S: 'TD', A: context.obj({ O: 'Table', Headers: [name(0), name(1)] }) }));
  const idTree = context.register(
    context.obj({ Kids: [context.register(context.obj({ Limits: [name(0), name(1)], Names: [name(0), headers[0]!, name(1), headers[1]!] }))] }),
  );
  const root = context.register(context.obj({ Type: 'StructTreeRoot', IDTree: idTree, K: [...headers, cell] }));
  document.catalog.set(PDFName.of('StructTreeRoot'), root);
  return document;
}

describe('stabilizeStructureIds', () => {
  it('renumbers the structure elements in order, wherever they are named, so that two prints give the same bytes', async () => {
    const first = await taggedPdf(695);
    const second = await taggedPdf(690);
    stabilizeStructureIds(first);
    stabilizeStructureIds(second);
    const [a, b] = await Promise.all([first.save({ useObjectStreams: false }), second.save({ useObjectStreams: false })]);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const text = Buffer.from(a).toString('latin1');
    expect(text).not.toMatch(/node0000069/);
    expect(text).toContain('/ID (node00000001)');
    expect(text).toContain('/Headers [ (node00000001) (node00000002) ]');
    const tree = first.catalog.lookup(PDFName.of('StructTreeRoot'), PDFDict).lookup(PDFName.of('IDTree'), PDFDict);
    const leaf = tree.lookup(PDFName.of('Kids'), PDFArray).lookup(0, PDFDict);
    expect(
      leaf
        .lookup(PDFName.of('Limits'), PDFArray)
        .asArray()
        .map((key) => (key as PDFString).decodeText()),
    ).toEqual(['node00000001', 'node00000002']);
  });
});
