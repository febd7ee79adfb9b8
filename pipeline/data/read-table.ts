// The rows of a CSV or JSON data file, and the one reading of a cell.
import { firstLine } from '../problems/errors.js';
import { readCsv } from './read-csv.js';

export type Row = Record<string, unknown>;

/** The rows of a CSV (with a header line, read by readCsv) or JSON (a list of objects) data file, or what is wrong. */
export function readTable(text: string, url: string, lang = 'en'): Row[] | string {
  if (!/\.json$/i.test(url)) {
    const table = readCsv(text, lang);
    return 'problem' in table ? `${url}:${table.line}: ${table.problem}` : table.records.map((record) => record.values);
  }
  try {
    const rows = JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
    if (!Array.isArray(rows)) return `${url} must hold a list of rows`;
    return rows as Row[];
  } catch (error) {
    return `cannot read ${url}: ${firstLine(error)}`;
  }
}

/**
 * What a cell of a data file holds: nothing (an empty cell is a missing value, not zero),
 * a number (as JavaScript reads it: 1250, -0.5, 1e6), or text. The one reading of a cell
 * that the checks, the charts' tables and the key figures share.
 */
export type Cell = Readonly<{ kind: 'empty' }> | Readonly<{ kind: 'number'; number: number }> | Readonly<{ kind: 'text'; text: string }>;

export function parseCell(value: unknown): Cell {
  if (typeof value === 'number') return Number.isFinite(value) ? { kind: 'number', number: value } : { kind: 'text', text: String(value) };
  if (value === null || value === undefined) return { kind: 'empty' };
  const text = String(value).trim();
  if (text === '') return { kind: 'empty' };
  const number = Number(text);
  return Number.isFinite(number) ? { kind: 'number', number } : { kind: 'text', text: String(value) };
}

/** A value as a number when the cell holds one; empty cells are missing, not zero. */
export function numberIn(value: unknown): number | undefined {
  const cell = parseCell(value);
  return cell.kind === 'number' ? cell.number : undefined;
}
