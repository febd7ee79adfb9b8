// A CSV that a chart reads, checked: it parses, has rows, and holds numbers where the chart needs
// them.
import { parse } from 'csv-parse/sync';
import type { VFile } from 'vfile';
import { addError } from '../problems/problems.js';
import { parseCell } from './read-table.js';

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
      const cell = parseCell(record[field]);
      if (cell.kind === 'text') addError(file, `column "${field}": "${cell.text}" is not a number`, { line: info.lines }, 'csv-number');
    }
  }
}
