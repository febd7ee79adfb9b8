import { describe, expect, it } from 'vitest';
import { findBrowser } from '../pipeline/find-browser.js';
import { launchBrowser } from '../pipeline/launch-browser.js';

describe('a browser session', () => {
  it('keeps as many warm pages as asked for, however often it is asked, and hands them out first', async () => {
    const session = await launchBrowser(findBrowser());
    try {
      const before = (await session.browser.pages()).length;
      // As a dev server does: one warm-up per build, whether or not the build got to print.
      session.warmUp(2);
      session.warmUp(2);
      session.warmUp(2);
      const taken = [await session.newPage(), await session.newPage()];
      // The two warm pages, already rendering their line of text.
      for (const page of taken) expect(await page.content()).toContain('<p style="font: 16px serif">');
      const fresh = await session.newPage();
      expect(await fresh.content()).not.toContain('16px serif');
      expect((await session.browser.pages()).length).toBe(before + 3);
    } finally {
      await session[Symbol.asyncDispose]();
    }
    expect(session.browser.process()?.exitCode !== null || session.browser.process()?.signalCode !== null).toBe(true);
  });
});
