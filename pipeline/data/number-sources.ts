// What a number of the text may be checked against: the rows its sentence names (a text cell of
// a data file that is a phrase of the sentence, ignoring case, accents and plural -s), and the
// aggregates of each data file (sums, counts, means, extremes and shares).
import type { NumberMention } from '../language/read-numbers.js';
import { agreeingRange, agrees, type Figure } from './number-agreement.js';
import { numberIn } from './read-table.js';

/** A data file the article uses, read: its rows, each with its line where the file has lines. */
export type DataTable = Readonly<{ url: string; columns: readonly string[]; rows: readonly DataRow[] }>;
export type DataRow = Readonly<{ line: number | undefined; values: Readonly<Record<string, unknown>> }>;

export type { Figure } from './number-agreement.js';

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
  /pct|percent|%|rate|share|ratio|change|growth|index|anteil|quote|prozent|procent|veraenderung|änderung|taux|pourcentage|part\b|evolution|variation|tasa|cuota|porcentaje|porcentagem|quota|percentua|aandeel/i;

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
  // Each numeric column summed up once: a sentence's numbers are compared with these, not with every cell.
  const stats = tables.map((table, t) => new Map(numeric[t]!.map((column) => [column, columnStats(table, column)])));
  // Each row's share of an additive column's total, sorted, for a percentage that names no row.
  const shares = tables.map((table, t) =>
    [...stats[t]!]
      .flatMap(([column, stat]) => {
        if (!stat.additive || stat.sum <= 0) return [];
        const list = table.rows.flatMap((row, r) => {
          const value = numberIn(row.values[column]);
          return value === undefined ? [] : [{ share: (value / stat.sum) * 100, r, column }];
        });
        return list;
      })
      .sort((a, b) => a.share - b.share),
  );
  const shareSource = (t: number, r: number, column: string) => `${where(tables[t]!, tables[t]!.rows[r]!, r)} (${column}, as a share of their total)`;

  const rowFigures = (t: number, r: number, name: string) => (percent: boolean) => {
    const table = tables[t]!;
    const row = table.rows[r]!;
    const figures: Figure[] = [];
    for (const [column, stat] of stats[t]!) {
      const value = numberIn(row.values[column]);
      if (value === undefined) continue;
      const source = `${where(table, row, r)} (${column})`;
      if (!percent) figures.push({ value, source, name });
      else {
        if (stat.rate) figures.push({ value: stat.fractions ? value * 100 : value, source, name, percent: true });
        if (stat.additive && stat.sum > 0) figures.push({ value: (value / stat.sum) * 100, source: shareSource(t, r, column), name, percent: true });
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
      for (const [column, stat] of stats[t]!) {
        if (stat.count === 0 || (percent && !stat.rate)) continue;
        const scale = percent && stat.fractions ? 100 : 1;
        const of = `${column} in ${table.url}`;
        if (!percent) figures.push({ value: stat.sum, source: `the sum of ${of}` });
        if (anyRow) {
          figures.push(
            { value: (stat.sum / stat.count) * scale, source: `the mean of ${of}`, percent },
            { value: stat.min * scale, source: `the smallest of ${of}`, percent },
            { value: stat.max * scale, source: `the largest of ${of}`, percent },
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
      // A row's share of a column's total, for any row: the first share in the range that agrees.
      const [low, high] = agreeingRange(mention);
      for (const [t, list] of shares.entries()) {
        let [from, to] = [0, list.length];
        while (from < to) {
          const middle = (from + to) >> 1;
          if (list[middle]!.share < low) from = middle + 1;
          else to = middle;
        }
        const hit = list[from];
        if (hit && hit.share <= high) return { value: hit.share, source: shareSource(t, hit.r, hit.column), percent: true };
      }
      return undefined;
    },
    sums: () => tables.flatMap((table, t) => [...stats[t]!].map(([column, stat]) => ({ value: stat.sum, source: `the sum of ${column} in ${table.url}` }))),
  };
}

type ColumnStats = Readonly<{ count: number; sum: number; min: number; max: number; rate: boolean; additive: boolean; fractions: boolean }>;

/**
 * A numeric column summed up. A column of rates, shares or changes (by its name, or of fractions)
 * holds percentages already; a share of the total means something for a column of counts or
 * amounts: no rate, no negative value.
 */
function columnStats(table: DataTable, column: string): ColumnStats {
  const values = columnValues(table, column);
  let [sum, min, max] = [0, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY];
  for (const value of values) {
    sum += value;
    min = Math.min(min, value);
    max = Math.max(max, value);
  }
  const fractions = values.length > 0 && values.every((value) => Math.abs(value) <= 1);
  const named = RATE.test(column);
  return { count: values.length, sum, min, max, fractions, rate: named || fractions, additive: !named && min >= 0 };
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
