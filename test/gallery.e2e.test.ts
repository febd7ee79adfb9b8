import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findBrowser } from '../pipeline/browser/find-browser.js';
import { type BrowserSession, launchBrowser } from '../pipeline/browser/index.js';
import { chartId, type GalleryOutcome, readList, runGallery } from '../scripts/gallery.js';
import { measureCharts } from './chart-measures.js';
import { ROOT } from './helpers.js';

// Specs in the shapes of the Vega-Lite gallery (test/fixtures/gallery), built as an editor would:
// pasted into articles, 36 to an article, with vega-datasets' files in the content folder.
const GALLERY = join(ROOT, 'test', 'fixtures', 'gallery');
const names = readList(join(GALLERY, 'list.txt'));
const spec = (name: string) => JSON.parse(readFileSync(join(GALLERY, 'specs', `${name}.vl.json`), 'utf8')) as unknown;
const work = mkdtempSync(join(tmpdir(), 'gallery-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Every value of `key` in a spec, at any depth (config aside). */
function valuesOf(value: unknown, key: string): unknown[] {
  if (Array.isArray(value)) return value.flatMap((item) => valuesOf(item, key));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([name, child]) => (name === 'config' ? [] : [...(name === key ? [child] : []), ...valuesOf(child, key)]));
}

describe('the gallery list', () => {
  it('has every mark, every composition and 25 interactive specs', () => {
    expect(names.length).toBeGreaterThanOrEqual(100);
    const marks = new Set(
      names.flatMap((name) => valuesOf(spec(name), 'mark').map((mark) => (typeof mark === 'string' ? mark : (mark as { type: string }).type))),
    );
    for (const mark of [
      'arc',
      'area',
      'bar',
      'boxplot',
      'circle',
      'errorband',
      'errorbar',
      'geoshape',
      'image',
      'line',
      'point',
      'rect',
      'rule',
      'square',
      'text',
      'tick',
      'trail',
    ]) {
      expect(marks, mark).toContain(mark);
    }
    for (const composition of ['layer', 'hconcat', 'vconcat', 'concat', 'facet', 'repeat']) {
      expect(names.filter((name) => valuesOf(spec(name), composition).length > 0).length, composition).toBeGreaterThanOrEqual(4);
    }
    const interactive = names.filter((name) => valuesOf(spec(name), 'params').some((params) => JSON.stringify(params).match(/"(select|bind)"/)));
    expect(interactive.length).toBeGreaterThanOrEqual(25);
  });
});

describe('the gallery, built', () => {
  let outcomes: GalleryOutcome[] = [];
  let session: BrowserSession | undefined;
  beforeAll(async () => {
    session = await launchBrowser(findBrowser());
  });
  afterAll(async () => {
    await session?.[Symbol.asyncDispose]();
  });
  const outcome = (name: string) => outcomes.find((candidate) => candidate.name === name)!;

  it('draws every spec of the list, interactive ones in their first state, with no error', { timeout: 900_000 }, async () => {
    outcomes = await runGallery({ specsDir: join(GALLERY, 'specs'), names, batch: 36, workDir: work });
    expect(outcomes.filter(({ drawn }) => !drawn).map(({ name, problems }) => `${name}: ${problems.join(' | ')}`)).toEqual([]);
    expect(outcomes.map(({ name }) => name).sort()).toEqual([...names].sort());
    // A drawing with marks: vega's mark groups, and shapes in them.
    for (const { name, output } of outcomes) {
      const svg = readFileSync(join(output, 'charts', `${chartId(name)}.svg`), 'utf8');
      expect(/class="mark-[a-z]+ role-mark[^"]*"[^>]*>\s*<(path|text|image|g|line|rect|circle|a)\b/.test(svg), name).toBe(true);
    }
  });

  it('reads every chart at 11 px or more on a 320 px phone and 12 from 375 px, with tooltips on its marks', { timeout: 300_000 }, async () => {
    const pages = [...new Set(outcomes.map(({ output }) => output))];
    expect(pages.length).toBeGreaterThan(1);
    let tapped = 0;
    let highlighted = 0;
    for (const output of pages) {
      for (const width of [320, 375]) {
        const page = await session!.browser.newPage();
        try {
          await page.setViewport({ width, height: 800 });
          await page.goto(pathToFileURL(join(output, 'index.html')).href, { waitUntil: 'load' });
          const seen = await measureCharts(page, false);
          expect(seen.length).toBeGreaterThan(30);
          const small = seen.filter(({ smallest }) => smallest < (width < 375 ? 11 : 12) - 0.05);
          expect(
            small.map(({ figure, smallest }) => `${figure}: ${smallest.toFixed(1)} px`),
            `${output} at ${width} px`,
          ).toEqual([]);
          expect(seen.filter(({ shown }) => shown !== 1).map(({ figure }) => figure)).toEqual([]);
          // The first mark of an interactive chart that is shown, found in one look at the page.
          const found = await page.evaluate(() => {
            for (const node of document.querySelectorAll('figure[id^="chart-interactive"] svg [data-value]')) {
              const box = node.getBoundingClientRect();
              if (box.width > 2 && box.height > 2 && (node as Element).closest('svg')!.getBoundingClientRect().width > 0) {
                node.setAttribute('data-tap', '');
                return true;
              }
            }
            return false;
          });
          if (width === 375 && found) {
            tapped++;
            const mark = (await page.$('[data-tap]'))!;
            await mark.click();
            // The tooltip tells the mark the tap landed on (marks may lie on top of one another).
            const [value, tip] = await mark.evaluate((node) => {
              const figure = node.closest('figure');
              return [
                figure?.querySelector('.is-active')?.getAttribute('data-value') ?? '',
                figure?.querySelector('.chart-tooltip:not([hidden])')?.textContent ?? '',
              ];
            });
            expect(value).not.toBe('');
            expect(String(tip).replace(/\n/g, '; ')).toBe(value);
          }
          // A legend's entry, pointed at: the marks of the other entries are dimmed, its own are not.
          const entry = await page.evaluate(() => {
            for (const node of document.querySelectorAll('.chart-drawings svg .role-legend-entry .role-scope > g')) {
              const box = node.getBoundingClientRect();
              const label = node.querySelector('.role-legend-label text')?.textContent?.trim();
              const svg = node.closest('svg')!;
              const marks = [...svg.querySelectorAll('[data-value]')].filter((mark) =>
                mark
                  .getAttribute('data-value')!
                  .split('; ')
                  .some((part) => part.endsWith(`: ${label}`)),
              );
              if (box.width > 0 && label && marks.length > 0) {
                node.scrollIntoView();
                const seen = node.getBoundingClientRect();
                return {
                  x: seen.x + seen.width / 2,
                  y: seen.y + seen.height / 2,
                  own: marks.length,
                  all: svg.querySelectorAll('[data-value]').length,
                  id: svg.id,
                };
              }
            }
            return undefined;
          });
          if (width === 375 && entry && entry.own < entry.all) {
            highlighted++;
            await page.mouse.move(entry.x, entry.y);
            const dimmed = await page.$$eval('.chart-drawings svg', (svgs) =>
              svgs.map((svg) => svg.querySelectorAll('.is-dimmed').length).reduce((a, b) => a + b, 0),
            );
            expect(dimmed, entry.id).toBe(entry.all - entry.own);
          }
        } finally {
          await page.close();
        }
      }
    }
    expect(tapped).toBeGreaterThan(0);
    expect(highlighted).toBeGreaterThan(0);
  });

  it('publishes the files of image marks, and draws them in the page, the chart page and the PDF', () => {
    const images = names.filter((name) => valuesOf(spec(name), 'mark').some((mark) => mark === 'image' || (mark as { type?: string }).type === 'image'));
    expect(images.length).toBeGreaterThan(0);
    for (const name of images) {
      const { output } = outcome(name);
      const published = readdirSync(join(output, 'assets', 'images'));
      expect(published.length, name).toBeGreaterThan(0);
      const page = readFileSync(join(output, 'index.html'), 'utf8');
      expect(page).toMatch(/<image[^>]* href="assets\/images\/[a-z]+\.svg"/);
      expect(readFileSync(join(output, 'charts', `${chartId(name)}.html`), 'utf8')).toMatch(/<image[^>]* href="\.\.\/assets\/images\/[a-z]+\.svg"/);
      for (const file of published) expect(existsSync(join(output, 'assets', 'images', file))).toBe(true);
    }
  });

  it("makes a mark's href a link of the page and of the PDF, described by what the mark shows", async () => {
    const linked = names.filter((name) => JSON.stringify(spec(name)).includes('"href"'));
    expect(linked.length).toBeGreaterThan(0);
    for (const name of linked) {
      const { output } = outcome(name);
      expect(readFileSync(join(output, 'index.html'), 'utf8')).toMatch(/<a xlink:href="https:\/\/example\.org\/[^"]+"><path[^>]* data-value="[^"]+"/);
      const pdf = await PDFDocument.load(readFileSync(join(output, 'report.pdf')), { updateMetadata: false });
      const links = pdf.getPages().flatMap((page) => {
        const annotations = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
        return annotations ? annotations.asArray().map((reference) => pdf.context.lookup(reference, PDFDict)) : [];
      });
      const toExample = links.filter((link) => String(link.lookupMaybe(PDFName.of('A'), PDFDict)?.get(PDFName.of('URI'))).includes('example.org'));
      expect(toExample.length, name).toBeGreaterThan(0);
      for (const link of toExample) {
        expect(link.has(PDFName.of('StructParent')), name).toBe(true);
        // What the mark shows ("species: Adelie; penguins: 152"), not only where it leads.
        const words = link.lookup(PDFName.of('Contents'), PDFHexString).decodeText();
        expect(words, name).toMatch(/^[^;:]+: [^;]+; /);
      }
    }
  });
});
