// The numbers of an article's text checked against the data files it uses (its charts' and its key
// figures'): a contradiction is a content error at the number.
import type { VFile } from 'vfile';
import type { ParsedArticle } from '../article/parse-article.js';
import { textUnits } from '../article/text-units.js';
import { addError } from '../problems/problems.js';
import { type CheckedNumber, checkNumbers } from './check-numbers.js';
import { collectDataUrls, type DataLoader, resolveContentUrl } from './load-chart-data.js';
import { type DataTable, type NumberSources, numberSources } from './number-sources.js';
import { readCsv } from './read-csv.js';
import { readTable } from './read-table.js';

/** Every number of the article's text, checked; each contradicted one is an error on `article`. */
export async function checkArticleNumbers(parsed: ParsedArticle, article: VFile, contentDir: string, loader: DataLoader): Promise<CheckedNumber[]> {
  const meta = parsed.frontMatter;
  const lang = meta?.lang ?? 'en';
  const units = textUnits(parsed.tree, article, lang, meta, parsed.frontMatterLine);
  const fences = parsed.charts.map((chart) => chart.body);
  const sources = await loadNumberSources(
    fences,
    (meta?.figures ?? []).map((figure) => figure.data),
    contentDir,
    loader,
  );
  const numbers = checkNumbers(units, sources, lang);
  for (const number of numbers) if (number.status === 'contradicted') addError(article, number.note, number.place, 'number');
  return numbers;
}

/** The data files of the charts' fences (JSON specs) and of the key figures, read once each. */
async function loadNumberSources(fences: readonly string[], figureFiles: readonly string[], contentDir: string, loader: DataLoader): Promise<NumberSources> {
  const urls = new Set<string>(figureFiles);
  for (const fence of fences) {
    try {
      for (const url of collectDataUrls(JSON.parse(fence))) urls.add(url);
    } catch {
      // A fence that is not JSON is told by the charts; it reads no data.
    }
  }
  const tables: DataTable[] = [];
  for (const url of urls) {
    if (!/\.(csv|json)$/i.test(url)) continue;
    const resolved = resolveContentUrl(url, contentDir, 'chart data');
    // A map's atlas holds shapes, not the article's figures.
    if (!resolved.ok || resolved.relative.startsWith('world-atlas:')) continue;
    const table = tableOf(url, await loader.file(resolved.path), loader.lang);
    if (table) tables.push(table);
  }
  return numberSources(tables);
}

/** A CSV with the line of each row; a JSON list of rows (read as the charts' tables are), whose lines are not known. Unreadable data (told by its own check) is left out. */
function tableOf(url: string, text: string, lang: string): DataTable | undefined {
  if (/\.csv$/i.test(url)) {
    const table = readCsv(text, lang);
    if ('problem' in table) return undefined;
    return { url, columns: table.columns, rows: table.records.map((record) => ({ line: record.line, values: record.values })) };
  }
  const rows = readTable(text, url, lang);
  if (typeof rows === 'string') return undefined;
  const objects = rows.filter((row) => typeof row === 'object' && row !== null && !Array.isArray(row));
  const columns = [...new Set(objects.flatMap((row) => Object.keys(row)))];
  return { url, columns, rows: objects.map((values) => ({ line: undefined, values })) };
}
