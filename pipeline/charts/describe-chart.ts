// The sentence under a chart of categories, computed from its data: which leads, with how much, and
// its share.
import { numberIn, type Row } from '../data/read-table.js';
import { knownLanguage } from '../language/languages.js';
import { formatNumber } from '../language/localize.js';

type Encoding = Record<string, { field?: unknown; type?: unknown; title?: unknown; aggregate?: unknown; axis?: { title?: unknown; format?: unknown } | null }>;

/**
 * A sentence that says what a chart of categories shows, computed from its data: which
 * category leads, with how much, and its share of the total when shares make sense.
 * Charts it cannot read this way (maps, time series, derived fields) get none.
 */
export function describeChart(spec: Record<string, unknown>, rows: readonly Row[], lang: string): string | undefined {
  const sentence = knownLanguage(lang)?.leads;
  const pair = categoryAndMeasure(spec);
  if (!sentence || !pair || rows.length < 2) return undefined;
  const { category, measure } = pair;
  if (!(category.field in rows[0]!) || !(measure.field in rows[0]!)) return undefined;

  // Sum the measure by category, as a bar chart of this data would stack it.
  const totals = new Map<string, number>();
  for (const row of rows) {
    const value = numberIn(row[measure.field]);
    if (value === undefined) continue;
    const key = String(row[category.field]);
    totals.set(key, (totals.get(key) ?? 0) + value);
  }
  if (totals.size < 2) return undefined;
  const [leader, top] = [...totals].reduce((best, entry) => (entry[1] > best[1] ? entry : best));
  const total = [...totals.values()].reduce((a, b) => a + b, 0);
  const values = [...totals.values()];
  const isShare = !measure.isRate && values.every((value) => value >= 0) && total > 0;

  const value = formatNumber(top, lang, { maximumFractionDigits: 2 });
  const share = isShare ? formatNumber(top / total, lang, { style: 'percent', maximumFractionDigits: 0 }) : undefined;
  return sentence(measure.title, leader, value, share);
}

type Field = { field: string; title: string; isRate: boolean };

/** The nominal field and the quantitative one that a bar or dot chart puts on its x and y axes. */
function categoryAndMeasure(spec: Record<string, unknown>): { category: Field; measure: Field } | undefined {
  const layers = Array.isArray(spec.layer) ? (spec.layer as Record<string, unknown>[]) : [];
  const encoding: Encoding = { ...(spec.encoding as Encoding | undefined), ...(layers[0]?.encoding as Encoding | undefined) };
  const channels = [encoding.x, encoding.y].filter((channel) => channel && typeof channel.field === 'string');
  const category = channels.find((channel) => channel!.type === 'nominal' || channel!.type === 'ordinal');
  const measure = channels.find((channel) => channel!.type === 'quantitative');
  if (!category || !measure || (measure.aggregate !== undefined && measure.aggregate !== 'sum')) return undefined;
  const field = (channel: NonNullable<Encoding[string]>): Field => {
    const title = [channel.title, channel.axis?.title, channel.field].find((text) => typeof text === 'string' && text.trim()) as string;
    const format = typeof channel.axis?.format === 'string' ? channel.axis.format : '';
    return { field: channel.field as string, title, isRate: /%|percent|pct|rate/i.test(`${title} ${String(channel.field)} ${format}`) };
  };
  return { category: field(category), measure: field(measure) };
}
