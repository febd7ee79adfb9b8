import { cpSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize as normalizePath } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString as textOf } from 'hast-util-to-string';
import { HtmlValidate } from 'html-validate';
import type { Page } from 'puppeteer';
import { SKIP, visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import type { FrontMatter } from '../pipeline/article/read-front-matter.js';
import { SHARE_FORMATS } from '../pipeline/browser/index.js';
import type { RenderedChart } from '../pipeline/charts/types.js';
import { renderSocial } from '../pipeline/page/render-page.js';
import { builtSites } from './built-sites.js';
import { checkChartSentences } from './chart-sentences.js';
import { pngSize, ROOT, runBuild, typographySlips } from './helpers.js';

const sites = builtSites('briefing-web-');
const { work, seed } = sites;

/** A page of the built site in a real browser, JavaScript on so that the test can measure it. */
async function open(url: string, options: { width?: number; scheme?: 'light' | 'dark' } = {}): Promise<Page> {
  const page = await sites.browser().newPage();
  await page.setViewport({ width: options.width ?? 1280, height: 900 });
  await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: options.scheme ?? 'light' }]);
  await page.goto(url, { waitUntil: 'load' });
  return page;
}

/**
 * The text a reader reads on the page: the cover and the body, without code and without the
 * charts' drawings, data tables and embedding code, whose words are the data's own.
 */
function proseOf(tree: Root): string {
  const parts: string[] = [];
  for (const root of selectAll('.masthead, .body', tree)) {
    visit(root, (node) => {
      if (node.type === 'element' && ['svg', 'code', 'pre', 'details'].includes(node.tagName)) return SKIP;
      if (node.type === 'text') parts.push(node.value);
      return undefined;
    });
  }
  return parts.join(' ');
}

/** Runs in a share page: whether it shows its chart, the chart's smallest text as drawn, and the words on the title's last line. */
function measureCard(): { chart: boolean; smallest: number; lastLine: number } {
  const svg = document.querySelector('.chart svg') as SVGSVGElement | null;
  const chart = svg !== null && svg.getBoundingClientRect().width > 0;
  let smallest = Number.POSITIVE_INFINITY;
  if (svg && chart) {
    // The drawing is fitted into the element's box, keeping its shape (preserveAspectRatio "meet").
    const box = svg.getBoundingClientRect();
    const scale = Math.min(box.width / svg.viewBox.baseVal.width, box.height / svg.viewBox.baseVal.height);
    for (const text of svg.querySelectorAll('text')) {
      if (text.textContent?.trim()) smallest = Math.min(smallest, Number.parseFloat(getComputedStyle(text).fontSize) * scale);
    }
  }
  const tops: number[] = [];
  const range = document.createRange();
  const walker = document.createTreeWalker(document.querySelector('h1')!, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    for (const word of node.data.matchAll(/\S+/g)) {
      range.setStart(node, word.index);
      range.setEnd(node, word.index + word[0].length);
      tops.push(range.getClientRects()[0]!.top);
    }
  }
  const last = Math.max(...tops);
  return { chart, smallest, lastLine: tops.filter((top) => Math.abs(top - last) < 2).length };
}

/** A share page written into a built site, then shown in each format in turn, as the build takes the images. */
async function inEachFormat(out: string, name: string, html: string, check: (page: Page, format: (typeof SHARE_FORMATS)[number]) => Promise<void>) {
  writeFileSync(join(out, name), html);
  cpSync(join(ROOT, 'templates', 'social.css'), join(out, 'assets', 'social.css'));
  const page = await sites.browser().newPage();
  try {
    for (const format of SHARE_FORMATS) {
      await page.setViewport({ width: format.width, height: format.height });
      if (format === SHARE_FORMATS[0]) await page.goto(pathToFileURL(join(out, name)).href, { waitUntil: 'load' });
      await page.evaluate(`showFormat(${JSON.stringify(format.name)})`);
      await check(page, format);
    }
  } finally {
    await page.close();
  }
}

const pageUrl = (out: string) => pathToFileURL(join(out, 'index.html')).href;

describe('the web page of an article updated since it was published', () => {
  it('links the date of its last change to its list of updates and corrections, and tells search engines', () => {
    const html = readFileSync(join(sites.all.find((site) => site.name === 'german')!.out, 'index.html'), 'utf8');
    const tree = fromHtml(html);
    const link = select('.dateline a.updated', tree)!;
    expect(link.properties.href).toBe('#updates');
    expect(textOf(link)).toBe('Aktualisiert am 20. März 2026');
    expect(textOf(select('#updates h2', tree)!)).toBe('Aktualisierungen und Korrekturen');
    expect(selectAll('#updates li', tree).map((item) => textOf(item).replace(/\s+/g, ' '))).toEqual([
      'Korrektur, 16. März 2026. In einer früheren Fassung hieß es, der Ortenaukreis habe seit 2019 rund 200 Sozialwohnungen verloren. Es waren 161.',
      'Aktualisierung, 20. März 2026. Ergänzt um die Antwort des Landratsamts Ortenau auf unsere Anfrage zu den auslaufenden Bindungen.',
    ]);
    expect(select('meta[property="article:modified_time"]', tree)!.properties.content).toBe('2026-03-20');
    const jsonLd = JSON.parse(textOf(select('script[type="application/ld+json"]', tree)!)) as Record<string, unknown>;
    expect(jsonLd).toMatchObject({ datePublished: '2026-03-14', dateModified: '2026-03-20' });
  });
});

describe.each(sites.all.map((site) => [site.title, site.out, site] as const))('the web page of %s', (_name, out, site) => {
  // Dark mode at a phone's width, where the page is read most; a chart's drawing keeps its white card in dark mode at any width.
  it.concurrent.each([
    ['light', 1280],
    ['light', 375],
    ['dark', 375],
  ] as const)('has no accessibility violation (axe-core, WCAG 2.2 AA) in %s mode at %i px', async (scheme, width) => {
    const page = await open(pageUrl(out), { scheme, width });
    try {
      await page.addScriptTag({ path: join(ROOT, 'node_modules', 'axe-core', 'axe.min.js') });
      const result = (await page.evaluate("axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] })")) as {
        violations: { id: string; nodes: { target: string[] }[] }[];
      };
      expect(result.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('leads each of its links within the page to an element of the page, footnotes and their way back too', () => {
    const tree = fromHtml(readFileSync(join(out, 'index.html'), 'utf8'));
    const ids = new Set(selectAll('[id]', tree).map((node) => String(node.properties.id)));
    const fragments = selectAll('a[href^="#"]', tree).map((node) => decodeURIComponent(String(node.properties.href).slice(1)));
    expect(fragments.filter((id) => !ids.has(id))).toEqual([]);
  });

  it('is valid HTML (html-validate)', async () => {
    // The contract makes <title> start with the article's title, however long it is.
    const validator = new HtmlValidate({ extends: ['html-validate:recommended'], rules: { 'long-title': 'off' } });
    const report = await validator.validateString(readFileSync(join(out, 'index.html'), 'utf8'), 'index.html');
    expect(
      report.results.flatMap((result) => result.messages.map((message) => `${message.line}:${message.column} ${message.ruleId}: ${message.message}`)),
    ).toEqual([]);
  });

  it.concurrent.each([320, 375, 768, 1280])('never scrolls sideways at %i px', async (width) => {
    const page = await open(pageUrl(out), { width });
    try {
      const [scrollWidth, clientWidth] = (await page.evaluate('[document.documentElement.scrollWidth, document.documentElement.clientWidth]')) as number[];
      expect(scrollWidth).toBeLessThanOrEqual(clientWidth!);
    } finally {
      await page.close();
    }
  });

  it('sets its text at 60 to 75 characters a line on a desktop screen', async () => {
    const page = await open(pageUrl(out), { width: 1280 });
    try {
      const perLine = (await page.evaluate(`[...document.querySelectorAll('.body > p')].map((p) => {
        const range = document.createRange();
        range.selectNodeContents(p);
        const lines = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size;
        return lines >= 3 ? p.textContent.length / lines : null;
      }).filter((n) => n !== null)`)) as number[];
      perLine.sort((a, b) => a - b);
      const median = perLine[Math.floor(perLine.length / 2)]!;
      expect(median).toBeGreaterThanOrEqual(60);
      expect(median).toBeLessThanOrEqual(75);
    } finally {
      await page.close();
    }
  });

  it.concurrent.each([375, 1280])('loads only files of its own folder, by relative paths, and weighs at most 450 KB at %i px', async (width) => {
    const html = readFileSync(join(out, 'index.html'), 'utf8');
    const tree = fromHtml(html);
    for (const node of selectAll('link[href]:not([rel="canonical"]), script[src], img[src]', tree)) {
      const url = String(node.properties.href ?? node.properties.src);
      expect(url).not.toMatch(/^([a-z]+:|\/)/i);
    }
    const page = await sites.browser().newPage();
    const loaded: string[] = [];
    page.on('requestfinished', (request) => loaded.push(request.url()));
    const failed: string[] = [];
    page.on('requestfailed', (request) => failed.push(request.url()));
    try {
      await page.setViewport({ width, height: 900 });
      // Loaded, fonts included: the page asks for nothing more (no lazy image, no script that fetches).
      await page.goto(pageUrl(out), { waitUntil: 'load' });
      await page.evaluate('document.fonts.ready.then(() => true)');
      expect(failed).toEqual([]);
      const root = pathToFileURL(out).href;
      for (const url of loaded) expect(url.startsWith(`${root}/`), url).toBe(true);
      const weight = loaded.reduce((sum, url) => sum + statSync(new URL(url)).size, 0);
      if (out === seed) expect(weight).toBeLessThanOrEqual(450 * 1000);
      expect(loaded.some((url) => url.endsWith('.woff2'))).toBe(true);
      expect(loaded.some((url) => url.endsWith('assets/charts.js'))).toBe(true);
    } finally {
      await page.close();
    }
  });

  it('has its share and search metadata', () => {
    const tree = fromHtml(readFileSync(join(out, 'index.html'), 'utf8'));
    const meta = (key: string) => select(`meta[property="${key}"], meta[name="${key}"]`, tree)?.properties.content;
    expect(meta('og:image:width')).toBe('1200');
    expect(meta('og:image:height')).toBe('630');
    expect(String(meta('og:image:alt'))).toMatch(/\S{3,}/);
    expect(meta('twitter:card')).toBe('summary_large_image');
    expect(select('link[rel="icon"]', tree)?.properties.href).toBe('assets/favicon.svg');
    const jsonLd = JSON.parse(
      String(
        select('script[type="application/ld+json"]', tree)
          ?.children.map((child) => ('value' in child ? child.value : ''))
          .join(''),
      ),
    );
    expect(jsonLd).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: select('title', tree)
        ?.children.map((child) => ('value' in child ? child.value : ''))
        .join(''),
      datePublished: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      inLanguage: select('html', tree)?.properties.lang,
    });
    expect(jsonLd.image[0]).toMatch(/social\.png$/);
  });

  it('puts under every chart, the map too, its data as a table and a link to its CSV', () => {
    const tree = fromHtml(readFileSync(join(out, 'index.html'), 'utf8'));
    const figures = selectAll('figure.chart', tree);
    expect(figures.length).toBeGreaterThan(0);
    for (const figure of figures) {
      const details = select('figcaption details.chart-data', figure);
      expect(details, String(figure.properties.id)).toBeDefined();
      if (!details) continue;
      const link = select('a[download]', details)!;
      const csv = String(link.properties.href);
      expect(csv).toMatch(/^data\/[\w.-]+\.(csv|json)$/);
      const rows = readFileSync(join(out, csv), 'utf8').trim().split('\n').length - 1;
      expect(selectAll('tbody tr', details)).toHaveLength(Math.min(rows, 100));
    }
  });

  it('makes share images of 1200×630 and 1080×1080', () => {
    expect(pngSize(join(out, 'social.png'))).toEqual({ width: 1200, height: 630 });
    expect(pngSize(join(out, 'social-square.png'))).toEqual({ width: 1080, height: 1080 });
  });

  it('sets its text in the language’s typography: curly quotes, dashes in ranges, minus signs, never −0', () => {
    const text = proseOf(fromHtml(readFileSync(join(out, 'index.html'), 'utf8')));
    expect(text.length).toBeGreaterThan(2000);
    expect(typographySlips(text)).toEqual({});
  });

  it('cuts no chart label with "…" and warns of no font missing a character', () => {
    const tree = fromHtml(readFileSync(join(out, 'index.html'), 'utf8'));
    const labels = selectAll('svg text', tree).map((node) => textOf(node));
    expect(labels.length).toBeGreaterThan(20);
    expect(labels.filter((label) => label.trim().endsWith('…'))).toEqual([]);
    expect(site.stderr()).not.toMatch(/system font|fallback/i);
  });

  it('says in each chart’s sentence what its data say: the leader, its value and its share', () => {
    const checked = checkChartSentences(site.content, out);
    for (const sentence of checked) expect(sentence.problems, sentence.text).toEqual([]);
    if (site.name === 'seed' || site.name === 'german') expect(checked.length).toBeGreaterThan(0);
  });
});

describe('the French page', () => {
  it('describes its ranking from the data, the same way in the caption, the SVG and og:image:alt', () => {
    const html = readFileSync(join(seed, 'index.html'), 'utf8');
    const tree = fromHtml(html);
    const sentence = 'Utilisateurs bloqués\u00a0: États-Unis en tête avec 2\u00a0000\u00a0000, soit 38\u00a0% du total.';
    const caption = select('#chart-classement figcaption .chart-description', tree)!;
    expect(caption.children.map((child) => ('value' in child ? child.value : '')).join('')).toMatch(new RegExp(`^${sentence}`));
    expect(html).toContain(`<desc id="classement-desc">${sentence}`);
    expect(String(select('meta[property="og:image:alt"]', tree)?.properties.content)).toMatch(new RegExp(`^${sentence}`));
    expect(readFileSync(join(seed, 'charts', 'classement.svg'), 'utf8')).toContain(sentence);
  });

  it("works from any sub-path of a web server, its charts' script too under Content-Security-Policy: script-src 'self'", async () => {
    const server: Server = createServer((request, response) => {
      const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
      const prefix = '/news/2026/panne/';
      if (!path.startsWith(prefix)) return void response.writeHead(404).end();
      const file = normalizePath(join(seed, path.slice(prefix.length) || 'index.html'));
      try {
        const body = readFileSync(file.endsWith('/') ? join(file, 'index.html') : file);
        const types: Record<string, string> = {
          '.html': 'text/html',
          '.css': 'text/css',
          '.woff2': 'font/woff2',
          '.svg': 'image/svg+xml',
          '.js': 'text/javascript',
        };
        response
          .writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream', 'content-security-policy': "script-src 'self'" })
          .end(body);
      } catch {
        response.writeHead(404).end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    const page = await sites.browser().newPage();
    const statuses: number[] = [];
    page.on('response', (response) => statuses.push(response.status()));
    const refused: string[] = [];
    page.on('console', (message) => message.type() === 'error' && refused.push(message.text()));
    try {
      await page.goto(`http://127.0.0.1:${port}/news/2026/panne/`, { waitUntil: 'networkidle0' });
      expect(statuses.length).toBeGreaterThan(3);
      expect(statuses.every((status) => status === 200)).toBe(true);
      expect(await page.evaluate('document.fonts.check(\'16px "Source Serif 4"\')')).toBe(true);
      // The charts' script ran: a bar under the mouse shows its values.
      await (await page.$('#chart-classement .chart-column [data-value]'))!.hover();
      expect(await page.$eval('#chart-classement .chart-tooltip', (node) => node.textContent)).toMatch(/États-Unis/);
      expect(refused).toEqual([]);
    } finally {
      await page.close();
      server.close();
    }
  });
});

describe('the share images', () => {
  function withTitle(name: string, title: string): string {
    const content = join(work, name);
    cpSync(join(ROOT, 'test', 'fixtures', 'en-briefing'), content, { recursive: true });
    const article = join(content, 'article.md');
    writeFileSync(article, readFileSync(article, 'utf8').replace(/^title: .*$/m, `title: ${JSON.stringify(title)}`));
    return content;
  }

  it('fit a 200-character title without overflow or clipping', async () => {
    const title =
      'Flood Warnings Lifted Across the Tarrow Valley as the River Falls Back to Its Usual Level After Two September Peaks, While Towns Count the Cost and the Authority Reviews Its Barriers';
    const padded = `${title} ${'and More'.repeat(3)}`.slice(0, 200);
    expect(padded).toHaveLength(200);
    const out = join(work, 'long-title-out');
    const run = await runBuild(['--content', withTitle('long-title', padded), '--out', out]);
    expect(run.stderr).not.toMatch(/does not fit/);
    expect(run.status).toBe(0);
    expect(pngSize(join(out, 'social.png'))).toEqual({ width: 1200, height: 630 });
    expect(pngSize(join(out, 'social-square.png'))).toEqual({ width: 1080, height: 1080 });
  });

  it.each(sites.all.map((site) => [site.title, site] as const))(
    'of %s show a chart only where it reads at 7.5 px in a 500 px feed preview, and end no title on one word',
    async (_title, site) => {
      const tree = fromHtml(readFileSync(join(site.out, 'index.html'), 'utf8'));
      const meta = parseYaml(readFileSync(join(site.content, 'article.md'), 'utf8').split(/^---$/m)[1]!) as FrontMatter;
      const id = meta.share_chart ?? String(select('figure.chart', tree)!.properties.id).replace(/^chart-/, '');
      const column = select(`#chart-${id} svg.chart-column`, tree) ?? select(`#chart-${id} svg`, tree)!;
      const phone = select(`#chart-${id} svg.chart-phone`, tree);
      const first = select('.key-figures > div', tree);
      const figure = first && { value: textOf(select('dd', first)!), label: textOf(select('dt', first)!) };
      const html = renderSocial(readFileSync(join(ROOT, 'templates', 'social.html'), 'utf8'), meta, {
        format: 'wide',
        chart: { svg: column, phone } as unknown as RenderedChart,
        figure: figure ?? undefined,
      });
      await inEachFormat(site.out, 'share-check.html', html, async (page, format) => {
        const seen = (await page.evaluate(`(${measureCard.toString()})()`)) as ReturnType<typeof measureCard>;
        if (seen.chart) expect((seen.smallest * 500) / format.width, `${format.file}: chart text in a feed`).toBeGreaterThanOrEqual(7.5);
        if (site.name === 'seed' && format.name === 'wide') expect(seen.chart, 'the seed’s ranking on social.png').toBe(true);
        expect(seen.lastLine, `${format.file}: words on the title's last line`).toBeGreaterThanOrEqual(2);
      });
    },
  );

  it('stamp the date of the last update under the article’s date, in both formats, inside the card', async () => {
    const site = sites.all.find((candidate) => candidate.name === 'german')!;
    const meta = parseYaml(readFileSync(join(site.content, 'article.md'), 'utf8').split(/^---$/m)[1]!) as FrontMatter;
    const html = renderSocial(readFileSync(join(ROOT, 'templates', 'social.html'), 'utf8'), meta, { format: 'wide', chart: undefined, figure: undefined });
    await inEachFormat(site.out, 'stamp-check.html', html, async (page, format) => {
      const stamp = (await page.evaluate(
        `(() => { const box = document.querySelector('.dateline .updated').getBoundingClientRect(); return { text: document.querySelector('.dateline .updated').textContent, right: box.right, bottom: box.bottom, height: box.height }; })()`,
      )) as { text: string; right: number; bottom: number; height: number };
      expect(stamp.text, format.file).toBe('Aktualisiert am 20. März 2026');
      expect(stamp.height, format.file).toBeGreaterThan(20);
      expect(stamp.right, format.file).toBeLessThanOrEqual(format.width);
      expect(stamp.bottom, format.file).toBeLessThanOrEqual(format.height);
    });
  });

  it('refuse a title that cannot fit at a readable size', async () => {
    const run = await runBuild(['--content', withTitle('huge-title', 'An absurdly long headline '.repeat(40).trim()), '--out', join(work, 'huge-title-out')]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^article\.md:2:1: social\.png: the title and the description do not fit, even at the smallest size: shorten it$/m);
  });
});
