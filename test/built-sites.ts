// content/ and every fixture, built once for the whole test run (the first file that asks builds
// them, the next ones reuse them: a folder named after the run's process, removed by the global
// teardown), and a browser to look at them.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'puppeteer';
import { afterAll, beforeAll, expect } from 'vitest';
import { findBrowser } from '../pipeline/browser/find-browser.js';
import { type BrowserSession, launchBrowser } from '../pipeline/browser/index.js';
import { ROOT, runBuild } from './helpers.js';

/** The articles: the seed and the fixtures, each with the folder of its content. */
export const ARTICLES = [
  { name: 'seed', title: 'the French article', content: join(ROOT, 'content') },
  { name: 'long', title: 'the long English briefing', content: join(ROOT, 'test', 'fixtures', 'en-long') },
  { name: 'briefing', title: 'the short English briefing', content: join(ROOT, 'test', 'fixtures', 'en-briefing') },
  { name: 'german', title: 'the German article with footnotes', content: join(ROOT, 'test', 'fixtures', 'de-mieten') },
  { name: 'british', title: 'the British article of long labels and negatives', content: join(ROOT, 'test', 'fixtures', 'en-gb-councils') },
] as const;

export type BuiltSite = Readonly<{ name: string; title: string; content: string; out: string; stderr: () => string }>;

export type BuiltSites = Readonly<{ work: string; seed: string; long: string; all: readonly BuiltSite[]; browser: () => Browser }>;

/** The run's shared folder: test files run in processes forked from the run's own. */
export const SITES_DIR = join(tmpdir(), `briefing-sites-${process.ppid}`);
const MARKER = join(SITES_DIR, 'built.json');
const LOCK = join(SITES_DIR, 'building');

/**
 * Builds every article into the run's shared folder, unless a file before did; the builds'
 * stderr by name. Files run two at a time: the first to take the lock builds, the other waits.
 */
export async function ensureSites(): Promise<Record<string, string>> {
  mkdirSync(SITES_DIR, { recursive: true });
  for (;;) {
    if (existsSync(MARKER)) return JSON.parse(readFileSync(MARKER, 'utf8')) as Record<string, string>;
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 200)); // another file is building them
    }
  }
  try {
    const stderr: Record<string, string> = {};
    // Two at a time: the machine may have two cores.
    for (let index = 0; index < ARTICLES.length; index += 2) {
      const batch = ARTICLES.slice(index, index + 2);
      const runs = await Promise.all(batch.map((article) => runBuild(['--content', article.content, '--out', join(SITES_DIR, article.name)])));
      runs.forEach((run, at) => {
        expect(run.status, run.stderr).toBe(0);
        stderr[batch[at]!.name] = run.stderr;
      });
    }
    writeFileSync(MARKER, JSON.stringify(stderr));
    return stderr;
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

/** Registers the hooks that make every article ready (built by this run) and a browser, and a folder of the file's own. */
export function builtSites(prefix: string): BuiltSites {
  const work = mkdtempSync(join(tmpdir(), prefix));
  let stderr: Record<string, string> = {};
  const all = ARTICLES.map((article) => ({ ...article, out: join(SITES_DIR, article.name), stderr: () => stderr[article.name] ?? '' }));
  let session: BrowserSession | undefined;
  beforeAll(async () => {
    stderr = await ensureSites();
    session = await launchBrowser(findBrowser());
  });
  afterAll(async () => {
    await session?.[Symbol.asyncDispose]();
    rmSync(work, { recursive: true, force: true });
  });
  return { work, seed: join(SITES_DIR, 'seed'), long: join(SITES_DIR, 'long'), all, browser: () => session!.browser };
}
