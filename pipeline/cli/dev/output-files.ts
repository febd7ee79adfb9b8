// A report's output files as the preview serves them: their bytes and media types.
import { readFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { extname } from 'node:path';
import type { OutputFile } from '../../report/index.js';

/** The media types of the files a report is made of. */
const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.pdf': 'application/pdf',
  '.csv': 'text/csv; charset=utf-8',
  '.json': 'application/json',
};

export function contentType(path: string): string {
  return TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/** A rendered output file's text: held in memory, or read from the file it is copied from. */
export async function text(file: OutputFile | undefined): Promise<string> {
  if (file === undefined) return '';
  return typeof file === 'string' ? file : readFile(file.copy, 'utf8');
}

export async function bytes(file: OutputFile): Promise<Buffer> {
  return typeof file === 'string' ? Buffer.from(file) : readFile(file.copy);
}

export function notFound(response: ServerResponse): void {
  response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
}
