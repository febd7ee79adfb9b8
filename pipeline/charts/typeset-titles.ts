// A chart's titles in the article's typography: the prose of a spec, as the page's text is set.
import { isRecord } from '../data/load-chart-data.js';
import { typesetString } from '../language/typeset-text.js';

/** Keys whose subtree is data, never prose: a row may well have a "title" column. */
const DATA_KEYS = new Set(['data', 'datasets', 'values']);

/**
 * The spec with every title and subtitle (of the chart, its axes, legends and headers) set in the
 * language's typography: curly quotes and apostrophes, en dashes in ranges, the minus sign.
 * Labels that come from the data are left as the data write them.
 */
export function typesetTitles(spec: Record<string, unknown>, lang: string): Record<string, unknown> {
  const set = (value: unknown): unknown =>
    typeof value === 'string'
      ? typesetString(value, lang)
      : Array.isArray(value) && value.every((line) => typeof line === 'string')
        ? value.map((line) => typesetString(line, lang))
        : value;
  const walk = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(walk);
    if (!isRecord(value)) return value;
    const entries = Object.entries(value).map(([key, child]) => {
      if (DATA_KEYS.has(key)) return [key, child];
      if (key === 'subtitle') return [key, set(child)];
      if (key !== 'title') return [key, walk(child)];
      if (!isRecord(child)) return [key, set(child)];
      const title = walk(child) as Record<string, unknown>;
      return [key, 'text' in title ? { ...title, text: set(title.text) } : title];
    });
    return Object.fromEntries(entries);
  };
  return walk(spec) as Record<string, unknown>;
}
