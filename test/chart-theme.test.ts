import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { formatHex, wcagContrast } from 'culori';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString as textOf } from 'hast-util-to-string';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { describe, expect, it } from 'vitest';
import { chartConfig, chartLocale } from '../pipeline/charts/chart-theme.js';
import { CHART_COLORS, FONTS, LIGHT } from '../pipeline/design/palette.js';

const require = createRequire(import.meta.url);

/** The chart drawn as the build draws it: the theme under the spec, headless, in the language's locale. */
async function draw(spec: Record<string, unknown>, lang = 'en') {
  const compiled = compile(spec as unknown as TopLevelSpec, { config: chartConfig }).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none', locale: chartLocale(lang) } as unknown as vega.ViewOptions);
  try {
    const svg = fromHtml(await view.toSVG(), { fragment: true });
    const all = (selector: string) => selectAll(selector, svg);
    const one = (selector: string) => select(selector, svg) as Element;
    return { svg, all, one, texts: (selector: string) => all(selector).map((node) => textOf(node)) };
  } finally {
    view.finalize();
  }
}

const spend = [
  { service: 'Schools', spend: 12345.5, kind: 'statutory' },
  { service: 'Roads', spend: 950, kind: 'discretionary' },
];

describe('chartLocale', () => {
  it.each([
    ['fr', '\u00a0', ','],
    ['fr-CA', '\u00a0', ','],
    ['en', ',', '.'],
    ['de', '.', ','],
    ['de-CH', "'", ','],
    ['xx', ',', '.'],
    // No locale of d3 for Argentina: another of Spanish, not English.
    ['es-AR', '.', ','],
  ])('%s groups thousands with %j and writes decimals with %j', (lang, thousands, decimal) => {
    expect(chartLocale(lang).number).toMatchObject({ thousands, decimal });
  });

  // No locale of d3 for Austria or Belgium: the language's own country, not the first another has.
  it.each([
    ['de-AT', '.', ['', '\u00a0€']],
    ['fr-BE', '\u00a0', ['', '\u00a0€']],
  ])('%s, a region d3 lacks, writes numbers as its language does at home', (lang, thousands, currency) => {
    expect(chartLocale(lang).number).toMatchObject({ thousands, currency });
  });

  it('gives every language d3 has the locale of its likely country, and a language d3 lacks en-US', () => {
    const files = (pkg: string) => readdirSync(dirname(require.resolve(`${pkg}/locale/en-US`))).map((name) => name.replace(/\.json$/, ''));
    for (const [pkg, kind] of [
      ['d3-format', 'number'],
      ['d3-time-format', 'time'],
    ] as const) {
      const tags = files(pkg);
      for (const language of new Set(tags.map((tag) => tag.split('-')[0]!))) {
        const { region } = new Intl.Locale(language).maximize();
        expect(tags, `${pkg}: ${language}`).toContain(`${language}-${region}`);
        // The percent sign aside: the text's own spacing replaces it (below).
        const { percent: _, ...locale } = chartLocale(language)[kind] as { percent?: string };
        const { percent: __, ...file } = require(`${pkg}/locale/${language}-${region}`) as { percent?: string };
        expect(locale, `${pkg}: ${language}`).toEqual(file);
      }
      expect(chartLocale('sw')[kind], pkg).toEqual(require(`${pkg}/locale/en-US`));
    }
  });

  it.each([
    ['de', '\u00a0%'],
    ['es', '\u00a0%'],
    ['fr', '\u00a0%'],
    ['en', undefined],
    ['it', undefined],
  ])('%s writes a percentage on an axis with %j', (lang, percent) => {
    expect((chartLocale(lang).number as { percent?: string }).percent).toBe(percent);
  });
});

describe('the charts’ palette', () => {
  // WCAG 2.2 (1.4.11) asks 3:1 of graphical objects. Charts are drawn on white, in dark mode too.
  it.each([...CHART_COLORS.category])('draws a series in %s, at 3:1 or more against the chart’s white', (color) => {
    expect(wcagContrast(color, LIGHT.paper)).toBeGreaterThanOrEqual(3);
  });
});

describe('the charts’ theme, as a drawn chart shows it', () => {
  const bars = (extra: Record<string, unknown> = {}) => ({
    title: 'Spend by service',
    data: { values: spend },
    mark: 'bar',
    encoding: { y: { field: 'service', type: 'nominal', title: 'Service' }, x: { field: 'spend', type: 'quantitative', title: 'Spend' } },
    ...extra,
  });

  // The two charts most tests read, drawn once.
  let plain: ReturnType<typeof draw> | undefined;
  let coloured: ReturnType<typeof draw> | undefined;
  const plainBars = () => (plain ??= draw(bars()));
  const colouredBars = () => (coloured ??= draw(bars({ encoding: { ...bars().encoding, color: { field: 'kind', type: 'nominal', title: 'Kind' } } })));

  it('sets the title at the left, semi-bold, in the ink of the page and the chart font', async () => {
    const title = (await plainBars()).one('.role-title-text text').properties;
    expect(title).toMatchObject({ textAnchor: 'start', fill: LIGHT.ink, fontWeight: '600', fontFamily: FONTS.chart });
  });

  it('writes axis titles in plain weight and muted, labels in ink', async () => {
    const chart = await plainBars();
    expect(chart.one('.role-axis-title text').properties).toMatchObject({ fill: LIGHT.muted, fontWeight: 'normal' });
    expect(chart.one('.role-axis-label text').properties).toMatchObject({ fill: LIGHT.ink, fontSize: '12px' });
  });

  it('draws no frame around the plot', async () => {
    const chart = await plainBars();
    expect(chart.all('[stroke="#ddd"]')).toEqual([]);
  });

  it('fills bars with the accent, and series with the palette in its order', async () => {
    expect((await plainBars()).one('.mark-rect path').properties.fill).toBe(LIGHT.accent);
    const series = await colouredBars();
    expect(new Set(series.all('.mark-rect path').map((bar) => bar.properties.fill))).toEqual(new Set(CHART_COLORS.category.slice(0, 2)));
  });

  it('colours a heatmap and a colour ramp with the sequential scheme, lightest to darkest', async () => {
    const cells = {
      data: { values: spend },
      mark: 'rect',
      encoding: { y: { field: 'service', type: 'nominal' }, color: { field: 'spend', type: 'quantitative' } },
    };
    const heatmap = (await draw(cells)).all('.role-mark path').map((cell) => formatHex(String(cell.properties.fill)));
    expect(heatmap).toEqual([CHART_COLORS.sequential.at(-1), CHART_COLORS.sequential[0]]);
    const dots = { ...cells, mark: { type: 'circle', opacity: 1 }, encoding: { ...cells.encoding, x: { field: 'spend', type: 'quantitative' } } };
    const fills = (await draw(dots)).all('.role-mark path').map((dot) => formatHex(String(dot.properties.fill)));
    expect(fills).toEqual([CHART_COLORS.sequential.at(-1), CHART_COLORS.sequential[0]]);
  });

  it('writes numbers in text marks grouped in the language’s way', async () => {
    const labels = {
      data: { values: spend },
      mark: 'text',
      encoding: { y: { field: 'service', type: 'nominal' }, text: { field: 'spend', type: 'quantitative' } },
    };
    const english = await draw(labels);
    expect(english.texts('.role-mark text')).toEqual(['12,345.5', '950']);
    expect(english.one('.role-mark text').properties).toMatchObject({ fill: LIGHT.ink, fontSize: '12px' });
    expect((await draw(labels, 'fr')).texts('.role-mark text')).toEqual(['12\u00a0345,5', '950']);
  });

  it('centres every date under its tick, the first and the last too', async () => {
    const months = {
      data: {
        values: [
          { month: '2026-01-01', n: 3 },
          { month: '2026-06-01', n: 5 },
          { month: '2026-12-01', n: 4 },
        ],
      },
      mark: 'line',
      encoding: { x: { field: 'month', type: 'temporal' }, y: { field: 'n', type: 'quantitative' } },
    };
    const anchors = (await draw(months)).all('.role-axis-label text').map((label) => label.properties.textAnchor);
    expect(new Set(anchors.slice(0, 3))).toEqual(new Set(['middle']));
  });

  it('titles a legend in plain weight and muted', async () => {
    const series = await colouredBars();
    expect(series.one('.role-legend-title text').properties).toMatchObject({ fill: LIGHT.muted, fontWeight: 'normal', fontSize: '12px' });
  });

  it('writes the headers of small multiples at the size of the axes', async () => {
    const facets = await draw({
      data: { values: spend },
      mark: 'bar',
      encoding: { x: { field: 'spend', type: 'quantitative' }, y: { field: 'service', type: 'nominal' }, row: { field: 'kind', type: 'nominal' } },
    });
    expect(facets.one('.role-row-header text, .role-row-title text')?.properties.fontSize).toBe('12px');
  });
});
