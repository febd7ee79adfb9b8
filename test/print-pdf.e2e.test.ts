import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { toString as textOf } from 'hast-util-to-string';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_GAP, MOST_HYPHENS } from '../pipeline/browser/lay-out-print.js';
import { ARTICLES, ensureSites, SITES_DIR } from './built-sites.js';
import { inspectPdf, normalize, type PdfInspection, type PdfItem, pageText, parseSvg, ROOT, runBuild, searchable, typographySlips } from './helpers.js';

const work = mkdtempSync(join(tmpdir(), 'briefing-print-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

type Case = {
  name: string;
  content: string;
  title: string;
  runningTitle: string;
  footer: (page: number, pages: number) => string;
  minPages: number;
  /** For an article updated since it was published: what the PDF says of it, and its last change. */
  updates?: Readonly<{ lines: readonly string[]; modified: string }>;
};

const CASES: Case[] = [
  {
    name: 'the French article',
    content: join(ROOT, 'content'),
    title: 'Chaos Numérique : 5 Millions d’Utilisateurs de ChatGPT Bloqués dans le Monde',
    runningTitle: 'Chaos Numérique : 5 Millions d’Utilisateurs de ChatGPT Bloqués dans le Monde',
    footer: (page, pages) => `page ${page} sur ${pages}`,
    minPages: 2,
  },
  {
    name: 'a long English briefing',
    content: join(ROOT, 'test', 'fixtures', 'en-long'),
    title:
      'Record Numbers Rode the Buses, Trams, Trains and Ferries of Harnley Vale This Year, but Late Trams, Crowded Morning Buses and Rising Energy Bills Are Now Straining the Network',
    runningTitle: 'Record Numbers Rode the Buses, Trams, Trains and Ferries of Harnley Vale This Year…',
    footer: (page, pages) => `page ${page} of ${pages}`,
    minPages: 10,
  },
  {
    name: 'a German article with footnotes',
    content: join(ROOT, 'test', 'fixtures', 'de-mieten'),
    title: 'Mieten am Oberrhein steigen seit 2021 um ein Fünftel, während die Zahl der Sozialwohnungen in fünf von acht Kreisen weiter schrumpft',
    runningTitle: 'Mieten und Sozialwohnungen am Oberrhein',
    footer: (page, pages) => `Seite ${page} von ${pages}`,
    minPages: 4,
    updates: {
      lines: [
        '14. MÄRZ 2026 · DATENREDAKTION OBERRHEIN · AKTUALISIERT AM 20. MÄRZ 2026',
        'Aktualisierungen und Korrekturen',
        'Korrektur, 16. März 2026. In einer früheren Fassung hieß es, der Ortenaukreis habe seit 2019 rund 200 Sozialwohnungen verloren. Es waren 161.',
        'Aktualisierung, 20. März 2026. Ergänzt um die Antwort des Landratsamts Ortenau auf unsere Anfrage zu den auslaufenden Bindungen.',
      ],
      modified: 'D:20260320000000Z',
    },
  },
  {
    name: 'a British article of long labels, negatives and percentages',
    content: join(ROOT, 'test', 'fixtures', 'en-gb-councils'),
    title: "Carrowshire's Budget Squeeze: Homelessness Costs Jump by 28% While Libraries and Buses Face Deep Cuts",
    // The running header is set in the language's typography; the PDF's Title stays as written.
    runningTitle: 'Carrowshire’s budget squeeze, 2025–26',
    footer: (page, pages) => `page ${page} of ${pages}`,
    minPages: 4,
  },
];

describe.each(CASES)('the PDF of $name', (testCase) => {
  // The article as the run built it for every end-to-end file (see built-sites.ts).
  const out = join(SITES_DIR, ARTICLES.find((article) => article.content === testCase.content)!.name);
  let pdf: PdfInspection;
  let page: ReturnType<typeof fromHtml>;
  beforeAll(async () => {
    await ensureSites();
    pdf = await inspectPdf(join(out, 'report.pdf'));
    page = fromHtml(readFileSync(join(out, 'index.html'), 'utf8'));
  });

  it('has A4 pages, enough of them', () => {
    expect(pdf.pages.length).toBeGreaterThanOrEqual(testCase.minPages);
    for (const { width, height } of pdf.pages) expect([Math.round(width), Math.round(height)]).toEqual([595, 842]);
  });

  it('embeds every font: the report’s serif and sans, no Type 3, no system fallback', () => {
    expect(pdf.fonts.length).toBeGreaterThanOrEqual(3);
    for (const font of pdf.fonts) {
      expect(font, font.name).toMatchObject({ embedded: true, type3: false });
      expect(font.name).toMatch(/^[A-Z]{6}\+(SourceSerif4|SourceSans3)/);
    }
    expect(pdf.fonts.some((font) => font.name.includes('SourceSerif4'))).toBe(true);
    expect(pdf.fonts.some((font) => font.name.includes('SourceSans3'))).toBe(true);
  });

  it('sets no text smaller than 7 pt, charts included', () => {
    const sizes = pdf.pages.flatMap((p) => p.items.filter((item) => item.str.trim()).map((item) => item.size));
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(7);
  });

  it('runs the short title on top of every page but the first, and "page X of Y" with the date below', () => {
    expect(pageText(pdf.pages[0]!, 'top').trim()).toBe('');
    pdf.pages.forEach((p, index) => {
      if (index > 0) expect(normalize(pageText(p, 'top'))).toBe(normalize(testCase.runningTitle));
      const bottom = normalize(pageText(p, 'bottom'));
      expect(bottom).toContain(testCase.footer(index + 1, pdf.pages.length));
      // The date of the latest change: the publication's, or the last update's.
      expect(bottom).toContain(normalize(textOf(selectAll('.dateline time', page).at(-1)!)));
    });
  });

  it('never splits a chart across pages', () => {
    const charts = readdirSync(join(out, 'charts')).filter((name) => name.endsWith('.svg'));
    expect(charts.length).toBeGreaterThan(0);
    for (const chart of charts) {
      // A title or subtitle on several lines is one <text> with a <tspan> per line.
      const labels = Array.from(parseSvg(join(out, 'charts', chart)).getElementsByTagName('text'))
        .flatMap((node) => {
          const lines = Array.from(node.getElementsByTagName('tspan'));
          return (lines.length > 0 ? lines : [node]).map((line) => searchable(line.textContent ?? ''));
        })
        .filter(Boolean);
      const pages = pdf.pages.filter((p) => {
        const text = searchable(pageText(p));
        return labels.every((label) => text.includes(label));
      });
      expect(pages.length, `${chart}: all ${labels.length} labels on one page`).toBeGreaterThanOrEqual(1);
    }
  });

  it('never splits a table across pages', () => {
    // The tables of the text; a chart's own data table is for the web page only.
    for (const table of selectAll('.body > .table-scroll > table', page)) {
      const cells = selectAll('th, td', table)
        .map((cell) => searchable(textOf(cell)))
        .filter(Boolean);
      const pages = pdf.pages.filter((p) => {
        const text = searchable(pageText(p));
        return cells.every((cell) => text.includes(cell));
      });
      expect(pages.length, cells.slice(0, 4).join(' | ')).toBe(1);
    }
  });

  it(`leaves no page but the last more than ${MAX_GAP * 100} % empty at its foot`, () => {
    // The page's content box (print.css: A4, margins 22 mm at the top and 24 mm at the foot), in points.
    const mm = 72 / 25.4;
    const [top, foot] = [842 - 22 * mm, 24 * mm];
    pdf.pages.slice(0, -1).forEach((p, index) => {
      const lowest = Math.min(...p.items.filter((item) => item.str.trim() && item.y > foot - 4 && item.y < top).map((item) => item.y));
      expect((lowest - foot) / (top - foot), `page ${index + 1} of ${pdf.pages.length}`).toBeLessThanOrEqual(MAX_GAP);
    });
  });

  it('never leaves a heading alone at the bottom of a page', () => {
    const headings = selectAll('.body h2, .body h3', page);
    expect(headings.length).toBeGreaterThan(0);
    for (const heading of headings) {
      const title = searchable(textOf(heading));
      const where = pdf.pages.findIndex((p) => p.items.some((item) => item.size > 11 && searchable(item.str) === title));
      expect(where, title).toBeGreaterThanOrEqual(0);
      // The text that follows the heading starts on the same page.
      const rest = searchable(pageText(pdf.pages[where]!));
      const after = rest.slice(rest.lastIndexOf(title) + title.length).trim();
      expect(after.length, `"${title}" ends page ${where + 1}`).toBeGreaterThan(40);
    }
  });

  it('justifies the body text: most lines end at the right margin', () => {
    // Lines of body-size text, as [left, right] edges; lists start further right.
    const lines = new Map<number, { left: number; right: number }>();
    for (const p of pdf.pages.slice(0, 3)) {
      for (const item of p.items) {
        if (Math.abs(item.size - 10.5) > 0.2 || !item.str.trim()) continue;
        const key = Math.round(item.y) + pdf.pages.indexOf(p) * 1000;
        const line = lines.get(key) ?? { left: Infinity, right: 0 };
        line.left = Math.min(line.left, item.x);
        line.right = Math.max(line.right, item.x + item.width);
        lines.set(key, line);
      }
    }
    const left = Math.min(...[...lines.values()].map((line) => line.left));
    const paragraphLines = [...lines.values()].filter((line) => line.left - left < 1).map((line) => line.right);
    const margin = Math.max(...paragraphLines);
    // Short lines end paragraphs; the others must be flush with the margin, where ragged
    // text would end them anywhere in the last part of the line.
    const full = paragraphLines.filter((right) => right - left > 0.6 * (margin - left));
    const flush = full.filter((right) => margin - right < 1.5).length;
    expect(full.length).toBeGreaterThan(10);
    expect(flush / full.length).toBeGreaterThan(0.7);
  });

  it('hyphenates words at line ends, and keeps the page itself unhyphenated', () => {
    const text = pdf.pages.map((p) => pageText(p)).join('\n');
    const words = new Set(textOf(selectAll('.body', page)[0]!).split(/[^\p{L}]+/u));
    const broken = [...text.matchAll(/(\p{L}+)[-\u2010]\n(\p{Ll}+)/gu)].filter(([, head, tail]) => words.has(`${head}${tail}`));
    expect(broken.length).toBeGreaterThanOrEqual(testCase.minPages);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).not.toContain('\u00ad');
  });

  /** The texts the charts draw, line by line: the data's own words, set as the data write them. */
  const drawnTexts = () =>
    new Set(
      readdirSync(join(out, 'charts'))
        .filter((name) => name.endsWith('.svg'))
        .flatMap((name) =>
          Array.from(parseSvg(join(out, 'charts', name)).getElementsByTagName('text')).flatMap((node) => {
            const lines = Array.from(node.getElementsByTagName('tspan'));
            return (lines.length > 0 ? lines : [node]).map((line) => normalize(line.textContent ?? ''));
          }),
        ),
    );

  it('sets the body text at 10.5 pt on every page of text: nothing shrinks a page to fit', () => {
    // Lines across the column (170 mm) below heading size, charts aside, are running text, justified.
    const column = 170 * (72 / 25.4);
    const drawn = drawnTexts();
    let [checked, lines10, linesAll] = [0, 0, 0];
    for (const [index, p] of pdf.pages.entries()) {
      const lines = new Map<number, PdfItem[]>();
      for (const item of p.items.filter((item) => item.str.trim() && !drawn.has(normalize(item.str)))) {
        lines.set(Math.round(item.y), [...(lines.get(Math.round(item.y)) ?? []), item]);
      }
      const full = [...lines.values()].filter((items) => {
        const right = Math.max(...items.map((item) => item.x + item.width));
        return right - Math.min(...items.map((item) => item.x)) > 0.9 * column && Math.max(...items.map((item) => item.size)) < 12;
      });
      if (full.length < 3) continue;
      checked++;
      // Tables (9.5 pt) and captions (9 pt) span the column too; running text is at 10.5 pt, never between.
      const body = full.filter((items) => items.some((item) => Math.abs(item.size - 10.5) < 0.05));
      for (const items of full.filter((line) => !body.includes(line))) {
        expect(Math.max(...items.map((item) => item.size)), `page ${index + 1}: ${items.map((item) => item.str).join('')}`).toBeLessThan(9.9);
      }
      [lines10, linesAll] = [lines10 + body.length, linesAll + full.length];
    }
    // A PDF shrunk to fit has no line at 10.5 pt at all.
    expect(lines10 / linesAll).toBeGreaterThan(0.5);
    expect(checked).toBeGreaterThanOrEqual(Math.ceil(pdf.pages.length / 2));
  });

  it('prints the language’s quotes, dashes and minus signs, and never −0', () => {
    const drawn = drawnTexts();
    const text = pdf.pages
      .flatMap((p) => p.items.filter((item) => !drawn.has(normalize(item.str))).map((item) => item.str + (item.hasEOL ? '\n' : '')))
      .join('');
    expect(typographySlips(text)).toEqual({});
  });

  it(`never ends more than ${MOST_HYPHENS} lines in a row with a hyphen`, () => {
    for (const [index, p] of pdf.pages.entries()) {
      // The page's lines of body text, top down, each as its text.
      const lines = new Map<number, string>();
      for (const item of [...p.items].filter((item) => Math.abs(item.size - 10.5) < 0.2).sort((a, b) => b.y - a.y || a.x - b.x)) {
        lines.set(Math.round(item.y), (lines.get(Math.round(item.y)) ?? '') + item.str);
      }
      let run = 0;
      for (const line of lines.values()) {
        run = /\p{L}[-\u2010\u00ad]$/u.test(line.trimEnd()) ? run + 1 : 0;
        expect(run, `page ${index + 1}: "${line}"`).toBeLessThanOrEqual(MOST_HYPHENS);
      }
    }
  });

  it.skipIf(!testCase.updates)('says on its cover when it was last updated, and lists its updates and corrections at the end', () => {
    const text = normalize(pdf.pages.map((p) => pageText(p)).join('\n'));
    for (const line of testCase.updates!.lines) expect(text).toContain(normalize(line));
  });

  it('carries the metadata, bookmarks, tags and links', () => {
    expect(pdf.info).toMatchObject({ Title: testCase.title, Creator: 'briefing', Producer: 'briefing (Chromium, pdf-lib)' });
    expect(pdf.info.Subject).toBe(normalize(String(selectAll('meta[name="description"]', page)[0]!.properties.content)));
    expect(pdf.info.Language).toBe(selectAll('html', page)[0]!.properties.lang);
    expect(pdf.info.CreationDate).toMatch(/^D:\d{8}000000Z$/);
    expect(pdf.info.ModDate).toBe(testCase.updates?.modified ?? pdf.info.CreationDate);
    expect(pdf.tagged).toBe(true);
    const headings = [testCase.title, ...selectAll('.body h1, .body h2, .body h3, .body h4, .updates h2', page).map((node) => textOf(node))];
    expect(pdf.outline.map((entry) => normalize(entry.title))).toEqual(headings.map(normalize));
    expect(pdf.outline[0]?.depth).toBe(0);
    const hrefs = selectAll('.body a[href^="http"]', page).map((node) => String(node.properties.href));
    for (const href of hrefs) expect(pdf.links).toContain(href);
  });
});

describe('the French briefing', () => {
  const first = join(work, 'reproducible-1');
  const second = join(work, 'reproducible-2');
  beforeAll(async () => {
    for (const out of [first, second]) expect((await runBuild(['--content', join(ROOT, 'content'), '--out', out])).status).toBe(0);
  });

  it('opens with a cover whose key figures come from the data', async () => {
    const csv = readFileSync(join(ROOT, 'content', 'data', 'users-by-country.csv'), 'utf8')
      .trim()
      .split('\n')
      .slice(1);
    const users = csv.map((line) => Number(line.split(',').at(-1)));
    const total = users.reduce((a, b) => a + b, 0);
    const countries =
      readFileSync(join(ROOT, 'content', 'data', 'countries.csv'), 'utf8')
        .trim()
        .split('\n').length - 1;
    const top = csv[users.indexOf(Math.max(...users))]!.split(',')[0]!;
    expect([total, countries, top]).toEqual([5_300_000, 33, 'États-Unis']);

    const cover = normalize(pageText((await inspectPdf(join(first, 'report.pdf'))).pages[0]!));
    expect(cover).toContain('24 NOVEMBRE 2026');
    expect(cover).toContain('Une Panne Majeure Perturbe l’Accès à ChatGPT dans Plusieurs Pays');
    expect(cover).toContain('5,3 millions d’utilisateurs bloqués');
    expect(cover).toContain(`${countries} pays touchés`);
    expect(cover).toContain(`${top} le pays le plus touché (2 000 000)`);
  });

  it('spaces French punctuation and numbers with no-break spaces', () => {
    // The text as read: a number verified against the data sits in a <data> element.
    const html = readFileSync(join(first, 'index.html'), 'utf8').replace(/<\/?data[^>]*>/g, '');
    expect(html).toContain('regrets\u00a0: «\u00a0Nous sommes conscients');
    expect(html).toContain('occasionnée.\u00a0»');
    expect(html).toContain('États-Unis\u00a0: 2\u00a0000\u00a0000 utilisateurs');
  });

  it('gives each chart the alt text of its title and its description', async () => {
    const pdf = await inspectPdf(join(first, 'report.pdf'));
    expect(pdf.figureAlts).toContain(
      'Utilisateurs bloqués par pays Utilisateurs bloqués\u00a0: États-Unis en tête avec 2\u00a0000\u00a0000, soit 38\u00a0% du total. Le Royaume-Uni et l’Inde suivent, avec 800\u00a0000 et 700\u00a0000 utilisateurs bloqués.',
    );
  });

  it('weighs under 1 MB', () => {
    expect(statSync(join(first, 'report.pdf')).size).toBeLessThan(1_000_000);
  });

  it('is the same, byte for byte, when built twice', () => {
    const files = ['report.pdf', 'social.png', 'index.html', ...readdirSync(join(first, 'charts')).map((name) => `charts/${name}`)];
    for (const file of files) {
      expect(readFileSync(join(second, file)).equals(readFileSync(join(first, file))), file).toBe(true);
    }
  });
});
