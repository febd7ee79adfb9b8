// The print page laid out as a good edition is: no more than two hyphenated lines in a row, and a
// figure that does not fit at the foot of a page goes to the next page while the text flows on.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer';
import { TEMPLATES } from '../system/project.js';

/** A page may end this much of its height early, before the article's end. */
export const MAX_GAP = 0.25;
/** Where figures are placed to leave no more than this, a margin below `MAX_GAP` for what print adds. */
const AIMED_GAP = 0.15;
/** Past this many characters of text (some 40 pages), the layout passes are skipped. */
const MAX_LAYOUT_CHARACTERS = 150_000;
/** The most lines in a row that may end in a hyphen. */
export const MOST_HYPHENS = 2;

/** The code that does it in the page: a file of its own, so that no bundler's helper slips into it. */
let source: string | undefined;

/**
 * Puts the links of the charts' marks beside their drawings, over the marks (tagged links of
 * the PDF). Breaks every ladder of more than `MOST_HYPHENS` hyphenated lines, by keeping whole the word
 * that ends the line after them. Then lays the print page out on A4 pages (a column of a
 * multi-column box per page: Chromium breaks columns as it breaks pages, keeping figures
 * whole), and wherever a page ends more than `AIMED_GAP` early because the next block is a
 * figure, table or image that does not fit, moves that block after the paragraph or list that
 * follows it, so that the text fills the page. A block may pass headings (a section starts while the figure waits for the next page), never
 * another figure, and never goes further than the page after the one it left.
 * Returns how many moves were made.
 */
export async function layOutPrint(page: Page): Promise<number> {
  await page.emulateMediaType('print');
  try {
    source ??= readFileSync(join(TEMPLATES, 'lay-out-print.js'), 'utf8');
    // Laid out in print, then measured once the fonts it asks for are in: lines break with them.
    await page.evaluate('document.body.getBoundingClientRect(), document.fonts.ready.then(() => document.fonts.status)');
    // An article far longer than a briefing prints as it is: laying it out again would take minutes.
    const long = ((await page.evaluate('document.body.textContent.length')) as number) > MAX_LAYOUT_CHARACTERS;
    const moves = long ? 0 : ((await page.evaluate(`${source}\nlayOut(${AIMED_GAP}, ${MOST_HYPHENS});`)) as number);
    // The charts' links last, measured on the pages as they print (the layout sets the column's width).
    await page.evaluate(`${source}\nlinkChartMarks();`);
    return moves;
  } finally {
    await page.emulateMediaType();
  }
}
