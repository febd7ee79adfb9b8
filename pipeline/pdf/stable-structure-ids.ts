// The names of a tagged PDF's structure elements, renumbered in order, so that two prints of
// the same page give the same bytes.
import { PDFArray, PDFDict, type PDFDocument, PDFName, type PDFObject, PDFString } from 'pdf-lib';
import { pdfText } from './structure-tree.js';

const ID = PDFName.of('ID');

/** The keys of a name tree: its Names pairs, through its Kids. */
function keysOf(node: PDFDict, keys: string[]): void {
  const names = node.lookupMaybe(PDFName.of('Names'), PDFArray);
  for (let index = 0; names && index < names.size(); index += 2) {
    const key = pdfText(names.get(index));
    if (key !== undefined) keys.push(key);
  }
  const kids = node.lookupMaybe(PDFName.of('Kids'), PDFArray);
  for (let index = 0; kids && index < kids.size(); index++) {
    const kid = kids.lookup(index);
    if (kid instanceof PDFDict) keysOf(kid, keys);
  }
}

/**
 * Chromium names each element of the structure tree after the DOM node it came from
 * (node00000695); those numbers depend on what the renderer made before, so two prints of
 * the same page may differ by a constant. The names are renumbered in their order, from
 * node00000001, wherever they stand: each element's ID, the ID tree, and the Headers that a
 * table cell names its header cells by.
 */
export function stabilizeStructureIds(document: PDFDocument): void {
  const root = document.catalog.lookupMaybe(PDFName.of('StructTreeRoot'), PDFDict);
  const tree = root?.lookupMaybe(PDFName.of('IDTree'), PDFDict);
  if (!tree) return;
  const keys: string[] = [];
  keysOf(tree, keys);
  const renamed = new Map(
    [...new Set(keys)]
      .sort((a, b) => a.length - b.length || (a < b ? -1 : 1))
      .map((key, index) => [key, PDFString.of(`node${String(index + 1).padStart(8, '0')}`)]),
  );
  const rename = (value: PDFObject | undefined) => renamed.get(pdfText(value) ?? '');
  const renameAll = (array: PDFArray) => {
    for (let index = 0; index < array.size(); index++) {
      const name = rename(array.get(index));
      if (name) array.set(index, name);
    }
  };
  const visit = (dict: PDFDict) => {
    for (const [key, value] of dict.entries()) {
      if (key === ID) {
        const name = rename(value);
        if (name) dict.set(key, name);
      } else if (value instanceof PDFArray && ['/Headers', '/Names', '/Limits'].includes(key.asString())) {
        renameAll(value);
      } else if (value instanceof PDFDict) {
        visit(value); // an attribute dictionary (/A), written in its element
      } else if (value instanceof PDFArray) {
        for (let index = 0; index < value.size(); index++) {
          const item = value.get(index);
          if (item instanceof PDFDict) visit(item);
        }
      }
    }
  };
  for (const [, object] of document.context.enumerateIndirectObjects()) {
    if (object instanceof PDFDict) visit(object);
  }
}
