import { parse } from 'csv-parse/sync';
import { firstLine } from '../problems/errors.js';

export type Row = Record<string, unknown>;

/** The rows of a CSV (with a header line) or JSON (a list of objects) data file, or what is wrong. */
export function readTable(text: string, url: string): Row[] | string {
  try {
    const rows = /\.json$/i.test(url) ? (JSON.parse(text) as unknown) : parse(text, { columns: true, bom: true, skip_empty_lines: true });
    if (!Array.isArray(rows)) return `${url} must hold a list of rows`;
    return rows as Row[];
  } catch (error) {
    return `cannot read ${url}: ${firstLine(error)}`;
  }
}

/** A value as a number when the cell holds one; empty cells are missing, not zero. */
export function numberIn(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const number = Number(value.trim());
  return Number.isFinite(number) ? number : undefined;
}
