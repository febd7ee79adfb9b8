import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findBrowser } from '../pipeline/browser/find-browser.js';
import { launchBrowser } from '../pipeline/browser/launch-browser.js';
import { processesWith } from './helpers.js';

let temp: string | undefined;
const previousTmpdir = process.env.TMPDIR;
afterEach(() => {
  if (previousTmpdir === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = previousTmpdir;
  if (temp) rmSync(temp, { recursive: true, force: true });
});

describe('a browser session', () => {
  it('keeps as many warm pages as asked for, however often it is asked, and hands them out first', async () => {
    temp = mkdtempSync(join(tmpdir(), 'briefing-session-'));
    process.env.TMPDIR = temp;
    const session = await launchBrowser(findBrowser());
    try {
      // As a dev server does: one warm-up per build, whether or not the build got to print.
      session.warmUp(2);
      session.warmUp(2);
      session.warmUp(2);
      const taken = [await session.newPage(), await session.newPage()];
      // The two warm pages (the first is the tab Chromium started with), already rendering
      // their line of text.
      for (const page of taken) expect(await page.content()).toContain('<p style="font: 16px serif">');
      const fresh = await session.newPage();
      expect(await fresh.content()).not.toContain('16px serif');
      expect((await session.browser.pages()).length).toBe(3);
      expect((await processesWith(temp)).some((line) => line.includes('--type=renderer'))).toBe(true);
    } finally {
      await session[Symbol.asyncDispose]();
    }
    // Gone, with every process of it and its profile.
    expect(session.browser.connected).toBe(false);
    expect(await processesWith(temp)).toEqual([]);
    expect(readdirSync(temp)).toEqual([]);
  });
});
