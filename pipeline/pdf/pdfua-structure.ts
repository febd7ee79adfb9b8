// The conditions of PDF/UA-1 that the document's catalog, metadata, structure tree and
// annotations decide, each named by its Matterhorn Protocol checkpoint.
import { PDFArray, PDFBool, PDFDict, type PDFDocument, PDFName } from 'pdf-lib';
import { alternateText, describe, linkTarget, pageNumbers, pdfText, type StructureElement, structureElements } from './structure-tree.js';
import { readXmp } from './xmp.js';

/** A failed condition: its checkpoint (such as 06-001), what failed, and where. */
export type UaFailure = Readonly<{ checkpoint: string; message: string; page?: number | undefined }>;

/** The standard structure types of ISO 32000-1 § 14.8.4. */
const STANDARD = new Set(
  'Document Part Art Sect Div BlockQuote Caption TOC TOCI Index NonStruct Private P H H1 H2 H3 H4 H5 H6 L LI Lbl LBody Table TR TH TD THead TBody TFoot Span Quote Note Reference BibEntry Code Link Annot Ruby RB RT RP Warichu WT WP Figure Formula Form'.split(
    ' ',
  ),
);

/** Metadata and catalog: 06-001 to 06-003, 07-001, 07-002, 11-001, 01-007, and 01-005 for a document not marked as tagged. */
export function checkCatalog(document: PDFDocument): UaFailure[] {
  const failures: UaFailure[] = [];
  const xmp = readXmp(document);
  if (!xmp) failures.push({ checkpoint: '06-001', message: 'the document has no XMP metadata stream' });
  else {
    if (xmp.part !== '1')
      failures.push({ checkpoint: '06-002', message: `the XMP metadata does not claim PDF/UA-1 (pdfuaid:part is ${xmp.part ?? 'missing'})` });
    if (!xmp.title) failures.push({ checkpoint: '06-003', message: 'the XMP metadata has no dc:title' });
  }
  const preferences = document.catalog.lookupMaybe(PDFName.of('ViewerPreferences'), PDFDict);
  const display = preferences?.get(PDFName.of('DisplayDocTitle'));
  if (!(display instanceof PDFBool)) failures.push({ checkpoint: '07-001', message: 'the viewer preferences have no DisplayDocTitle' });
  else if (!display.asBoolean()) failures.push({ checkpoint: '07-002', message: 'DisplayDocTitle is false: viewers would show the file name, not the title' });
  if (!pdfText(document.catalog.lookup(PDFName.of('Lang'))))
    failures.push({ checkpoint: '11-001', message: 'the catalog has no Lang: the language of the text cannot be determined' });
  const mark = document.catalog.lookupMaybe(PDFName.of('MarkInfo'), PDFDict);
  if (mark?.get(PDFName.of('Suspects')) === PDFBool.True) failures.push({ checkpoint: '01-007', message: 'MarkInfo says the tags are suspect' });
  if (mark?.get(PDFName.of('Marked')) !== PDFBool.True)
    failures.push({ checkpoint: '01-005', message: 'the document is not marked as tagged (MarkInfo Marked)' });
  return failures;
}

/** The structure tree: 01-005 (no tree: nothing is tagged), 02-001, 09-004, 09-005, 13-004, 14-002, 14-003, 14-007, 15-003. */
export function checkStructure(document: PDFDocument, elements: readonly StructureElement[] = structureElements(document)): UaFailure[] {
  if (elements.length === 0) return [{ checkpoint: '01-005', message: 'the document has no structure tree: none of its content is tagged' }];
  const failures: UaFailure[] = [];
  const fail = (checkpoint: string, element: StructureElement, message: string) =>
    failures.push({ checkpoint, message: `${describe(element)}: ${message}`, page: element.page });
  const roles = document.catalog.lookupMaybe(PDFName.of('StructTreeRoot'), PDFDict)?.lookupMaybe(PDFName.of('RoleMap'), PDFDict);
  const standard = (type: string): string | undefined => {
    for (let hops = 0, name = type; hops < 10; hops++) {
      if (STANDARD.has(name)) return name;
      const mapped = roles?.get(PDFName.of(name));
      if (!(mapped instanceof PDFName)) return undefined;
      name = mapped.decodeText();
    }
    return undefined;
  };
  let previousLevel = 0;
  let numbered = false;
  let plain = false;
  for (const element of elements) {
    const type = standard(element.type);
    if (!type) {
      fail('02-001', element, 'a structure type that is not standard and not mapped to one');
      continue;
    }
    const parent = element.parent && standard(element.parent.type);
    if (type === 'Figure' && !alternateText(element)) fail('13-004', element, 'a figure with no alternate text');
    if (type === 'LI' && parent !== 'L') fail('09-005', element, `a list item in <${parent}>, not in a list`);
    if (type === 'LBody' && parent !== 'LI') fail('09-005', element, `a list body in <${parent}>, not in a list item`);
    if (type === 'LI' && element.children.some((child) => !['Lbl', 'LBody'].includes(standard(child.type) ?? ''))) {
      fail('09-005', element, 'a list item holds more than a label and a body');
    }
    if (type === 'L' && element.children.some((child) => !['LI', 'L', 'Caption'].includes(standard(child.type) ?? '')))
      fail('09-005', element, 'a list holds more than list items');
    if ((type === 'TH' || type === 'TD') && parent !== 'TR') fail('09-004', element, `a table cell in <${parent}>, not in a row`);
    if (type === 'TR' && !['Table', 'THead', 'TBody', 'TFoot'].includes(parent ?? '')) fail('09-004', element, `a table row in <${parent}>`);
    if (type === 'TR' && element.children.some((child) => !['TH', 'TD'].includes(standard(child.type) ?? '')))
      fail('09-004', element, 'a table row holds more than cells');
    if (type === 'TH' && !hasScope(element.dict)) fail('15-003', element, 'a header cell with no Scope');
    if (type === 'H') plain = true;
    const level = /^H([1-6])$/.exec(type)?.[1];
    if (level) {
      numbered = true;
      const current = Number(level);
      if (previousLevel === 0 && current !== 1) fail('14-002', element, 'the first heading is not an H1');
      else if (current > previousLevel + 1 && previousLevel > 0) fail('14-003', element, `an H${current} after an H${previousLevel}: a level is skipped`);
      previousLevel = current;
    }
  }
  if (numbered && plain) failures.push({ checkpoint: '14-007', message: 'the document uses both <H> and numbered headings' });
  return failures;
}

/** A header cell's scope, in one of its attribute dictionaries (owner Table). */
function hasScope(dict: PDFDict): boolean {
  const attributes = dict.lookup(PDFName.of('A'));
  const list = attributes instanceof PDFArray ? attributes.asArray().map((item) => dict.context.lookup(item)) : [attributes];
  return list.some((item) => item instanceof PDFDict && item.get(PDFName.of('O')) === PDFName.of('Table') && item.get(PDFName.of('Scope')) instanceof PDFName);
}

/** Annotations: 28-008, 28-009, 28-011, 28-012. */
export function checkAnnotations(document: PDFDocument, elements: readonly StructureElement[] = structureElements(document)): UaFailure[] {
  const failures: UaFailure[] = [];
  const tagged = new Set<PDFDict>();
  for (const element of elements) {
    if (element.type !== 'Link') continue;
    for (const reference of element.objectReferences) {
      const annotation = reference.lookupMaybe(PDFName.of('Obj'), PDFDict);
      if (annotation) tagged.add(annotation);
    }
  }
  const pages = pageNumbers(document);
  for (const page of document.getPages()) {
    const number = pages.get(page.ref);
    const annotations = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
    if (!annotations || annotations.size() === 0) continue;
    const tabs = page.node.get(PDFName.of('Tabs'));
    if (!tabs) failures.push({ checkpoint: '28-008', message: 'a page with annotations has no Tabs entry', page: number });
    else if (tabs !== PDFName.of('S'))
      failures.push({ checkpoint: '28-009', message: `a page's tab order is ${String(tabs)}, not the structure order (S)`, page: number });
    for (let index = 0; index < annotations.size(); index++) {
      const annotation = annotations.lookupMaybe(index, PDFDict);
      if (annotation?.get(PDFName.of('Subtype')) !== PDFName.of('Link')) continue;
      const where = linkTarget(annotation) ?? 'a link';
      if (!tagged.has(annotation)) failures.push({ checkpoint: '28-011', message: `the link to ${where} is not in a <Link> tag`, page: number });
      if (!pdfText(annotation.lookup(PDFName.of('Contents'))))
        failures.push({ checkpoint: '28-012', message: `the link to ${where} has no Contents describing it`, page: number });
    }
  }
  return failures;
}
