// Each chart sentence of a built page read against the chart's data, as a reader with the CSV
// would check it: the data summed by category, the leader, its value and its share of the total.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { select } from 'hast-util-select';
import { toString as textOf } from 'hast-util-to-string';
import { read } from 'vega';
import { typesetString } from '../pipeline/language/typeset-text.js';

export type CheckedSentence = Readonly<{ chart: string; text: string; problems: readonly string[] }>;

type Channel = { field?: string; type?: string; axis?: { format?: string } | null; format?: string };

/** Spaces of every kind as one space, the minus as a hyphen: the text as compared. */
const plain = (text: string) =>
  text
    .replace(/[\s\u00a0\u202f]+/g, ' ')
    .replace(/\u2212/g, '-')
    .trim();

/** The sentences the build wrote for the charts of `content`, built into `out`, each with what is wrong with it. */
export function checkChartSentences(content: string, out: string): CheckedSentence[] {
  const article = readFileSync(join(content, 'article.md'), 'utf8');
  const lang = /^lang:\s*"?([\w-]+)/m.exec(article)![1]!;
  const page = fromHtml(readFileSync(join(out, 'index.html'), 'utf8'));
  const fences = [...article.matchAll(/^```vega-lite(?:[ \t]+id=([\w-]+))?[^\n]*\n([\s\S]*?)^```/gm)];
  const checked: CheckedSentence[] = [];
  fences.forEach((fence, index) => {
    const chart = fence[1] ?? `chart-${index + 1}`;
    const spec = JSON.parse(fence[2]!) as { description?: string; data?: { url?: string }; encoding?: Record<string, Channel> };
    const caption = select(`#chart-${chart} .chart-description`, page);
    if (!caption) return;
    const said = plain(textOf(caption));
    const written = spec.description ? plain(typesetString(spec.description.trim(), lang)) : '';
    const sentence = written && said.endsWith(written) ? said.slice(0, -written.length).trim() : written ? '' : said;
    if (!sentence) return;

    const channels = Object.values(spec.encoding ?? {});
    const category = channels.find((channel) => channel.type === 'nominal' || channel.type === 'ordinal');
    const measure = channels.find((channel) => channel.type === 'quantitative');
    const url = spec.data?.url;
    if (!category?.field || !measure?.field || !url) {
      checked.push({ chart, text: sentence, problems: ['a sentence for a chart that is not of categories and a measure'] });
      return;
    }
    const rows = read(readFileSync(join(content, url), 'utf8'), { type: url.endsWith('.json') ? 'json' : 'csv', parse: 'auto' }) as Record<string, unknown>[];
    const sums = new Map<string, number>();
    for (const row of rows) {
      const value = Number(row[measure.field]);
      if (Number.isFinite(value)) sums.set(String(row[category.field]), (sums.get(String(row[category.field])) ?? 0) + value);
    }
    const [leader, top] = [...sums].reduce((best, entry) => (entry[1] > best[1] ? entry : best));
    const total = [...sums.values()].reduce((sum, value) => sum + value, 0);
    const isPercent = /%/.test(measure.axis?.format ?? measure.format ?? '');
    const value = plain(new Intl.NumberFormat(lang, isPercent ? { style: 'percent', maximumFractionDigits: 1 } : { maximumFractionDigits: 2 }).format(top));
    const problems: string[] = [];
    if (!sentence.includes(plain(leader))) problems.push(`does not name the leader, ${leader}`);
    const at = sentence.indexOf(value);
    if (at < 0) problems.push(`does not give the leader's value, ${value}`);
    const share = /(\d+)\s?%/.exec(sentence.slice(at + value.length));
    if (share && !isPercent && Number(share[1]) !== Math.round((top / total) * 100)) {
      problems.push(`gives a share of ${share[1]} %, where the data give ${Math.round((top / total) * 100)} %`);
    }
    checked.push({ chart, text: sentence, problems });
  });
  return checked;
}
