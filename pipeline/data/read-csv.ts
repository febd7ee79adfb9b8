// A CSV file read one way everywhere (the checks, the charts, the key figures): its BOM dropped, its
// delimiter found from its header line (`,` or `;`, as Excel writes it in much of Europe), its
// header checked, and in a `;` file decimal commas read as the article's language writes them.
import { parse } from 'csv-parse/sync';

/** The most rows a chart may read: a data file, or a sequence it generates. */
export const MAX_ROWS = 200_000;

export type CsvRecord = Readonly<{ line: number; values: Record<string, string> }>;
export type CsvTable = Readonly<{ columns: readonly string[]; records: readonly CsvRecord[]; delimiter: ',' | ';' }>;
export type CsvProblem = Readonly<{ problem: string; line: number }>;

/** The files read last: a build checks a file, gives it to vega and tables it, and reads it once. */
const recent: { text: string; lang: string; table: CsvTable | CsvProblem }[] = [];

/** The rows of a CSV file, each with its line, or the first thing wrong with it. The result is shared: do not change it. */
export function readCsv(text: string, lang = 'en'): CsvTable | CsvProblem {
  const known = recent.find((entry) => entry.text === text && entry.lang === lang);
  if (known) return known.table;
  const table = parseCsv(text, lang);
  recent.unshift({ text, lang, table });
  recent.length = Math.min(recent.length, 16);
  return table;
}

function parseCsv(text: string, lang: string): CsvTable | CsvProblem {
  // Windows line ends as plain ones: csv-parse counts the lines of a quoted field's CRLF one short.
  const body = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const header = /^[^\r\n]*/.exec(body)?.[0] ?? '';
  const delimiter = count(header, ';') > count(header, ',') ? ';' : ',';
  let rows: { info: { lines: number }; record: string[] }[];
  try {
    rows = parse(body, { delimiter, info: true, skip_empty_lines: true, relax_column_count: false }) as unknown as typeof rows;
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 1;
    return { problem: `invalid CSV: ${(error as Error).message.replace(/^Invalid Record Length: /, '')}`, line };
  }
  const [head, ...data] = rows;
  if (!head) return { problem: 'the CSV file is empty', line: 1 };
  const columns = head.record.map((name) => name.trim());
  const seen = new Set<string>();
  for (const [index, name] of columns.entries()) {
    if (name === '') return { problem: `column ${index + 1} has no name in the header line`, line: 1 };
    if (seen.has(name)) return { problem: `column "${name}" appears twice in the header line: give each column its own name`, line: 1 };
    seen.add(name);
  }
  const decimalComma = delimiter === ';' && usesDecimalComma(lang);
  const records = data.map(({ info, record }) => ({
    line: info.lines,
    values: Object.fromEntries(columns.map((name, index) => [name, decimalComma ? withDecimalPoint(record[index] ?? '') : (record[index] ?? '')])),
  }));
  return { columns, records, delimiter };
}

/** The table as a plain CSV (`,`, decimal points, no BOM): what vega reads. */
export function toPlainCsv(table: CsvTable): string {
  const cell = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  const lines = [table.columns, ...table.records.map((record) => table.columns.map((name) => record.values[name] ?? ''))];
  return `${lines.map((values) => values.map(cell).join(',')).join('\n')}\n`;
}

function count(text: string, char: string): number {
  return text.split(char).length - 1;
}

/** Whether the language writes 1,5 for one and a half. */
function usesDecimalComma(lang: string): boolean {
  try {
    return new Intl.NumberFormat(lang).formatToParts(1.5).find((part) => part.type === 'decimal')?.value === ',';
  } catch {
    return false;
  }
}

/** "1.234,5" and "1 234,5" → "1234.5"; anything that is not such a number is left as it is. */
function withDecimalPoint(value: string): string {
  const text = value.trim();
  if (!/^[-−+]?(\d{1,3}([.\s\u00a0\u202f]\d{3})+|\d+)(,\d+)?$/.test(text)) return value;
  return text
    .replace(/[.\s\u00a0\u202f]/g, '')
    .replace(',', '.')
    .replace('−', '-');
}
