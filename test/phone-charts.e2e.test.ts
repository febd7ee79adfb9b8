import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { HtmlValidate } from 'html-validate';
import { PNG } from 'pngjs';
import type { Page } from 'puppeteer';
import { describe, expect, it } from 'vitest';
import { builtSites } from './built-sites.js';
import { measureCharts } from './chart-measures.js';
import { ROOT } from './helpers.js';

const sites = builtSites('briefing-phone-');
const { seed } = sites;

type Options = { width: number; javaScript?: boolean; scheme?: 'light' | 'dark'; touch?: boolean };

async function open(file: string, { width, javaScript = true, scheme = 'light', touch = false }: Options): Promise<Page> {
  const page = await sites.browser().newPage();
  await page.setJavaScriptEnabled(javaScript);
  await page.setViewport({ width, height: 800, hasTouch: touch, isMobile: touch });
  await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  return page;
}

describe.each(sites.all.map((site) => [site.title, site.out] as const))('the charts of %s', (_name, out) => {
  describe.each([true, false])('with JavaScript %s', (javaScript) => {
    // The page has one breakpoint (400 px) and a column of at most 640 px: 1280 stands for every wider screen.
    it.each([320, 375, 1280])('are read at 11 px or more (12 from 375 px), one drawing and one image a figure, at %i px', async (width) => {
      const page = await open(join(out, 'index.html'), { width, javaScript });
      try {
        const seen = await measureCharts(page);
        expect(seen.length).toBeGreaterThan(0);
        for (const chart of seen) {
          expect(chart.shown, chart.figure).toBe(1);
          expect(chart.images, chart.figure).toBe(1);
          expect(chart.smallest, chart.figure).toBeGreaterThanOrEqual(width >= 375 ? 12 : 11);
        }
        const [scrollWidth, clientWidth] = (await page.evaluate('[document.documentElement.scrollWidth, document.documentElement.clientWidth]')) as number[];
        expect(scrollWidth).toBeLessThanOrEqual(clientWidth!);
      } finally {
        await page.close();
      }
    });
  });

  it('each have their own valid page (html-validate)', async () => {
    const validator = new HtmlValidate({ extends: ['html-validate:recommended'], rules: { 'long-title': 'off' } });
    const ids = [...readFileSync(join(out, 'index.html'), 'utf8').matchAll(/<figure class="chart" id="chart-([^"]+)"/g)].map((match) => match[1]!);
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) {
      const report = await validator.validateString(readFileSync(join(out, 'charts', `${id}.html`), 'utf8'), `charts/${id}.html`);
      expect(
        report.results.flatMap((result) => result.messages.map((message) => `${id} ${message.line}:${message.column} ${message.ruleId}: ${message.message}`)),
      ).toEqual([]);
    }
  });
});

/** The seed's ranking, as its CSV says: each country and its users, formatted as the chart formats them (fr). */
function seedRows(): { country: string; users: string }[] {
  const [, ...lines] = readFileSync(join(ROOT, 'content', 'data', 'users-by-country.csv'), 'utf8')
    .trim()
    .split('\n');
  return lines.map((line) => {
    const [country, users] = line.split(',');
    return { country: country!.replace(/^"|"$/g, ''), users: Number(users).toLocaleString('fr-FR').replace(/\s/g, ' ') };
  });
}

const text = (value: string | null | undefined) => (value ?? '').replace(/\s+/g, ' ').trim();

describe('the tooltips of the French ranking', () => {
  const bars = '#chart-classement svg:not([style*="none"]) [data-value]';

  async function visibleBars(page: Page) {
    const handles = [];
    for (const handle of await page.$$(bars)) if (await handle.isVisible()) handles.push(handle);
    return handles;
  }

  it('show a bar’s country and value under the mouse, as the CSV has them', async () => {
    const page = await open(join(seed, 'index.html'), { width: 1280 });
    try {
      const rows = seedRows();
      const handles = await visibleBars(page);
      expect(handles.length).toBe(rows.length);
      for (const [index, handle] of handles.entries()) {
        await handle.hover();
        const tip = text(await page.$eval('#chart-classement .chart-tooltip:not([hidden])', (node) => node.textContent));
        expect(tip).toContain(rows[index]!.country);
        expect(tip).toContain(rows[index]!.users);
      }
    } finally {
      await page.close();
    }
  });

  it('show a bar’s values on a tap at 375 px, and hide them on a tap beside the bars', async () => {
    const page = await open(join(seed, 'index.html'), { width: 375, touch: true });
    try {
      const [first] = seedRows();
      const [bar] = await visibleBars(page);
      await bar!.scrollIntoView();
      const box = (await bar!.boundingBox())!;
      await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
      const tip = text(await page.$eval('#chart-classement .chart-tooltip', (node) => (node.hasAttribute('hidden') ? '' : node.textContent)));
      expect(tip).toContain(first!.country);
      expect(tip).toContain(first!.users);
      const svg = (await page.$('#chart-classement .chart-phone'))!;
      const frame = (await svg.boundingBox())!;
      await page.touchscreen.tap(frame.x + 4, frame.y + frame.height - 4);
      expect(await page.$eval('#chart-classement .chart-tooltip', (node) => node.hasAttribute('hidden'))).toBe(true);
    } finally {
      await page.close();
    }
  });

  it('go from bar to bar with the keyboard, are announced, and leave with Escape', async () => {
    const page = await open(join(seed, 'index.html'), { width: 375 });
    try {
      const rows = seedRows();
      // Tab, from the top of the page, until the ranking has the focus.
      let focused = '';
      for (let presses = 0; presses < 40 && focused !== 'chart-classement'; presses++) {
        await page.keyboard.press('Tab');
        focused = (await page.evaluate("document.activeElement?.closest('figure')?.id ?? ''")) as string;
      }
      expect(focused).toBe('chart-classement');
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      const announced = text(await page.$eval('#chart-classement [aria-live]', (node) => node.textContent));
      expect(announced).toContain(rows[1]!.country);
      expect(announced).toContain(rows[1]!.users);
      expect(text(await page.$eval('#chart-classement .chart-tooltip', (node) => node.textContent))).toContain(rows[1]!.users);
      await page.keyboard.press('Escape');
      expect(await page.$eval('#chart-classement .chart-tooltip', (node) => node.hasAttribute('hidden'))).toBe(true);
    } finally {
      await page.close();
    }
  });
});

describe('a chart’s own page, framed by another site', () => {
  it.each([320, 800])('shows the chart at %i px and posts its height to the page that frames it', async (width) => {
    const parent = join(seed, `frame-${width}.html`);
    writeFileSync(
      parent,
      `<!DOCTYPE html><html lang="en"><title>Frame</title><body style="margin:0"><iframe title="Chart" src="charts/classement.html" style="width:${width}px;border:0" height="200"></iframe></body></html>`,
    );
    const page = await sites.browser().newPage();
    try {
      await page.setViewport({ width: width + 40, height: 900 });
      await page.evaluateOnNewDocument(() => {
        (window as unknown as { heights: unknown[] }).heights = [];
        window.addEventListener('message', (event) => (window as unknown as { heights: unknown[] }).heights.push(event.data));
      });
      await page.goto(pathToFileURL(parent).href, { waitUntil: 'load' });
      await page.waitForFunction('window.heights.length > 0', { timeout: 5000 });
      const messages = (await page.evaluate('window.heights')) as { 'datawrapper-height'?: Record<string, number> }[];
      const posted = messages.flatMap((message) => Object.entries(message['datawrapper-height'] ?? {}));
      expect(posted.at(-1)?.[0]).toBe('classement');
      const frame = page.frames().find((child) => child.url().endsWith('charts/classement.html'))!;
      const [height, scrollWidth, shown] = (await frame.evaluate(
        "[document.documentElement.getBoundingClientRect().height, document.documentElement.scrollWidth, [...document.querySelectorAll('svg')].filter((svg) => svg.getBoundingClientRect().width > 0).length]",
      )) as number[];
      expect(posted.at(-1)?.[1]).toBe(Math.ceil(height!));
      expect(scrollWidth).toBeLessThanOrEqual(width);
      expect(shown).toBe(1);
    } finally {
      await page.close();
      rmSync(parent);
    }
  });
});

describe('a chart as a standalone SVG', () => {
  /** The drawing as Chromium paints it: the SVG file opened alone, or inside a page. */
  async function paint(url: string, width: number, height: number): Promise<PNG> {
    const page = await sites.browser().newPage();
    try {
      await page.setViewport({ width, height });
      await page.goto(url, { waitUntil: 'load' });
      await page.evaluate('document.fonts.ready');
      return PNG.sync.read(Buffer.from(await page.screenshot({ clip: { x: 0, y: 0, width, height } })));
    } finally {
      await page.close();
    }
  }
  const differing = (a: PNG, b: PNG) => {
    let count = 0;
    for (let index = 0; index < a.data.length; index += 4) if (a.data.readUInt32BE(index) !== b.data.readUInt32BE(index)) count++;
    return count / (a.width * a.height);
  };

  // Every chart of every article, listed from its content: ids are the fences' own, else chart-N.
  const charts = sites.all.flatMap((site) => {
    const fences = [...readFileSync(join(site.content, 'article.md'), 'utf8').matchAll(/^```vega-lite(?:[ \t]+id=([\w-]+))?/gm)];
    return fences.map((fence, index) => [site.name, fence[1] ?? `chart-${index + 1}`, site.out] as const);
  });
  it.concurrent.each(charts)('draws the same with its embedded glyphs as in a page that has the report’s fonts (%s: %s)', async (_site, id, out) => {
    const file = readFileSync(join(out, 'charts', `${id}.svg`), 'utf8');
    const size = /<svg[^>]* width="([\d.]+)" height="([\d.]+)"/.exec(file)!;
    const [width, height] = [Math.ceil(Number(size[1])), Math.ceil(Number(size[2]))] as const;
    // This machine has no Source Sans 3 of its own: without its glyphs, the file falls back to another face.
    const bare = file.replace(/<style>@font-face[^<]*<\/style>/, '');
    expect(bare.length).toBeLessThan(file.length);
    const pages = join(out, 'charts');
    // Files of the chart's own: the charts are painted side by side.
    writeFileSync(join(pages, `${id}-bare.svg`), bare);
    writeFileSync(
      join(pages, `${id}-with-fonts.html`),
      `<!DOCTYPE html><html lang="en"><title>t</title><link rel="stylesheet" href="../assets/fonts.css"><body style="margin:0"><style>svg { display: block; }</style>${bare.replace(/^<\?xml[^>]*>\n/, '')}</body></html>`,
    );
    try {
      const alone = await paint(pathToFileURL(join(pages, `${id}.svg`)).href, width, height);
      const inPage = await paint(pathToFileURL(join(pages, `${id}-with-fonts.html`)).href, width, height);
      const fallback = await paint(pathToFileURL(join(pages, `${id}-bare.svg`)).href, width, height);
      expect(differing(fallback, inPage)).toBeGreaterThan(0.002);
      expect(differing(alone, inPage)).toBeLessThan(0.001);
    } finally {
      rmSync(join(pages, `${id}-bare.svg`));
      rmSync(join(pages, `${id}-with-fonts.html`));
    }
  });
});
