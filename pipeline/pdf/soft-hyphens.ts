// The hyphen Chromium draws where a line breaks at a soft hyphen, given back its meaning: a
// reader or a screen reader must find the word whole, not "Belegungsbin-dungen".
import type { PDFDict } from 'pdf-lib';
import { type Operation, SHOWS } from './content-stream.js';
import { codesOf, unicodeMap } from './text-codes.js';

/** ActualText of U+00AD: the text a soft hyphen stands for (ISO 32000-1 § 14.8.2.2.3). */
const SOFT = '<FEFF00AD>';
const HYPHENS = new Set(['-', '\u2010']);

/**
 * Chromium writes each soft hyphen of the text as an invisible glyph in a Span whose
 * ActualText is U+00AD, and, where the line breaks there, draws the visible hyphen right
 * after it as a text of its own, a hyphen-minus to anyone who reads the text. That hyphen
 * is given an ActualText of U+00AD too, so that the word reads whole, as PDF asks of a
 * hyphen at a line break. Returns the operations, and how many hyphens were marked.
 */
export function markBreakHyphens(operations: readonly Operation[], fonts: (name: string) => PDFDict | undefined): { operations: Operation[]; marked: number } {
  const out: Operation[] = [];
  let font: PDFDict | undefined;
  let afterSoft = false;
  let depth = 0;
  let softAt = -1;
  let marked = 0;
  for (const operation of operations) {
    const { operator, operands } = operation;
    if (operator === 'Tf') font = fonts(operands[0] ?? '');
    if (operator === 'BMC' || operator === 'BDC') {
      depth++;
      if (operator === 'BDC' && /\/ActualText\s*<FEFF00AD>/i.test(operands[1] ?? '')) softAt = depth;
    }
    if (operator === 'EMC') {
      if (depth === softAt) {
        afterSoft = true;
        softAt = -1;
      }
      depth = Math.max(0, depth - 1);
    }
    if (SHOWS.has(operator)) {
      const inSoft = softAt !== -1;
      if (!inSoft && afterSoft && font && isHyphen(font, operands.at(-1) ?? '')) {
        out.push({ operator: 'BDC', operands: ['/Span', `<</ActualText ${SOFT}>>`] }, operation, { operator: 'EMC', operands: [] });
        marked++;
        afterSoft = false;
        continue;
      }
      if (!inSoft) afterSoft = false;
    }
    out.push(operation);
  }
  return { operations: out, marked };
}

/** True when the text operand draws one glyph, a hyphen. */
function isHyphen(font: PDFDict, operand: string): boolean {
  const codes = codesOf(font, operand);
  return codes.length === 1 && HYPHENS.has(unicodeMap(font)?.get(codes[0]!) ?? '');
}
