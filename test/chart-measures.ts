// What a reader sees of a page's charts, measured in Chromium.
import type { Page } from 'puppeteer';

/** What a reader sees of each chart: the figure, its drawings on screen, and the smallest text as rendered. */
export type Seen = { figure: string; shown: number; smallest: number; images: number };

/** Measured in Chromium: each drawing's text at its font size times the drawing's scale on screen. */
export async function measureCharts(page: Page, accessibility = true): Promise<Seen[]> {
  const seen = (await page.$$eval('figure.chart', (figures) =>
    figures.map((figure) => {
      const shown = [...figure.querySelectorAll('svg')].filter((svg) => svg.getBoundingClientRect().width > 0);
      let smallest = Number.POSITIVE_INFINITY;
      for (const svg of shown) {
        const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
        for (const text of svg.querySelectorAll('text')) {
          if (text.textContent?.trim()) smallest = Math.min(smallest, Number.parseFloat(getComputedStyle(text).fontSize) * scale);
        }
      }
      return { figure: figure.id, shown: shown.length, smallest, images: 0 };
    }),
  )) as Seen[];
  // The accessibility tree, as screen readers get it: one image a figure.
  for (const [index, handle] of (accessibility ? await page.$$('figure.chart') : []).entries()) {
    const tree = await page.accessibility.snapshot({ root: handle, interestingOnly: true });
    const count = (node: typeof tree): number =>
      node ? (node.role === 'image' ? 1 : 0) + (node.children ?? []).reduce((sum, child) => sum + count(child), 0) : 0;
    seen[index]!.images = count(tree);
  }
  return seen;
}
