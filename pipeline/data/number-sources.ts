// What a number of the text may be checked against: the rows its sentence names (a text cell of
// a data file that is a phrase of the sentence, ignoring case, accents and plural -s), and the
// aggregates of each data file (sums, counts, means, extremes and shares).
import type { NumberMention } from '../language/read-numbers.js';
import { numberIn } from './read-table.js';

/** A data file the article uses, read: its rows, each with its line where the file has lines. */
export type DataTable = Readonly<{ url: string; columns: readonly string[]; rows: readonly DataRow[] }>;
export type DataRow = Readonly<{ line: number | undefined; values: Readonly<Record<string, unknown>> }>;

/** A value of the data, and where it comes from. */
export type Figure = Readonly<{ value: number; source: string; percent?: boolean; name?: string }>;

/** A row a sentence names, and whether it is the only row of its file that the sentence names. */
export type NamedRow = Readonly<{ name: string; only: boolean; figures: (percent: boolean) => Figure[] }>;

export type NumberSources = Readonly<{
  named: (text: string) => NamedRow[];
  /**
   * An aggregate that agrees with the number: a sum, a number of rows (unless `counts` is false),
   * and, when `anyRow`, a mean, a minimum, a maximum or any row's share.
   */
  aggregates: (mention: NumberMention, anyRow: boolean, counts: boolean) => Figure | undefined;
  sums: () => Figure[];
}>;

/** Whether the true value `actual` agrees with a number as written: within its precision, and as its qualifier says. */
export function agrees(mention: NumberMention, actual: number): boolean {
  const size = Math.abs(mention.value);
  const [low, high] = [mention.low, mention.high];
  switch (mention.qualifier) {
    case 'more':
      return actual >= low && actual <= mention.value + size * 0.5;
    case 'less':
      return actual <= high && actual >= mention.value - size / 3;
    case 'about':
      return actual >= Math.min(low, mention.value - size * 0.1) && actual <= Math.max(high, mention.value + size * 0.1);
    default:
      return actual >= low && actual <= high;
  }
}

/** Whether two values are of the same size, within `factor` (two by default): a wrong number, not another quantity. */
export function sameMagnitude(a: number, b: number, factor = 2): boolean {
  if (a === 0 || b === 0 || Math.sign(a) !== Math.sign(b)) return false;
  const ratio = Math.abs(a / b);
  return ratio >= 1 / factor && ratio <= factor;
}

export function formatFigure(figure: Figure): string {
  return figure.percent ? `${Math.round(figure.value * 10) / 10} %` : String(Math.round(figure.value * 1e6) / 1e6);
}

/** The words of a text as compared: lower case, no accents, a final -s dropped. */
export function comparableWords(text: string): string[] {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map((word) => (word.length > 3 && word.endsWith('s') ? word.slice(0, -1) : word));
}

/** A column of rates, shares or changes: its values are percentages already, and have no share of a total. */
const RATE =
  /pct|percent|%|rate|share|ratio|change|growth|index|anteil|quote|prozent|veraenderung|änderung|taux|part\b|evolution|variation|tasa|cuota|quota|aandeel/i;

type Name = Readonly<{ words: readonly string[]; table: number; row: number; name: string }>;

export function numberSources(tables: readonly DataTable[]): NumberSources {
  const numeric = tables.map((table) => table.columns.filter((column) => isNumeric(table, column)));
  // Each name by its first word: a sentence is matched in one pass over its words.
  const names = new Map<string, Name[]>();
  for (const [t, table] of tables.entries()) {
    for (const [r, row] of table.rows.entries()) {
      for (const column of table.columns.filter((name) => !numeric[t]!.includes(name))) {
        const text = String(row.values[column] ?? '').trim();
        // "Autres pays (24)" is named as "autres pays".
        const words = comparableWords(text.replace(/\s*\([^)]*\)\s*$/, ''));
        if (words.length === 0 || !words.some((word) => /\p{L}/u.test(word)) || words.join('').length < 2) continue;
        const list = names.get(words[0]!) ?? [];
        list.push({ words, table: t, row: r, name: text });
        names.set(words[0]!, list);
      }
    }
  }
  const where = (table: DataTable, row: DataRow, index: number) => (row.line ? `${table.url}:${row.line}` : `${table.url}, row ${index + 1}`);
  const totals = tables.map((table, t) => new Map(numeric[t]!.map((column) => [column, columnValues(table, column).reduce((sum, value) => sum + value, 0)])));
  // A share of the total means something for a count or an amount: a column of no negative values that is no rate.
  const additive = (t: number, column: string) => !RATE.test(column) && columnValues(tables[t]!, column).every((value) => value >= 0);
  // A percentage may be read in a column of rates, or of fractions.
  const rates = (t: number, column: string) => RATE.test(column) || columnValues(tables[t]!, column).every((value) => Math.abs(value) <= 1);

  const rowFigures = (t: number, r: number, name: string) => (percent: boolean) => {
    const table = tables[t]!;
    const row = table.rows[r]!;
    const figures: Figure[] = [];
    for (const column of numeric[t]!) {
      const value = numberIn(row.values[column]);
      if (value === undefined) continue;
      const source = `${where(table, row, r)} (${column})`;
      if (!percent) figures.push({ value, source, name });
      else {
        if (rates(t, column)) figures.push({ value: Math.abs(value) <= 1 ? value * 100 : value, source, name, percent: true });
        const total = totals[t]!.get(column)!;
        if (total > 0 && additive(t, column)) {
          figures.push({ value: (value / total) * 100, source: `${where(table, row, r)} (${column}, as a share of their total)`, name, percent: true });
        }
      }
    }
    return figures;
  };

  /**
   * What a whole file says: its number of rows (for a whole number), each column's sum, and, for a
   * sentence that names no row, its mean, smallest and largest value. A percentage is read in a
   * column of rates only.
   */
  const aggregateFigures = (mention: NumberMention, anyRow: boolean, counts: boolean): Figure[] => {
    const { percent } = mention;
    const figures: Figure[] = [];
    for (const [t, table] of tables.entries()) {
      if (counts && !percent && mention.high - mention.low >= 1) figures.push({ value: table.rows.length, source: `the number of rows of ${table.url}` });
      for (const column of numeric[t]!) {
        const values = columnValues(table, column);
        if (values.length === 0 || (percent && !rates(t, column))) continue;
        const scale = percent && values.every((value) => Math.abs(value) <= 1) ? 100 : 1;
        const sum = values.reduce((total, value) => total + value, 0);
        const of = `${column} in ${table.url}`;
        if (!percent) figures.push({ value: sum, source: `the sum of ${of}` });
        if (anyRow) {
          figures.push(
            { value: (sum / values.length) * scale, source: `the mean of ${of}`, percent },
            { value: Math.min(...values) * scale, source: `the smallest of ${of}`, percent },
            { value: Math.max(...values) * scale, source: `the largest of ${of}`, percent },
          );
        }
      }
    }
    return figures;
  };

  return {
    named(text) {
      const words = comparableWords(text);
      const found = new Map<string, { table: number; row: number; name: string }>();
      for (const [index, word] of words.entries()) {
        for (const name of names.get(word) ?? []) {
          if (name.words.every((part, offset) => words[index + offset] === part)) found.set(`${name.table}:${name.row}`, name);
        }
      }
      const perTable = new Map<number, number>();
      for (const { table } of found.values()) perTable.set(table, (perTable.get(table) ?? 0) + 1);
      return [...found.values()].map(({ table, row, name }) => ({ name, only: perTable.get(table) === 1, figures: rowFigures(table, row, name) }));
    },
    aggregates(mention, anyRow, counts) {
      const found = aggregateFigures(mention, anyRow, counts).find((figure) => agrees(mention, figure.value));
      if (found || !mention.percent || !anyRow) return found;
      // A row's share of a column's total, for any row.
      for (const [t, table] of tables.entries()) {
        for (let r = 0; r < table.rows.length; r++) {
          const share = rowFigures(t, r, '')(true).find((figure) => figure.source.includes('as a share') && agrees(mention, figure.value));
          if (share) return share;
          if (r > 5000) break; // a share is of a few rows of a small table; a large file has no such reading
        }
      }
      return undefined;
    },
    sums: () => tables.flatMap((table, t) => numeric[t]!.map((column) => ({ value: totals[t]!.get(column)!, source: `the sum of ${column} in ${table.url}` }))),
  };
}

function columnValues(table: DataTable, column: string): number[] {
  return table.rows.map((row) => numberIn(row.values[column])).filter((value): value is number => value !== undefined);
}

/** A column whose filled cells are all numbers, at least one. */
function isNumeric(table: DataTable, column: string): boolean {
  let any = false;
  for (const row of table.rows) {
    const value = row.values[column];
    if (value === undefined || value === null || String(value).trim() === '') continue;
    if (numberIn(value) === undefined) return false;
    any = true;
  }
  return any;
}
