// Characters nothing can print: neither the report's fonts nor any font of the machine has them,
// so the PDF would show empty boxes that read as nothing. Told as the content problems they are.
import type { VFile } from 'vfile';
import type { UaFailure } from '../pdf/pdfua-structure.js';

/**
 * When the PDF's only failures are glyphs with no Unicode value (a fallback font's empty box,
 * PDF/UA-1 10-001), the characters the report's fonts lack, already warned of at their places,
 * become errors there. Returns whether that explains the failures.
 */
export function reportEmptyBoxes(article: VFile, failures: readonly UaFailure[]): boolean {
  const boxes = failures.length > 0 && failures.every(({ checkpoint, message }) => checkpoint === '10-001' && /no Unicode value \(0000\)/.test(message));
  const lacking = article.messages.filter((message) => message.ruleId === 'glyphs' && !message.fatal);
  if (!boxes || lacking.length === 0) return false;
  // The warning becomes the error, at the same place.
  for (const message of lacking) {
    const character = /"(.+?)" \((U\+[0-9A-F]+)\)/.exec(message.reason);
    const what = character ? `"${character[1]}" (${character[2]})` : 'a character';
    message.reason = `${what} prints as an empty box: neither the report's fonts nor any font of this machine has it: write it in words, or leave it out`;
    message.message = message.reason;
    message.fatal = true;
  }
  return true;
}
