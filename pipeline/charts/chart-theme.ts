// The charts' theme (from the palette) and their d3 number and time locales, by language.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import type { Config } from 'vega-lite';
import { CHART_COLORS, FONTS, LIGHT } from '../design/palette.js';
import { knownLanguage } from '../language/languages.js';

const require = createRequire(import.meta.url);

/** The report's chart font: the same family the page and the PDF load. */
const CHART_FONT = FONTS.chart;

/** Ink, accent and a categorical palette shared by the page, the PDF and the charts. */
const PALETTE = {
  ink: LIGHT.ink,
  muted: LIGHT.muted,
  grid: CHART_COLORS.grid,
  accent: LIGHT.accent,
  category: CHART_COLORS.category,
  sequential: CHART_COLORS.sequential,
} as const;

/** Theme merged under each spec's own `config`: the spec wins where it says something. */
export const chartConfig: Config = {
  font: CHART_FONT,
  background: LIGHT.paper,
  padding: 4,
  // Numbers in text marks and in each mark's values (its tooltip) grouped as the axes group them.
  numberFormat: ',~f',
  view: { stroke: null },
  title: {
    anchor: 'start',
    fontSize: 16,
    fontWeight: 600,
    color: PALETTE.ink,
    subtitleFontSize: 12.5,
    subtitleColor: PALETTE.muted,
    subtitlePadding: 4,
    offset: 14,
  },
  axis: {
    labelFontSize: 12,
    titleFontSize: 12,
    titleFontWeight: 'normal',
    labelColor: PALETTE.ink,
    titleColor: PALETTE.muted,
    gridColor: PALETTE.grid,
    domainColor: CHART_COLORS.axis,
    tickColor: CHART_COLORS.axis,
    // Where labels would come closer than this, vega drops every other one (a continuous axis).
    labelSeparation: 8,
  },
  // A date stands under its tick, the first and the last too (vega-lite pulls them inside the plot).
  axisTemporal: { labelFlush: false },
  legend: {
    labelFontSize: 12,
    titleFontSize: 12,
    titleFontWeight: 'normal',
    titleColor: PALETTE.muted,
    labelColor: PALETTE.ink,
    labelLimit: 280,
    titleLimit: 280,
  },
  header: { labelFontSize: 12, titleFontSize: 12 },
  text: { fontSize: 12, color: PALETTE.ink },
  mark: { color: PALETTE.accent },
  range: {
    category: [...PALETTE.category],
    heatmap: [...PALETTE.sequential],
    ramp: [...PALETTE.sequential],
  },
};

export type ChartLocale = Readonly<{ number: object; time: object }>;

const NUMBER_DIR = dirname(require.resolve('d3-format/locale/en-US'));
const TIME_DIR = dirname(require.resolve('d3-time-format/locale/en-US'));

/**
 * The d3 number and time locales for a BCP 47 tag: the exact tag when d3 has it
 * (`de-CH`), else the tag's likely region (`fr` → `fr-FR`, `en` → `en-US`), else the language's
 * (`de-AT` → `de-DE`, `fr-BE` → `fr-FR`), else en-US.
 * A language that spaces its percent sign ("10 %") gets the no-break space of its text before
 * it on the axes too (d3's French locale has a narrow one, its German none).
 */
export function chartLocale(lang: string): ChartLocale {
  const number = readLocale(NUMBER_DIR, lang);
  const spaced = knownLanguage(lang)?.punctuation.spacedPercent === true;
  return {
    number: spaced ? { ...number, percent: '\u00a0%' } : number,
    time: readLocale(TIME_DIR, lang),
  };
}

function readLocale(dir: string, lang: string): object {
  const available = readdirSync(dir).map((name) => name.replace(/\.json$/, ''));
  const likely = new Intl.Locale(lang).maximize();
  // The tag's region, or the language's likely one (fr → fr-FR); d3 has the likely region of
  // every language it has. A region d3 lacks (de-AT): the language's own (de-DE), not another
  // country's.
  const choice =
    available.find((tag) => tag === `${likely.language}-${likely.region}`) ??
    available.find((tag) => tag === `${likely.language}-${new Intl.Locale(likely.language).maximize().region}`) ??
    'en-US';
  return JSON.parse(readFileSync(`${dir}/${choice}.json`, 'utf8')) as object;
}
