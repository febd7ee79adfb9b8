import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString as textOf } from 'hast-util-to-string';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliRun, normalize, parseSvg, pngSize, ROOT, readPdf, runBuild, searchable, sourceLines } from './helpers.js';

const A4 = { width: 595, height: 842 };
const work = mkdtempSync(join(tmpdir(), 'briefing-e2e-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const COUNTRIES = [
  'États-Unis',
  'Royaume-Uni',
  'Inde',
  'Canada',
  'Australie',
  'France',
  'Allemagne',
  'Brésil',
  'Japon',
  'Mexique',
  'Espagne',
  'Italie',
  'Corée du Sud',
  'Pays-Bas',
  'Russie',
  'Afrique du Sud',
  'Chine',
  'Arabie Saoudite',
  'Suède',
  'Suisse',
  'Argentine',
  'Pologne',
  'Belgique',
  'Indonésie',
  'Autriche',
  'Norvège',
  'Danemark',
  'Finlande',
  'Irlande',
  'Singapour',
  'Malaisie',
  'Thaïlande',
  'Nouvelle-Zélande',
];

function pageOf(out: string) {
  return fromHtml(readFileSync(join(out, 'index.html'), 'utf8'));
}

function meta(tree: ReturnType<typeof fromHtml>, key: string): string | undefined {
  const node = select(`meta[property="${key}"], meta[name="${key}"]`, tree);
  return node ? String(node.properties.content) : undefined;
}

describe('the French article in content/', () => {
  const out = join(work, 'fr');
  let run: CliRun;
  beforeAll(async () => {
    run = await runBuild(['--content', join(ROOT, 'content'), '--out', out]);
  });

  it('builds with exit status 0 and every output of the contract', () => {
    expect(run.stderr).not.toMatch(/error/i);
    expect(run.status).toBe(0);
    for (const file of ['index.html', 'report.pdf', 'social.png', 'charts/classement.svg', 'charts/parts.svg', 'charts/carte.svg']) {
      expect(existsSync(join(out, file)), file).toBe(true);
    }
    expect(readdirSync(work).filter((name) => name.includes('staging') || name.includes('.lock'))).toEqual([]);
  });

  it('keeps every sentence of the source text in the page and in the PDF', async () => {
    const html = normalize(textOf(pageOf(out)));
    const pdf = searchable((await readPdf(join(out, 'report.pdf'))).pages.map((page) => page.text).join('\n'));
    for (const line of sourceLines()) {
      // French typography groups the source's 2,000,000 as 2 000 000 (narrow no-break spaces).
      const expected = line.replace(/(\d),(?=\d{3}\b)/g, '$1 ');
      expect(html, line).toContain(normalize(expected));
      expect(pdf, line).toContain(searchable(expected));
    }
  });

  it('names all 33 countries in the page, and in the PDF text', async () => {
    const html = textOf(pageOf(out));
    const pdf = searchable((await readPdf(join(out, 'report.pdf'))).pages.map((page) => page.text).join('\n'));
    for (const country of COUNTRIES) {
      expect(html, country).toContain(country);
      expect(pdf, country).toContain(searchable(country));
    }
  });

  it('prints A4 pages whose PDF Title is the title, exactly', async () => {
    const pdf = await readPdf(join(out, 'report.pdf'));
    expect(pdf.title).toBe('Chaos Numérique : 5 Millions d’Utilisateurs de ChatGPT Bloqués dans le Monde');
    expect(pdf.pages.length).toBeGreaterThanOrEqual(2);
    for (const page of pdf.pages) {
      expect(Math.round(page.width)).toBe(A4.width);
      expect(Math.round(page.height)).toBe(A4.height);
    }
  });

  it('draws chart labels as live text in the PDF, with French number formatting', async () => {
    const pdf = (await readPdf(join(out, 'report.pdf'))).pages.map((page) => page.text).join(' ');
    expect(pdf).toContain('Utilisateurs bloqués par pays');
    expect(pdf).toContain('Autres pays (24)');
    expect(pdf).toMatch(/2[\u00a0\u202f ]000[\u00a0\u202f ]000/);
  });

  it('makes a 1200×630 share image', () => {
    expect(pngSize(join(out, 'social.png'))).toEqual({ width: 1200, height: 630 });
  });

  it('writes each chart as a well-formed standalone SVG with its title and labels', () => {
    const ranking = parseSvg(join(out, 'charts', 'classement.svg'));
    const texts = Array.from(ranking.getElementsByTagName('text')).map((node) => node.textContent ?? '');
    expect(ranking.getElementsByTagName('title')[0]?.textContent).toBe('Utilisateurs bloqués par pays');
    expect(texts).toContain('États-Unis');
    expect(texts).toContain('Autres pays (24)');
    expect(texts).toContain('2\u00a0000\u00a0000');
    expect(texts).not.toContain('2,000,000');

    const map = parseSvg(join(out, 'charts', 'carte.svg'));
    expect(map.getElementsByTagName('title')[0]?.textContent).toBe('33 pays touchés par la panne');
    expect(map.getElementsByTagName('path').length).toBeGreaterThan(100);

    const shares = parseSvg(join(out, 'charts', 'parts.svg'));
    const legend = Array.from(shares.getElementsByTagName('text')).map((node) => node.textContent);
    expect(legend).toEqual(expect.arrayContaining(['États-Unis', 'Japon', 'Autres pays (24)']));
  });

  it('publishes a page with lang, title, share meta tags and accessible inline charts', () => {
    const tree = pageOf(out);
    expect(select('html', tree)?.properties.lang).toBe('fr');
    expect(textOf(select('title', tree)!)).toMatch(/^Chaos Numérique : 5 Millions/);
    expect(meta(tree, 'description')).toMatch(/^Une panne majeure de ChatGPT/);
    expect(meta(tree, 'og:title')).toMatch(/^Chaos Numérique/);
    expect(meta(tree, 'og:description')).toBeTruthy();
    expect(meta(tree, 'og:type')).toBe('article');
    expect(meta(tree, 'og:image')).toBe('social.png');
    expect(meta(tree, 'twitter:card')).toBe('summary_large_image');
    expect(run.stderr).toMatch(/article\.md:1:1: warning: no "url"/);

    // Each figure: its column drawing, and the phone drawing of a chart wider than a phone.
    expect(selectAll('figure > .chart-drawings > svg.chart-column', tree)).toHaveLength(3);
    const svgs = selectAll('figure > .chart-drawings > svg', tree);
    expect(svgs.length).toBeGreaterThanOrEqual(3);
    for (const svg of svgs) {
      expect(svg.properties.role).toBe('img');
      const [labelId] = svg.properties.ariaLabelledBy as string[];
      const title = select(`title[id="${labelId}"]`, svg);
      expect(title && textOf(title)).toBeTruthy();
    }
  });

  it('loads only files of the output folder', () => {
    const tree = pageOf(out);
    const urls = [
      ...selectAll('link[href]', tree)
        .filter((node) => node.properties.rel?.toString() !== 'canonical')
        .map((node) => String(node.properties.href)),
      ...selectAll('img[src], script[src]', tree).map((node) => String(node.properties.src)),
    ];
    expect(urls.length).toBeGreaterThan(0);
    for (const url of urls) {
      expect(url).not.toMatch(/^[a-z]+:|^\/\/|^\//i);
      expect(existsSync(join(out, url)), url).toBe(true);
    }
    const css = readFileSync(join(out, 'assets', 'fonts.css'), 'utf8');
    for (const [, url] of css.matchAll(/url\(([^)]+)\)/g)) expect(existsSync(join(out, 'assets', url!)), url).toBe(true);
  });
});

describe('an English content folder with its own data', () => {
  const out = join(work, 'en');
  let run: CliRun;
  beforeAll(async () => {
    run = await runBuild(['--content', join(ROOT, 'test', 'fixtures', 'en-briefing'), '--out', out]);
  });

  it('builds both charts, with English number formatting', () => {
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(readdirSync(join(out, 'charts')).sort()).toEqual(['households.html', 'households.svg', 'levels.html', 'levels.svg']);
    const bars = parseSvg(join(out, 'charts', 'households.svg'));
    const texts = Array.from(bars.getElementsByTagName('text')).map((node) => node.textContent);
    expect(texts).toEqual(expect.arrayContaining(['Carrow', 'Westfold', '1,250']));
    const lines = parseSvg(join(out, 'charts', 'levels.svg'));
    const labels = Array.from(lines.getElementsByTagName('text')).map((node) => node.textContent);
    expect(labels).toEqual(expect.arrayContaining(['Ashby Weir', 'Millbrook Bridge', 'Carrow Quay', 'River level (metres)']));
  });

  it('prints the article, its table and its chart labels as PDF text', async () => {
    const pdf = await readPdf(join(out, 'report.pdf'));
    expect(pdf.title).toBe('River Tarrow Falls Back After Five Weeks of Flood Warnings');
    const text = searchable(pdf.pages.map((page) => page.text).join('\n'));
    expect(text).toContain(searchable('The river peaked at Carrow Quay on 22 September at 3.6 metres.'));
    expect(text).toContain(searchable('The last flood warning for the valley was lifted on 14 October.'));
    expect(text).toContain('Hollin Green');
    expect(text).toContain('The Tarrow peaked twice in five weeks');
    for (const page of pdf.pages) expect([Math.round(page.width), Math.round(page.height)]).toEqual([A4.width, A4.height]);
  });

  it('uses the url for the canonical link and an absolute og:image', () => {
    const tree = pageOf(out);
    expect(select('html', tree)?.properties.lang).toBe('en');
    expect(select('link[rel="canonical"]', tree)?.properties.href).toBe('https://example.org/briefings/river-levels/');
    expect(meta(tree, 'og:image')).toBe('https://example.org/briefings/river-levels/social.png');
    expect(selectAll('.body > .table-scroll > table', tree)).toHaveLength(1);
  });

  it('makes a 1200×630 share image', () => {
    expect(pngSize(join(out, 'social.png'))).toEqual({ width: 1200, height: 630 });
  });

  it('copies its image into assets/ and shows it from there', () => {
    const image = select('.body img', pageOf(out));
    expect(image?.properties.src).toBe('assets/images/valley.png');
    expect(pngSize(join(out, 'assets', 'images', 'valley.png'))).toEqual({ width: 640, height: 220 });
  });
});
