// The conditions of PDF/UA-1 that the pages' content decides: everything painted is tagged or
// an artifact (01-003 to 01-005), and every character drawn maps to Unicode (10-001, 31-027).
import type { PDFDict, PDFDocument } from 'pdf-lib';
import { PDFName } from 'pdf-lib';
import { type Operation, pageContent, paintPlaces, readOperations } from './content-stream.js';
import type { UaFailure } from './pdfua-structure.js';
import { codesOf, pageFonts, unicodeMap } from './text-codes.js';

const SHOWS = new Set(['Tj', 'TJ', "'", '"']);

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
    const places = paintPlaces(operations);
    const count = (test: (place: (typeof places)[number]) => boolean) => places.filter(test).length;
    const loose = count((place) => place.marks.length === 0 || place.marks.every((mark) => mark === 'other'));
    const artifactInContent = count((place) => nested(place.marks, 'content', 'artifact'));
    const contentInArtifact = count((place) => nested(place.marks, 'artifact', 'content'));
    if (loose) failures.push({ checkpoint: '01-005', message: `${loose} painting operation(s) neither tagged nor marked as artifacts`, page: number });
    if (artifactInContent) failures.push({ checkpoint: '01-003', message: `${artifactInContent} artifact(s) inside tagged content`, page: number });
    if (contentInArtifact)
      failures.push({ checkpoint: '01-004', message: `${contentInArtifact} tagged painting operation(s) inside an artifact`, page: number });
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

/** True when `inner` marked content stands inside `outer` marked content. */
function nested(marks: readonly string[], outer: string, inner: string): boolean {
  const first = marks.indexOf(outer);
  return first >= 0 && marks.indexOf(inner, first + 1) > first;
}

/** Character codes drawn with each font that its ToUnicode map does not give. */
function collectUnmapped(page: PDFDict, operations: readonly Operation[], number: number, unmapped: Map<string, { page: number; codes: Set<string> }>): void {
  const fonts = pageFonts(page);
  let font: PDFDict | undefined;
  for (const { operator, operands } of operations) {
    if (operator === 'Tf') font = fonts(operands[0] ?? '');
    if (!font || !SHOWS.has(operator)) continue;
    const map = unicodeMap(font);
    const name = String(font.get(PDFName.of('BaseFont')) ?? '?').replace(/^\/([A-Z]{6}\+)?/, '');
    for (const code of codesOf(font, operands.at(-1) ?? '')) {
      if (map?.get(code)?.replace(/\0/g, '')) continue;
      const entry = unmapped.get(name) ?? { page: number, codes: new Set<string>() };
      entry.codes.add(map ? code.toString(16).padStart(4, '0') : 'no map');
      unmapped.set(name, entry);
    }
  }
}
