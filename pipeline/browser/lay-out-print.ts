// The print page laid out as a good edition is: no more than two hyphenated lines in a row, and a
// figure that does not fit at the foot of a page goes to the next page while the text flows on.
import type { Page } from 'puppeteer';

/** A page may end this much of its height early, before the article's end. */
export const MAX_GAP = 0.25;
/** Where figures are placed to leave no more than this, a margin below `MAX_GAP` for what print adds. */
const AIMED_GAP = 0.15;
/** The most lines in a row that may end in a hyphen. */
export const MOST_HYPHENS = 2;

/**
 * Breaks every ladder of more than `MOST_HYPHENS` hyphenated lines, by keeping whole the word
 * that ends the line after them. Then lays the print page out on A4 pages (a column of a multi-column box per page: Chromium breaks
 * columns as it breaks pages, keeping figures whole), and wherever a page ends more than
 * `AIMED_GAP` early because the next block is a figure, table or image that does not fit, moves
 * that block after the paragraph or list that follows it, so that the text fills the page. A
 * block never moves past a heading, and never further than the page after the one it left.
 * Returns how many moves were made.
 */
export async function layOutPrint(page: Page): Promise<number> {
  await page.emulateMediaType('print');
  try {
    return await page.evaluate(layOut, AIMED_GAP, MOST_HYPHENS);
  } finally {
    await page.emulateMediaType();
  }
}

/** Runs in the page: the hyphens, the pagination and the moves. */
function layOut(maxGap: number, mostHyphens: number): number {
  let moves = 0;
  const article = document.querySelector('article');
  const body = document.querySelector('article > .body');
  if (!article || !body) return moves;

  // The pages' content box, as the print stylesheet gives it beside its @page rule.
  const length = (property: string) => {
    const probe = document.createElement('div');
    probe.style.cssText = `position:absolute;visibility:hidden;height:var(${property}, 0)`;
    document.body.append(probe);
    const px = probe.getBoundingClientRect().height;
    probe.remove();
    return px;
  };
  const width = length('--page-content-width');
  const height = length('--page-content-height');
  if (width === 0 || height === 0) return moves;
  const saved = article.getAttribute('style');
  article.setAttribute(
    'style',
    `width:${width}px;height:${height}px;columns:${width}px;column-gap:0;column-fill:auto;margin:0;padding:0;box-sizing:content-box`,
  );

  // Each round finds the lines that end in a soft hyphen (a used one is drawn: it has a width), and
  // keeps whole the word that ends the first line too many of a ladder.
  for (let round = 0; round < 500; round++) {
    // A line's place: its page (its column), then its height on the page.
    const ends: { node: Text; at: number; line: number; block: Element | null; step: number }[] = [];
    const left = article.getBoundingClientRect().left;
    const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      for (let at = node.data.indexOf('\u00ad'); at >= 0; at = node.data.indexOf('\u00ad', at + 1)) {
        range.setStart(node, at);
        range.setEnd(node, at + 1);
        const rect = range.getBoundingClientRect();
        if (rect.width === 0) continue;
        const block = node.parentElement?.closest('p, li, blockquote, dd, dt, td') ?? null;
        ends.push({
          node,
          at,
          line: Math.floor((rect.left - left + 1) / width) * 1e6 + rect.top,
          block,
          step: parseFloat(getComputedStyle(block ?? body).lineHeight),
        });
      }
    }
    let run = 1;
    const over = ends.find((end, index) => {
      const before = ends[index - 1];
      run = before && before.block === end.block && Math.abs(end.line - before.line - end.step) < end.step / 2 ? run + 1 : 1;
      return run > mostHyphens;
    });
    if (!over) break;
    const { node, at } = over;
    const start = node.data.slice(0, at).search(/\S*$/);
    const end = at + (node.data.slice(at).search(/\s/) + 1 || node.data.length - at + 1) - 1;
    node.data = node.data.slice(0, start) + node.data.slice(start, end).replaceAll('\u00ad', '') + node.data.slice(end);
  }

  const blocks = () => [...body.children] as HTMLElement[];
  const left = () => article.getBoundingClientRect().left;
  /** The page on which a rectangle lies. */
  const pageOf = (rect: DOMRect) => Math.floor((rect.left - left() + 1) / width);
  const pageOfBlock = (block: Element) => {
    const rects = [...block.getClientRects()];
    return rects.length > 0 ? pageOf(rects[0]!) : -1;
  };
  /** How far down each page the text goes, as a share of the page's height. */
  const filled = () => {
    const top = article.getBoundingClientRect().top;
    const bottoms: number[] = [];
    for (const element of [article.querySelector('.masthead'), ...blocks()]) {
      for (const rect of element ? [...element.getClientRects()] : []) {
        const index = pageOf(rect);
        bottoms[index] = Math.max(bottoms[index] ?? 0, (rect.bottom - top) / height);
      }
    }
    return bottoms;
  };
  const flows = (block: Element) => /^(P|UL|OL|DL)$/.test(block.tagName) && block.querySelector('img, svg') === null;
  const isHeading = (block: Element) => /^H[1-6]$/.test(block.tagName);

  try {
    const stuck = new Set<number>();
    for (let round = 0; round < 100; round++) {
      const bottoms = filled();
      const short = bottoms.findIndex((bottom, index) => index < bottoms.length - 1 && !stuck.has(index) && 1 - (bottom ?? 0) > maxGap);
      if (short < 0) break;
      // The block that left the page short: the first of the next page, past its headings.
      const all = blocks();
      let index = all.findIndex((block) => pageOfBlock(block) === short + 1);
      while (index >= 0 && index < all.length && isHeading(all[index]!)) index++;
      const block = all[index];
      const next = all[index + 1];
      if (!block || flows(block) || !next || !flows(next)) {
        stuck.add(short);
        continue;
      }
      next.after(block);
      if (pageOfBlock(block) > short + 2 || (filled()[short] ?? 0) <= (bottoms[short] ?? 0)) {
        next.before(block); // it went too far, or filled nothing: it stays where it was
        stuck.add(short);
        continue;
      }
      moves++;
    }
  } finally {
    if (saved === null) article.removeAttribute('style');
    else article.setAttribute('style', saved);
  }
  return moves;
}
