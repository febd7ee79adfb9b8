// content/ and the long English fixture, built once for a test file into a folder of its own, and
// a browser to look at them; all gone after the file's tests.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'puppeteer';
import { afterAll, beforeAll, expect } from 'vitest';
import { findBrowser } from '../pipeline/browser/find-browser.js';
import { type BrowserSession, launchBrowser } from '../pipeline/browser/index.js';
import { ROOT, runBuild } from './helpers.js';

export type BuiltSites = Readonly<{ work: string; seed: string; long: string; browser: () => Browser }>;

/** Registers the hooks that build both sites before the file's tests and clean up after them. */
export function builtSites(prefix: string): BuiltSites {
  const work = mkdtempSync(join(tmpdir(), prefix));
  const seed = join(work, 'seed');
  const long = join(work, 'long');
  let session: BrowserSession | undefined;
  beforeAll(async () => {
    const runs = await Promise.all([
      runBuild(['--content', join(ROOT, 'content'), '--out', seed]),
      runBuild(['--content', join(ROOT, 'test', 'fixtures', 'en-long'), '--out', long]),
    ]);
    for (const run of runs) expect(run.status, run.stderr).toBe(0);
    session = await launchBrowser(findBrowser());
  });
  afterAll(async () => {
    await session?.[Symbol.asyncDispose]();
    rmSync(work, { recursive: true, force: true });
  });
  return { work, seed, long, browser: () => session!.browser };
}
