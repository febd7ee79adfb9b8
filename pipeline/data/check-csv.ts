import { parse } from 'csv-parse/sync';
import type { VFile } from 'vfile';
import { addError } from '../problems/problems.js';

type Row = { info: { lines: number }; record: Record<string, string> };

/**
 * Checks a CSV file that a chart reads: it parses, it has rows, and every non-empty value
 * of a column that the chart encodes as quantitative is a number. An empty cell is a
 * missing value, which charts may show as such.
 */
export function checkCsv(text: string, file: VFile, quantitativeFields: ReadonlySet<string>): void {
  let rows: Row[];
  try {
    rows = parse(text, { columns: true, info: true, bom: true, skip_empty_lines: true }) as Row[];
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    addError(file, `invalid CSV: ${(error as Error).message.replace(/^Invalid Record Length: /, '')}`, line ? { line, column: 1 } : undefined, 'csv', error);
    return;
  }
  if (rows.length === 0) {
    addError(file, 'the CSV file has no data rows', { line: 1, column: 1 }, 'csv');
    return;
  }
  for (const { info, record } of rows) {
    for (const field of quantitativeFields) {
      const value = record[field];
      if (value === undefined || value.trim() === '') continue;
      if (!Number.isFinite(Number(value.trim()))) {
        addError(file, `column "${field}": "${value}" is not a number`, { line: info.lines }, 'csv-number');
      }
    }
  }
}
