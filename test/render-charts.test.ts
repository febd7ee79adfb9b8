import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { toHtml } from 'hast-util-to-html';
import { VFile } from 'vfile';
import { afterAll, describe, expect, it } from 'vitest';
import { parseArticle } from '../pipeline/article/parse-article.js';
import { chartDrawer } from '../pipeline/charts/chart-drawer.js';
import { renderCharts } from '../pipeline/charts/render-charts.js';
import type { ChartCache, DrawnChart } from '../pipeline/charts/types.js';
import { localStrings } from '../pipeline/language/localize.js';
import { chartFigure } from '../pipeline/page/chart-figure.js';
import { formatProblem } from '../pipeline/problems/errors.js';

const content = mkdtempSync(join(tmpdir(), 'briefing-charts-'));
mkdirSync(join(content, 'data'));
writeFileSync(join(content, 'data', 'users.csv'), 'country,users\nÉtats-Unis,2000000\nJapon,100000\n');
// One drawing thread for the file's charts, as a dev server keeps one: vega is loaded once.
const drawer = chartDrawer();
afterAll(async () => {
  rmSync(content, { recursive: true, force: true });
  await drawer.close();
});

const bars = (extra: Record<string, unknown> = {}) => ({
  title: 'Utilisateurs bloqués',
  description: 'Deux pays seulement.',
  data: { url: 'data/users.csv' },
  mark: 'bar',
  encoding: { y: { field: 'country', type: 'nominal' }, x: { field: 'users', type: 'quantitative' } },
  ...extra,
});

async function render(specs: string[], lang = 'fr', cache?: ChartCache, using = drawer) {
  const markdown = ['---', 'title: T', 'description: D', `lang: ${lang}`, 'date: 2026-11-24', '---', ''];
  for (const spec of specs) markdown.push('```vega-lite', spec, '```', '');
  const article = new VFile({ path: 'article.md', value: markdown.join('\n') });
  const files = new Map<string, VFile>();
  const dataFile = (url: string) => files.get(url) ?? files.set(url, new VFile({ path: url })).get(url)!;
  const charts = await renderCharts(parseArticle(article).charts, { contentDir: content, lang, article, dataFile, cache, drawer: using });
  const problems = [article, ...files.values()].flatMap((file) => file.messages.map(formatProblem));
  return { charts, problems, messages: article.messages };
}

function memoryCache(): ChartCache {
  const entries = new Map<string, DrawnChart>();
  return { get: async (key) => entries.get(key), set: async (key, value) => void entries.set(key, value) };
}

describe('renderCharts', () => {
  it('takes a chart from the cache when its fence and data are unchanged, and draws it again when the data changes', async () => {
    const entries = new Map<string, DrawnChart>();
    let drawn = 0;
    const cache: ChartCache = {
      get: async (key) => entries.get(key),
      set: async (key, value) => {
        drawn++;
        entries.set(key, value);
      },
    };
    writeFileSync(join(content, 'data', 'cached.csv'), 'country,users\nFrance,300000\nInde,700000\n');
    const untitled = JSON.stringify(bars({ title: undefined, data: { url: 'data/cached.csv' } }));
    const first = await render([untitled], 'fr', cache);
    const second = await render([untitled], 'fr', cache);
    expect(drawn).toBe(1);
    expect(second.charts[0]?.file).toBe(first.charts[0]?.file);
    // What a drawing said is said again when the chart comes from the cache.
    expect(second.problems).toEqual(first.problems);
    expect(second.problems).toEqual(['article.md:8:1: warning: chart "chart-1" has no title: readers of the page hear "Graphique 1"']);
    writeFileSync(join(content, 'data', 'cached.csv'), 'country,users\nFrance,300000\nInde,900000\n');
    const third = await render([untitled], 'fr', cache);
    expect(drawn).toBe(2);
    expect(third.charts[0]?.file).toContain('900');
  });

  it('refuses a chart that needs more memory than its drawing thread has, at its fence, and draws the next one', async () => {
    const small = chartDrawer(96);
    try {
      const points = { data: { sequence: { start: 0, stop: 200_000, as: 'v' } }, mark: 'point', width: 4000, height: 4000 };
      const heavy = { ...points, encoding: { x: { field: 'v', type: 'quantitative' }, y: { field: 'v', type: 'quantitative' } } };
      const { charts, problems } = await render([JSON.stringify(heavy), JSON.stringify(bars())], 'fr', undefined, small);
      expect(problems).toEqual([
        'article.md:8:1: chart "chart-1": drawing it needs more than 96 MiB of memory: give it fewer rows or marks, or a smaller size',
      ]);
      expect(charts.map((chart) => chart.id)).toEqual(['chart-2']);
    } finally {
      await small.close();
    }
  });

  it('renders an accessible SVG whose numbers follow the article’s language', async () => {
    const { charts, problems } = await render([JSON.stringify(bars())]);
    expect(problems).toEqual([]);
    const [chart] = charts;
    expect(chart?.id).toBe('chart-1');
    expect(chart?.svg.properties).toMatchObject({ role: 'img', ariaLabelledBy: ['chart-1-title'], ariaDescribedBy: ['chart-1-desc'] });
    expect(chart?.file).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n<svg/);
    expect(chart?.file).toContain('<title id="chart-1-title">Utilisateurs bloqués</title>');
    // A sentence computed from the data, then the spec's own description.
    expect(chart?.description).toBe('users\u00a0: États-Unis en tête avec 2\u00a0000\u00a0000, soit 95\u00a0% du total. Deux pays seulement.');
    expect(chart?.file).toContain(`<desc id="chart-1-desc">${chart?.description}</desc>`);
    expect(chart?.file).toContain('2\u00a0000\u00a0000');
    expect(chart?.file).toContain('font-family="&#x22;Source Sans 3&#x22;');
  });

  it('writes English numbers for lang: en', async () => {
    const { charts } = await render([JSON.stringify(bars())], 'en');
    expect(charts[0]?.file).toContain('2,000,000');
  });

  it('gives each chart’s ids its own prefix, so that charts can share a page', async () => {
    const { charts } = await render([JSON.stringify(bars()), JSON.stringify(bars())]);
    const ids = charts.flatMap((chart) => [...toHtml(chart.svg).matchAll(/ id="([^"]+)"/g)].map((match) => match[1]));
    expect(new Set(ids).size).toBe(ids.length);
    for (const chart of charts) {
      for (const [, ref] of toHtml(chart.svg).matchAll(/url\(#([^)]+)\)/g)) expect(ids).toContain(ref);
    }
  });

  it('renders the same SVG twice', async () => {
    const first = await render([JSON.stringify(bars())]);
    const second = await render([JSON.stringify(bars())]);
    expect(second.charts[0]?.file).toBe(first.charts[0]?.file);
  });

  it('points at the bad token of invalid JSON', async () => {
    const { charts, problems } = await render([['{', '  "mark": "bar",,', '}'].join('\n')]);
    expect(charts).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^article\.md:10:17: chart "chart-1": invalid JSON: /);
  });

  it('names an unknown mark and an unknown channel at their lines', async () => {
    const spec = JSON.stringify(bars({ mark: 'bars', encoding: { y: { field: 'country', type: 'nominal' }, colour: { field: 'users' } } }), null, 2);
    const { problems } = await render([spec]);
    const lines = spec.split('\n');
    const line = (needle: string) => 8 + lines.findIndex((text) => text.includes(needle)) + 1;
    const column = (needle: string) => lines.find((text) => text.includes(needle))!.indexOf(needle) + 1;
    expect(problems).toEqual([
      `article.md:${line('"bars"')}:${column('"bars"')}: chart "chart-1": unknown mark "bars": did you mean "bar"?`,
      `article.md:${line('"colour"')}:${column('"colour"')}: chart "chart-1": unknown encoding channel "colour": did you mean "color"?`,
    ]);
    const far = await render([JSON.stringify(bars({ mark: 'donut' }))]);
    expect(far.problems[0]).toMatch(/unknown mark "donut": use arc, area, bar, .*geoshape/);
  });

  it('checks the spec against the vega-lite schema, at the bad value', async () => {
    const spec = JSON.stringify(bars({ transform: [{ filter: { field: 'users', oneOf: 3 } }] }));
    const { charts, problems } = await render([spec]);
    expect(charts).toEqual([]);
    expect(problems).toEqual([`article.md:9:${spec.indexOf('3}') + 1}: chart "chart-1": transform[0].filter.oneOf: 3 is not allowed here: use an array`]);
  });

  it('points at an expression that does not parse', async () => {
    const spec = JSON.stringify(bars({ transform: [{ filter: 'datum.users >' }] }));
    const { problems } = await render([spec]);
    expect(problems).toEqual([
      `article.md:9:${spec.indexOf('"datum.users >"') + 1}: chart "chart-1": invalid expression "datum.users >": Unexpected end of input`,
    ]);
  });

  it('turns any other invalid spec into a content error at the fence', async () => {
    const { problems } = await render([JSON.stringify(bars({ transform: [{ filter: 'frobnicate(datum.users)' }] }))]);
    expect(problems).toEqual(['article.md:8:1: chart "chart-1": invalid Vega-Lite spec: Unrecognized function: frobnicate']);
  });

  it('checks the CSV columns the chart reads as numbers', async () => {
    writeFileSync(join(content, 'data', 'bad.csv'), 'country,users\nFrance,beaucoup\n');
    const { problems } = await render([JSON.stringify(bars({ data: { url: 'data/bad.csv' } }))]);
    expect(problems).toEqual(['data/bad.csv:2: column "users": "beaucoup" is not a number']);
  });

  it("tells vega's warnings in plain words at the fence, again from the cache, and keeps quiet about interaction", async () => {
    // No row passes the filter: vega warns of an empty extent; --verbose has vega's own words.
    const empty = JSON.stringify(bars({ title: 'Vide', transform: [{ filter: 'datum.users > 1e12' }] }));
    const said = [
      'article.md:8:1: warning: chart "chart-1": field "users" has no number to draw (it is empty, or the filters leave no row): its axis or legend is drawn without values',
    ];
    const cache = memoryCache();
    for (let build = 0; build < 2; build++) {
      const { charts, problems, messages } = await render([empty], 'en', cache);
      expect(charts).toHaveLength(1);
      expect(problems).toEqual(said);
      expect(String(messages[0]?.cause)).toMatch(/^Infinite extent for field "users_start"/);
    }
    // A brush and a slider: drawn in their first state, with nothing to tell.
    const brush = bars({
      params: [
        { name: 'pick', select: { type: 'interval', encodings: ['x'] } },
        { name: 'cut', value: 5, bind: { input: 'range', min: 0, max: 9 } },
      ],
    });
    const { charts, problems } = await render([JSON.stringify(brush)], 'en');
    expect(problems).toEqual([]);
    expect(toHtml(charts[0]!.svg)).toContain('data-value');
  });

  it('draws image marks from files of the content folder, and refuses remote ones at the fence', async () => {
    mkdirSync(join(content, 'images'), { recursive: true });
    writeFileSync(join(content, 'images', 'wide.svg'), '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><rect width="40" height="20"/></svg>');
    const icons = (url: string) =>
      JSON.stringify({
        title: 'Icons',
        data: { values: [{ k: 'a', icon: url }] },
        mark: { type: 'image', width: 60, height: 60 },
        encoding: { x: { field: 'k', type: 'nominal' }, url: { field: 'icon', type: 'nominal' } },
      });
    const { charts, problems } = await render([icons('images/wide.svg')], 'en');
    expect(problems).toEqual([]);
    expect(charts[0]?.images).toEqual([{ source: 'images/wide.svg', target: 'assets/images/wide.svg' }]);
    const image = /<image[^>]*>/.exec(toHtml(charts[0]!.svg, { space: 'svg' }))?.[0] ?? '';
    expect(image).toContain('href="assets/images/wide.svg"');
    expect(image).toMatch(/width="60" height="60" preserveAspectRatio="xMidYMid"/);
    expect(charts[0]?.file).toContain('href="../assets/images/wide.svg"');
    const remote = await render([icons('https://example.org/icon.png')], 'en');
    expect(remote.charts).toEqual([]);
    expect(remote.problems).toEqual([
      'article.md:8:1: chart "chart-1": remote image is not allowed: https://example.org/icon.png (put the file in the content folder)',
    ]);
  });

  it('gives each mark the values of its tooltip channel, or the words of its description channel', async () => {
    const spec = (extra: object) =>
      JSON.stringify({
        title: 'Rises',
        data: { values: [{ k: 'North', v: 2, note: 'rising', say: 'North rose to 2' }] },
        mark: 'bar',
        encoding: { x: { field: 'k', type: 'nominal' }, y: { field: 'v', type: 'quantitative' }, ...extra },
      });
    const values = async (extra: object) =>
      [...toHtml((await render([spec(extra)], 'en')).charts[0]!.svg).matchAll(/data-value="([^"]*)"/g)].map((match) => match[1]);
    expect(await values({ tooltip: [{ field: 'k' }, { field: 'note' }] })).toEqual(['k: North; note: rising; v: 2']);
    expect(await values({ description: { field: 'say' } })).toEqual(['North rose to 2']);
  });

  it("makes an href channel links that lead to the same pages from the page, the chart's own page and its SVG", async () => {
    const spec = JSON.stringify({
      title: 'Sources',
      data: {
        values: [
          { k: 'A', v: 2, u: 'sources/a.html' },
          { k: 'B', v: 3, u: 'https://example.org/b' },
          { k: 'C', v: 1, u: 'javascript:alert(1)' },
        ],
      },
      mark: 'bar',
      encoding: { x: { field: 'k', type: 'nominal' }, y: { field: 'v', type: 'quantitative' }, href: { field: 'u' } },
    });
    const [chart] = (await render([spec], 'en')).charts;
    const links = (html: string) => [...html.matchAll(/<a ([^>]*)>/g)].map((match) => match[1]);
    expect(links(toHtml(chart!.svg, { space: 'svg' }))).toEqual(['xlink:href="sources/a.html"', 'xlink:href="https://example.org/b"']);
    expect(links(chart!.file)).toEqual(['href="../sources/a.html"', 'href="https://example.org/b"']);
    const embedded = toHtml(chartFigure(chart!, { strings: localStrings('en'), lang: 'en', base: '../' }));
    // In the column's drawing and in the phone's.
    expect([...new Set(links(embedded).filter((link) => link?.includes('example.org/b') || link?.includes('sources/a')))]).toEqual([
      'href="../sources/a.html" target="_top"',
      'href="https://example.org/b" target="_top"',
    ]);
  });

  it("gives a line chart's values to its points, one row each, never to the whole line", async () => {
    const spec = JSON.stringify({
      title: 'Levels',
      data: {
        values: [
          { y: 2020, v: 54.5, s: 'Ebro' },
          { y: 2021, v: 60, s: 'Ebro' },
          { y: 2020, v: 30, s: 'Tajo' },
          { y: 2021, v: 41, s: 'Tajo' },
        ],
      },
      mark: { type: 'line', point: true },
      encoding: { x: { field: 'y', type: 'ordinal' }, y: { field: 'v', type: 'quantitative' }, color: { field: 's', type: 'nominal' } },
    });
    const svg = toHtml((await render([spec], 'en')).charts[0]!.svg, { space: 'svg' });
    const lines = svg.slice(svg.indexOf('mark-line role-mark'), svg.indexOf('mark-symbol role-mark'));
    expect(lines).toContain('<path');
    expect(lines).not.toContain('data-value');
    expect([...svg.matchAll(/data-value="([^"]*)"/g)].map((match) => match[1]).sort()).toEqual([
      'y: 2020; s: Ebro; v: 54.5',
      'y: 2020; s: Tajo; v: 30',
      'y: 2021; s: Ebro; v: 60',
      'y: 2021; s: Tajo; v: 41',
    ]);
  });

  it('gives rows of categories the height of a label raised to 12 px', async () => {
    const spec = bars({ height: { step: 8 }, encoding: { ...bars().encoding, y: { field: 'country', type: 'nominal', axis: { labelFontSize: 8 } } } });
    const { charts } = await render([JSON.stringify(spec)], 'en');
    const svg = toHtml(charts[0]!.svg, { space: 'svg' });
    expect(svg).toContain('font-size="12px"');
    // Two rows of 14 px, not of 8.
    expect(svg).toMatch(/<path class="background"[^>]* d="M0,0h\d+(\.\d+)?v28h/);
  });

  it('warns when a chart has no title, and names it after its position', async () => {
    const { charts, problems } = await render([JSON.stringify(bars({ title: undefined }))]);
    expect(charts[0]?.title).toBe('Graphique 1');
    expect(problems).toEqual(['article.md:8:1: warning: chart "chart-1" has no title: readers of the page hear "Graphique 1"']);
  });
});

describe('the phone drawing', () => {
  const widthOf = (svg: { properties: Record<string, unknown> } | undefined) => Number(svg?.properties.width);
  const wide = (extra: Record<string, unknown> = {}) =>
    bars({
      width: 560,
      encoding: {
        y: { field: 'country', type: 'nominal' },
        x: { field: 'users', type: 'quantitative' },
        color: { field: 'country', type: 'nominal', legend: { orient: 'right', title: 'Pays' } },
      },
      ...extra,
    });

  it('is drawn for a chart wider than a phone: at most 300 px, its legend under the plot, its marks carrying their values', async () => {
    const { charts, problems } = await render([JSON.stringify(wide())]);
    expect(problems).toEqual([]);
    const [chart] = charts;
    expect(widthOf(chart?.svg)).toBeGreaterThan(560);
    expect(widthOf(chart?.phone)).toBeLessThanOrEqual(300);
    const phone = toHtml(chart!.phone!);
    // The legend's title is under the plot: below the last bar.
    const legendY = Number(/role-legend[\s\S]*?translate\([\d.]+,([\d.]+)\)/.exec(phone)?.[1]);
    const plotHeight = Number(chart!.phone!.properties.height);
    expect(legendY).toBeGreaterThan(plotHeight / 2);
    // French grouping: a no-break space.
    expect(phone).toMatch(/data-value="country: Japon; users: 100\u202F000"|data-value="country: Japon; users: 100\u00A0000"/);
  });

  it('is not drawn for a chart that fits a phone, nor for a spec that says "usermeta": {"phone": false}', async () => {
    const { charts } = await render([JSON.stringify(bars({ width: 150 })), JSON.stringify(wide({ usermeta: { phone: false } }))]);
    expect(charts.map((chart) => chart.phone)).toEqual([undefined, undefined]);
  });

  it('takes the changes a spec gives in "usermeta": {"phone": {…}}', async () => {
    const { charts } = await render([JSON.stringify(wide({ usermeta: { phone: { title: 'Court', encoding: { color: { legend: null } } } } }))]);
    const phone = toHtml(charts[0]!.phone!);
    expect(phone).toContain('>Court</text>');
    expect(phone).not.toContain('role-legend');
    expect(toHtml(charts[0]!.svg)).toContain('role-legend');
  });

  it('fits a phone with stacked views that set no width, beside labels, in a layer or a facet', async () => {
    const view = (axis?: null) => ({ mark: 'bar', encoding: { y: { field: 'country', type: 'nominal', axis }, x: { field: 'users', type: 'quantitative' } } });
    const rule = { mark: 'rule', encoding: { x: { aggregate: 'mean', field: 'users', type: 'quantitative' } } };
    const side = { data: { url: 'data/users.csv' }, hconcat: [view(), { layer: [view(null), rule] }, view(null)] };
    const facet = { data: { url: 'data/users.csv' }, facet: { field: 'country', type: 'nominal' }, columns: 2, spec: view() };
    // Labels as wide as a phone leaves them: the views narrower by as much.
    const values = [
      { country: 'Saint-Vincent-et-les-Grenadines', users: 1200 },
      { country: 'République centrafricaine', users: 900 },
    ];
    const long = { data: { values }, hconcat: [view(), view(null)] };
    const specs = [
      { title: 'Trois vues', ...side },
      { title: 'Une vue par pays', ...facet },
      { title: 'Noms longs', ...long },
    ];
    const { charts, problems } = await render(specs.map((spec) => JSON.stringify(spec)));
    expect(problems).toEqual([]);
    expect(charts).toHaveLength(3);
    for (const chart of charts) {
      expect(widthOf(chart.svg)).toBeGreaterThan(400);
      // As wide as a phone, and no wider: the plots take the room the labels leave.
      expect(widthOf(chart.phone)).toBeLessThanOrEqual(310);
      expect(widthOf(chart.phone)).toBeGreaterThan(270);
    }
  });

  it('stacks views that stand side by side, each no wider than a phone', async () => {
    const side = { data: { url: 'data/users.csv' }, hconcat: [bars({ width: 280, data: undefined }), bars({ width: 280, data: undefined })] };
    const { charts, problems } = await render([JSON.stringify({ title: 'Deux vues', ...side })]);
    expect(problems).toEqual([]);
    expect(widthOf(charts[0]?.svg)).toBeGreaterThan(560);
    expect(widthOf(charts[0]?.phone)).toBeLessThanOrEqual(300);
  });
});
