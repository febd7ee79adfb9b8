// Chart data confined to the content folder: its URLs resolved and checked, read once, and given to
// vega.
import { existsSync, realpathSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { isInside } from '../system/paths.js';
import { readCsv, toPlainCsv } from './read-csv.js';
import { type Row, readTable } from './read-table.js';

const require = createRequire(import.meta.url);

/**
 * Maps may use the world-atlas TopoJSON that ships with the pipeline, without copying it
 * into every content folder: `"url": "world-atlas:countries-110m.json"`.
 */
const ATLAS_SCHEME = 'world-atlas:';
const ATLAS_FILES = /^(countries|land)-(10m|50m|110m)\.json$/;

/** The largest data file or image a content folder may hold. */
export const MAX_FILE_BYTES = 50 * 2 ** 20;

export type ResolvedPath = { ok: true; path: string; relative: string } | { ok: false; reason: string };

/** What a content URL is for; it names the thing in messages. */
export type ContentKind = 'chart data' | 'image';

/**
 * Resolves a URL that the content embeds to a file inside the content folder (or, for
 * chart data, a bundled atlas). Remote URLs, `file:` URLs, absolute paths and paths that
 * leave the folder are refused, and so are missing files.
 */
export function resolveContentUrl(url: string, contentDir: string, kind: ContentKind): ResolvedPath {
  if (kind === 'chart data' && url.startsWith(ATLAS_SCHEME)) {
    const name = url.slice(ATLAS_SCHEME.length);
    if (!ATLAS_FILES.test(name)) {
      return { ok: false, reason: `unknown atlas "${url}": use world-atlas:countries-110m.json, -50m or -10m (or land-…)` };
    }
    return { ok: true, path: require.resolve(`world-atlas/${name}`), relative: url };
  }
  const outside = { ok: false, reason: `${kind} outside the content folder: ${url}` } as const;
  if (/^file:/i.test(url) || /^[a-z]:[\\/]/i.test(url)) return outside; // a Windows drive (C:\, c:/) is a path, not a scheme
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//')) {
    return { ok: false, reason: `remote ${kind} is not allowed: ${url} (put the file in the content folder)` };
  }
  if (isAbsolute(url)) return outside;
  const root = resolve(contentDir);
  const path = resolve(root, safeDecode(url.split(/[?#]/)[0] ?? url));
  if (!isInside(root, path)) return outside;
  if (!existsSync(path)) return { ok: false, reason: `${kind} file not found: ${url}` };
  // A symbolic link inside the folder must not lead out of it.
  if (!isInside(realpathSync(root), realpathSync(path))) return outside;
  // Looked at, never opened, before it is read: a pipe would block the build for good.
  const stats = statSync(path);
  if (!stats.isFile()) return { ok: false, reason: `${kind} is not a file but ${stats.isDirectory() ? 'a folder' : 'a pipe, socket or device'}: ${url}` };
  if (stats.size > MAX_FILE_BYTES) {
    return { ok: false, reason: `${kind} file too large: ${url} is ${Math.round(stats.size / 2 ** 20)} MiB, the limit is ${MAX_FILE_BYTES / 2 ** 20} MiB` };
  }
  return { ok: true, path, relative: relative(root, path).split(sep).join('/') };
}

function safeDecode(url: string): string {
  try {
    return decodeURIComponent(url);
  } catch {
    return url;
  }
}

/** Every data URL a Vega-Lite spec names, at any depth (layers, lookups, concatenations). */
export function collectDataUrls(spec: unknown): string[] {
  const urls = new Set<string>();
  walkSpec(spec, (key, value) => {
    if (key === 'data' && isRecord(value) && typeof value.url === 'string') urls.add(value.url);
  });
  return [...urls];
}

/** The `format` a spec reads a data URL with (the first that names it), and the fields it parses as numbers. */
export function dataFormat(spec: unknown, url: string): Readonly<{ type?: string; property?: string; numbers: ReadonlySet<string> }> {
  let format: { type?: string; property?: string; numbers: ReadonlySet<string> } | undefined;
  walkSpec(spec, (key, value) => {
    if (format || key !== 'data' || !isRecord(value) || value.url !== url) return;
    const given = isRecord(value.format) ? value.format : {};
    const parse = isRecord(given.parse) ? Object.entries(given.parse) : [];
    format = {
      ...(typeof given.type === 'string' ? { type: given.type } : {}),
      ...(typeof given.property === 'string' ? { property: given.property } : {}),
      numbers: new Set(parse.filter(([, type]) => type === 'number').map(([field]) => field)),
    };
  });
  return format ?? { numbers: new Set() };
}

/** Fields that some encoding of the spec reads as quantitative. */
export function collectQuantitativeFields(spec: unknown): Set<string> {
  const fields = new Set<string>();
  walkSpec(spec, (_key, value) => {
    // A channel's definition, or each of a list's (a tooltip of several fields).
    for (const def of Array.isArray(value) ? value : [value]) {
      if (isRecord(def) && def.type === 'quantitative' && typeof def.field === 'string') fields.add(def.field);
    }
  });
  return fields;
}

/** Calls `visit` with every key and value of a spec, at any depth. */
export function walkSpec(value: unknown, visit: (key: string, value: unknown) => void): void {
  if (Array.isArray(value)) {
    for (const item of value) walkSpec(item, visit);
  } else if (isRecord(value)) {
    for (const [key, child] of Object.entries(value)) {
      visit(key, child);
      walkSpec(child, visit);
    }
  }
}

/** Whether a spec's value is an object of keys (not an array, not null). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The subset of vega's loader interface that View uses. */
export type DataLoader = {
  /** The article's language: how a `;` CSV writes its decimals. */
  lang: string;
  options: object;
  fileAccess: boolean;
  sanitize(uri: string, options?: { context?: string }): Promise<{ href: string; localFile?: boolean }>;
  load(uri: string): Promise<string>;
  file(path: string): Promise<string>;
  http(url: string): Promise<string>;
};

/**
 * A vega loader that can only read files of the content folder. Vega's own file loader
 * follows `../` and `file://`; this one refuses them and never touches the network.
 * Reads are shared by all charts of a build.
 */
export function createDataLoader(contentDir: string, lang = 'en', readText: (path: string) => Promise<string> = cachedReader()): DataLoader {
  return {
    lang,
    options: {},
    fileAccess: true,
    async sanitize(uri: string, options?: { context?: string }) {
      // A mark's link (an `href` channel) is never loaded: it may point anywhere a hyperlink may,
      // but never run a script. (vega writes every key of the answer on the link: `href` alone.)
      if (options?.context === 'href') return { href: /^\s*(javascript|data|vbscript):/i.test(uri) ? '' : uri };
      const resolved = resolveContentUrl(uri, contentDir, options?.context === 'image' ? 'image' : 'chart data');
      if (!resolved.ok) throw new Error(resolved.reason);
      return { href: resolved.path, localFile: true };
    },
    // Vega reads a CSV as a plain one: `,`, decimal points, no BOM (see readCsv).
    async load(uri: string) {
      const { href } = await this.sanitize(uri);
      const text = await readText(href);
      if (!/\.csv$/i.test(href)) return text;
      const table = readCsv(text, lang);
      return 'problem' in table ? text : toPlainCsv(table);
    },
    file: readText,
    async http(url: string) {
      throw new Error(`remote chart data is not allowed: ${url}`);
    },
  };
}

function cachedReader(): (path: string) => Promise<string> {
  const cache = new Map<string, Promise<string>>();
  return (path) => {
    let text = cache.get(path);
    if (!text) {
      text = readFile(path, 'utf8');
      cache.set(path, text);
    }
    return text;
  };
}

export type ChartData = Readonly<{ url: string; path: string; columns: readonly string[]; rows: readonly Row[] }>;

/** The data file behind a chart's values, when it is a table of the content folder: the one its top-level `data` reads, else the first that holds a value it encodes (a map's figures, looked up onto its atlas). */
export async function readChartData(spec: Record<string, unknown>, contentDir: string, loader: DataLoader): Promise<ChartData | undefined> {
  // The chart's own data file; else, for a chart whose top-level data is a map's atlas or
  // that has its data in layers or lookups, the first file that holds a value it encodes.
  const own = (spec.data as { url?: unknown } | undefined)?.url;
  const encoded = collectQuantitativeFields(spec);
  const candidates = [...new Set([...(typeof own === 'string' ? [own] : []), ...collectDataUrls(spec)])];
  for (const url of candidates.filter((candidate) => /\.(csv|json)$/i.test(candidate))) {
    const resolved = resolveContentUrl(url, contentDir, 'chart data');
    if (!resolved.ok || resolved.relative.startsWith('world-atlas:')) continue;
    const rows = readTable(await loader.file(resolved.path), url, loader.lang);
    if (typeof rows === 'string' || rows.length === 0) continue;
    const columns = Object.keys(rows[0]!);
    if (url === own || columns.some((column) => encoded.has(column))) return { url: resolved.relative, path: resolved.path, columns, rows };
  }
  return undefined;
}
