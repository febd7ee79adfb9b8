// A tagged PDF's structure tree, walked in reading order: each element with its type, its
// page, its alternate text and its children, for the repairs and checks of PDF/UA-1.
import { PDFArray, PDFDict, type PDFDocument, PDFHexString, PDFName, PDFNumber, type PDFObject, PDFRef, PDFString } from 'pdf-lib';

export type StructureElement = Readonly<{
  dict: PDFDict;
  /** The structure type without its slash: H1, P, Figure… */
  type: string;
  parent: StructureElement | undefined;
  /** The element's page (1-based), its own or its nearest ancestor's or descendant's; 0 when unknown. */
  page: number;
  /** Child elements, in order. */
  children: StructureElement[];
  /** Marked-content ids and object references (OBJR) among its children. */
  contentItems: number;
  objectReferences: PDFDict[];
}>;

const K = PDFName.of('K');

/** The text of a PDF string, literal or hex; undefined for anything else. */
export function pdfText(value: PDFObject | undefined): string | undefined {
  return value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : undefined;
}

/** Page numbers by page object, 1-based. */
export function pageNumbers(document: PDFDocument): Map<PDFRef, number> {
  return new Map(document.getPages().map((page, index) => [page.ref, index + 1]));
}

/**
 * The elements of the structure tree under its root, depth first (the reading order of the
 * tree); an empty list when the PDF is not tagged.
 */
export function structureElements(document: PDFDocument): StructureElement[] {
  const root = document.catalog.lookupMaybe(PDFName.of('StructTreeRoot'), PDFDict);
  if (!root) return [];
  const pages = pageNumbers(document);
  const context = document.context;
  const all: StructureElement[] = [];
  const seen = new Set<PDFDict>();
  const visit = (dict: PDFDict, parent: StructureElement | undefined, inherited: number): StructureElement | undefined => {
    if (seen.has(dict)) return undefined; // a cycle: walked once
    seen.add(dict);
    const own = dict.get(PDFName.of('Pg'));
    const page = (own instanceof PDFRef ? pages.get(own) : undefined) ?? inherited;
    const type = (dict.get(PDFName.of('S')) as PDFName | undefined)?.decodeText() ?? '';
    const element = { dict, type, parent, page, children: [] as StructureElement[], contentItems: 0, objectReferences: [] as PDFDict[] };
    all.push(element);
    const kids = dict.get(K);
    const list = kids instanceof PDFArray ? kids.asArray() : kids ? [kids] : [];
    let items = 0;
    for (const kid of list) {
      const value = kid instanceof PDFRef ? context.lookup(kid) : kid;
      if (value instanceof PDFNumber) items++;
      else if (value instanceof PDFDict) {
        const kind = value.get(PDFName.of('Type'));
        if (kind === PDFName.of('MCR')) items++;
        else if (kind === PDFName.of('OBJR')) element.objectReferences.push(value);
        else {
          const child = visit(value, element, page);
          if (child) element.children.push(child);
        }
      }
    }
    Object.assign(element, { contentItems: items });
    // An element with no page of its own takes its first child's.
    if (!element.page) Object.assign(element, { page: element.children.find((child) => child.page)?.page ?? 0 });
    return element;
  };
  const top = root.get(K);
  for (const kid of top instanceof PDFArray ? top.asArray() : top ? [top] : []) {
    const value = kid instanceof PDFRef ? context.lookup(kid) : kid;
    if (value instanceof PDFDict) visit(value, undefined, 0);
  }
  return all;
}

/** The element's alternate text, or its replacement text. */
export function alternateText(element: StructureElement): string | undefined {
  return pdfText(element.dict.lookup(PDFName.of('Alt'))) || pdfText(element.dict.lookup(PDFName.of('ActualText'))) || undefined;
}

/** How a failure names an element: its type and page. */
export function describe(element: StructureElement): string {
  return `<${element.type}>${element.page ? ` on page ${element.page}` : ''}`;
}

/** Where a link annotation leads: its URI, or `#name` for a named destination. */
export function linkTarget(annotation: PDFDict): string | undefined {
  const action = annotation.lookupMaybe(PDFName.of('A'), PDFDict);
  const uri = pdfText(action?.lookup(PDFName.of('URI')));
  if (uri !== undefined) return uri;
  const destination = annotation.get(PDFName.of('Dest')) ?? action?.get(PDFName.of('D'));
  if (destination instanceof PDFName) return `#${destination.decodeText()}`;
  const named = pdfText(destination);
  return named === undefined ? undefined : `#${named}`;
}
