// content/ and every fixture, built once for a test file into folders of its own, and a browser
// to look at them; all gone after the file's tests.
import { mkdtempSync, rmSync } from 'node:fs';
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

/** Registers the hooks that build every article before the file's tests and clean up after them. */
export function builtSites(prefix: string): BuiltSites {
  const work = mkdtempSync(join(tmpdir(), prefix));
  const stderr = new Map<string, string>();
  const all = ARTICLES.map((article) => ({ ...article, out: join(work, article.name), stderr: () => stderr.get(article.name) ?? '' }));
  let session: BrowserSession | undefined;
  beforeAll(async () => {
    // Two at a time: the machine may have two cores.
    for (let index = 0; index < all.length; index += 2) {
      const batch = all.slice(index, index + 2);
      const runs = await Promise.all(batch.map((site) => runBuild(['--content', site.content, '--out', site.out])));
      runs.forEach((run, at) => {
        expect(run.status, run.stderr).toBe(0);
        stderr.set(batch[at]!.name, run.stderr);
      });
    }
    session = await launchBrowser(findBrowser());
  });
  afterAll(async () => {
    await session?.[Symbol.asyncDispose]();
    rmSync(work, { recursive: true, force: true });
  });
  return { work, seed: join(work, 'seed'), long: join(work, 'long'), all, browser: () => session!.browser };
}
