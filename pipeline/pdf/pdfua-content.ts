// The conditions of PDF/UA-1 that the pages' content decides: everything painted is tagged or
// an artifact (01-003 to 01-005), and every character drawn maps to Unicode (10-001, 31-027).
import type { PDFDict, PDFDocument } from 'pdf-lib';
import { PDFName } from 'pdf-lib';
import { type Operation, type PaintPlace, pageContent, paintPlaces, readOperations, SHOWS, streamBytes, taggedXObjects } from './content-stream.js';
import type { UaFailure } from './pdfua-structure.js';
import { codesOf, pageFonts, unicodeMap } from './text-codes.js';

/** Each page's content: painting outside tags and artifacts, and characters with no Unicode. */
export function checkContent(document: PDFDocument): UaFailure[] {
  const failures: UaFailure[] = [];
  const unmapped = new Map<string, { page: number; codes: Set<string> }>();
  for (const [index, page] of document.getPages().entries()) {
    const number = index + 1;
    let operations: Operation[];
    try {
      operations = readOperations(pageContent(document, page.node));
    } catch (error) {
      failures.push({ checkpoint: '01-005', message: `the content cannot be read: ${(error as Error).message}`, page: number });
      continue;
    }
    const forms = taggedXObjects(page.node);
    countPlaces(paintPlaces(operations, new Set(forms.keys())), number, '', failures);
    // A form XObject with tags of its own: its content too is tagged or an artifact.
    for (const [name, form] of forms) {
      const inside = readOperations(streamBytes(form));
      countPlaces(paintPlaces(inside), number, ` in the form XObject ${name}`, failures);
      collectUnmapped(form.dict, inside, number, unmapped);
    }
    collectUnmapped(page.node, operations, number, unmapped);
  }
  for (const [font, { page, codes }] of unmapped) {
    if (codes.has('no map')) failures.push({ checkpoint: '31-027', message: `font ${font} has no ToUnicode map`, page });
    else
      failures.push({
        checkpoint: '10-001',
        message: `font ${font} draws ${codes.size} glyph(s) with no Unicode value (${[...codes].slice(0, 5).join(', ')})`,
        page,
      });
  }
  return failures;
}

/** Painting outside tags and artifacts, and one inside the other, as failures of the page. */
function countPlaces(places: readonly PaintPlace[], page: number, where: string, failures: UaFailure[]): void {
  const count = (test: (place: PaintPlace) => boolean) => places.filter(test).length;
  const loose = count((place) => place.marks.every((mark) => mark === 'other'));
  const artifactInContent = count((place) => nested(place.marks, 'content', 'artifact'));
  const contentInArtifact = count((place) => nested(place.marks, 'artifact', 'content'));
  if (loose) failures.push({ checkpoint: '01-005', message: `${loose} painting operation(s)${where} neither tagged nor marked as artifacts`, page });
  if (artifactInContent) failures.push({ checkpoint: '01-003', message: `${artifactInContent} artifact(s) inside tagged content${where}`, page });
  if (contentInArtifact) failures.push({ checkpoint: '01-004', message: `${contentInArtifact} tagged painting operation(s) inside an artifact${where}`, page });
}

/** True when `inner` marked content stands inside `outer` marked content. */
function nested(marks: readonly string[], outer: string, inner: string): boolean {
  const first = marks.indexOf(outer);
  return first >= 0 && marks.indexOf(inner, first + 1) > first;
}

/** Character codes drawn with each font that its ToUnicode map does not give. */
function collectUnmapped(owner: PDFDict, operations: readonly Operation[], number: number, unmapped: Map<string, { page: number; codes: Set<string> }>): void {
  const fonts = pageFonts(owner);
  let font: PDFDict | undefined;
  let map: ReadonlyMap<number, string> | undefined;
  let missing: Set<string> | undefined;
  for (const { operator, operands } of operations) {
    if (operator === 'Tf') {
      font = fonts(operands[0] ?? '');
      map = font && unicodeMap(font);
      missing = undefined;
    }
    if (!font || !SHOWS.has(operator)) continue;
    for (const code of codesOf(font, operands.at(-1) ?? '')) {
      if (map?.get(code)?.replace(/\0/g, '')) continue;
      if (!missing) {
        const name = String(font.get(PDFName.of('BaseFont')) ?? '?').replace(/^\/([A-Z]{6}\+)?/, '');
        missing = unmapped.get(name)?.codes ?? new Set<string>();
        if (!unmapped.has(name)) unmapped.set(name, { page: number, codes: missing });
      }
      missing.add(map ? code.toString(16).padStart(4, '0') : 'no map');
    }
  }
}
