// The chart cache: charts drawn before, on disk or in memory, keyed by everything that makes them.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { ChartSource } from '../article/parse-article.js';
import { collectDataUrls, type DataLoader, resolveContentUrl } from '../data/load-chart-data.js';
import { hashFiles, PIPELINE_CODE, projectRoot } from '../system/project.js';
import type { ChartCache, ChartContext, DrawnChart } from './types.js';

const require = createRequire(import.meta.url);

/** At most this many charts are kept on disk; the least recently used go first. */
const DISK_ENTRIES = 300;
/** A drawing larger than 8 MiB is not kept (it is drawn again next time); the cache holds at most 256 MiB in all. */
export type CacheLimits = Readonly<{ entries: number; bytes: number; entryBytes: number }>;
const LIMITS: CacheLimits = { entries: DISK_ENTRIES, bytes: 256 * 2 ** 20, entryBytes: 8 * 2 ** 20 };

let version: string | undefined;

/**
 * What a chart's drawing depends on besides its fence and data: every file of the pipeline
 * (as it runs: sources, or their compiled bundle) and the versions of vega, vega-lite and
 * the fonts whose metrics lay its text out.
 */
function codeVersion(): string {
  if (!version) {
    const hash = createHash('sha256').update(hashFiles(PIPELINE_CODE, /\.(ts|js|json)$/));
    for (const name of ['vega', 'vega-lite', '@fontsource/source-sans-3', '@fontsource/noto-emoji']) hash.update(`${name}@${packageVersion(name)}`);
    version = hash.digest('hex').slice(0, 16);
  }
  return version;
}

/** The version of an installed package, from the package.json above its entry point. */
function packageVersion(name: string): string {
  for (let dir = dirname(require.resolve(name)); dir !== dirname(dir); dir = dirname(dir)) {
    try {
      const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (manifest.name === name) return manifest.version ?? '?';
    } catch {
      // no package.json here: one folder up
    }
  }
  return '?';
}

/** A cache that lives as long as the process (a dev server's). */
export function memoryChartCache(): ChartCache {
  const entries = new Map<string, DrawnChart>();
  return {
    get: async (key) => entries.get(key),
    set: async (key, value) => void entries.set(key, value),
  };
}

/**
 * A cache kept in `dir` (JSON files), so that a build draws again only the charts whose
 * fence or data changed since the last build; in front of it, a cache in memory.
 */
export function diskChartCache(dir: string, limits: CacheLimits = LIMITS): ChartCache {
  const memory = memoryChartCache();
  const path = (key: string) => join(dir, `${key}.json`);
  return {
    async get(key) {
      const known = await memory.get(key);
      if (known) return known;
      try {
        const value = JSON.parse(await readFile(path(key), 'utf8')) as DrawnChart;
        await memory.set(key, value);
        return value;
      } catch {
        return undefined; // not there, or unreadable: drawn again
      }
    },
    async set(key, value) {
      const text = JSON.stringify(value);
      if (text.length > limits.entryBytes) return; // a huge drawing costs less to draw again than to keep
      await memory.set(key, value);
      try {
        await mkdir(dir, { recursive: true });
        // Written beside, then renamed: a build reading it at the same time sees all or nothing.
        const temporary = `${path(key)}.${process.pid}.tmp`;
        await writeFile(temporary, text);
        await rename(temporary, path(key));
        await prune(dir, limits);
      } catch {
        // A cache that cannot be written only costs time.
      }
    },
  };
}

/** The least recently used entries go, until those that remain are few and light enough. */
async function prune(dir: string, limits: CacheLimits): Promise<void> {
  const names = (await readdir(dir)).filter((name) => name.endsWith('.json'));
  const entries = await Promise.all(
    names.map(async (name) => {
      const stats = await stat(join(dir, name));
      return { name, time: stats.atimeMs, size: stats.size };
    }),
  );
  entries.sort((a, b) => b.time - a.time);
  let [kept, total] = [0, 0];
  for (const entry of entries) {
    total += entry.size;
    if (total > limits.bytes || kept >= limits.entries) break;
    kept++;
  }
  await Promise.all(entries.slice(kept).map(({ name }) => rm(join(dir, name), { force: true })));
}

/**
 * The cache a build uses: on disk in node_modules/.cache/briefing/charts of the project,
 * unless BRIEFING_NO_CACHE is set (then every chart is drawn).
 */
export function defaultChartCache(env: NodeJS.ProcessEnv): ChartCache | undefined {
  if (env.BRIEFING_NO_CACHE) return undefined;
  const root = projectRoot();
  return root ? diskChartCache(join(root, 'node_modules', '.cache', 'briefing', 'charts')) : undefined;
}

/**
 * The key of a chart in the cache: its code, id, place, language, fence and the bytes of its
 * data. Not the folder's path: a copy of the article elsewhere reuses its drawings.
 */
export async function cacheKey(spec: unknown, chart: ChartSource, context: ChartContext, loader: DataLoader): Promise<string> {
  const hash = createHash('sha256').update(JSON.stringify([codeVersion(), chart.id, chart.index, context.lang, chart.body]));
  for (const url of collectDataUrls(spec).sort()) {
    const resolved = resolveContentUrl(url, context.contentDir, 'chart data');
    hash.update('\0').update(url).update('\0');
    // Through the loader: the files checkData read, and vega will read, are read once.
    if (resolved.ok) hash.update(await loader.file(resolved.path).catch(() => 'missing'));
  }
  return hash.digest('hex');
}
