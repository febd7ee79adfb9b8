// The sentence under a chart of categories, computed from its data: which leads, with how much, and
// its share.
import { numberIn, type Row } from '../data/read-table.js';
import { knownLanguage } from '../language/languages.js';
import { formatNumber } from '../language/localize.js';

type Channel = { field?: unknown; type?: unknown; title?: unknown; aggregate?: unknown; stack?: unknown; axis?: { title?: unknown; format?: unknown } | null };
type Encoding = Record<string, Channel>;

/** Channels that split a category into series: stacked, grouped or coloured bars. */
const SERIES = ['color', 'fill', 'stroke', 'detail', 'shape', 'opacity', 'xOffset', 'yOffset'];
/** Categories that are years or dates: a time series, whose story is not which one leads. */
const TIME_LIKE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/**
 * A sentence that says what a chart of categories shows, computed from its data: which
 * category leads, with how much, and its share of the total when shares make sense.
 * Where it could not say something true and new, it says nothing: maps, time series,
 * derived fields, stacked or grouped series, normalized stacks, negative values, and a
 * leader the spec's own description already names.
 */
export function describeChart(spec: Record<string, unknown>, rows: readonly Row[], lang: string, written = ''): string | undefined {
  const sentence = knownLanguage(lang)?.leads;
  const pair = categoryAndMeasure(spec);
  if (!sentence || !pair || rows.length < 2) return undefined;
  const { category, measure } = pair;
  if (!(category.field in rows[0]!) || !(measure.field in rows[0]!)) return undefined;
  const names = rows.map((row) => String(row[category.field]));
  if (pair.series && new Set(names).size < names.length) return undefined;
  if (names.every((name) => TIME_LIKE.test(name.trim()))) return undefined;

  // Sum the measure by category, as a bar chart of this data would stack it.
  const totals = new Map<string, number>();
  for (const row of rows) {
    const value = numberIn(row[measure.field]);
    if (value === undefined) continue;
    const key = String(row[category.field]);
    totals.set(key, (totals.get(key) ?? 0) + value);
  }
  if (totals.size < 2) return undefined;
  const values = [...totals.values()];
  if (values.some((value) => value < 0)) return undefined;
  const [leader, top] = [...totals].reduce((best, entry) => (entry[1] > best[1] ? entry : best));
  if (written.toLocaleLowerCase(lang).includes(leader.toLocaleLowerCase(lang))) return undefined;
  const total = values.reduce((a, b) => a + b, 0);
  const isShare = !measure.isRate && total > 0;

  // A measure the chart shows as a percentage is said as one.
  const value = formatNumber(top, lang, measure.isPercent ? { style: 'percent', maximumFractionDigits: 1 } : { maximumFractionDigits: 2 });
  const share = isShare ? formatNumber(top / total, lang, { style: 'percent', maximumFractionDigits: 0 }) : undefined;
  return sentence(measure.title, leader, value, share);
}

type Field = { field: string; title: string; isRate: boolean; isPercent: boolean };

/** The nominal field and the quantitative one that a bar or dot chart puts on its x and y axes. */
function categoryAndMeasure(spec: Record<string, unknown>): { category: Field; measure: Field; series: boolean } | undefined {
  const layers = Array.isArray(spec.layer) ? (spec.layer as Record<string, unknown>[]) : [];
  const encoding: Encoding = { ...(spec.encoding as Encoding | undefined), ...(layers[0]?.encoding as Encoding | undefined) };
  const channels = [encoding.x, encoding.y].filter((channel) => channel && typeof channel.field === 'string');
  const category = channels.find((channel) => channel!.type === 'nominal' || channel!.type === 'ordinal');
  const measure = channels.find((channel) => channel!.type === 'quantitative');
  if (!category || !measure || (measure.aggregate !== undefined && measure.aggregate !== 'sum') || measure.stack === 'normalize') return undefined;
  const series = SERIES.some((name) => typeof encoding[name]?.field === 'string' && encoding[name]!.field !== category.field);
  const field = (channel: NonNullable<Encoding[string]>): Field => {
    const title = [channel.title, channel.axis?.title, channel.field].find((text) => typeof text === 'string' && text.trim()) as string;
    const format = typeof channel.axis?.format === 'string' ? channel.axis.format : '';
    return {
      field: channel.field as string,
      title,
      isRate: /%|percent|pct|rate/i.test(`${title} ${String(channel.field)} ${format}`),
      isPercent: /%/.test(format),
    };
  };
  return { category: field(category), measure: field(measure), series };
}
