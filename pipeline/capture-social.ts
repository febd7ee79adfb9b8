import type { Browser } from 'puppeteer';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { withPage } from './launch-browser.js';

export const SOCIAL_WIDTH = 1200;
export const SOCIAL_HEIGHT = 630;

/** Screenshots the staged share-image page at 1200×630. */
export async function captureSocial(browser: Browser, stagingDir: string, htmlName: string, onBlocked: (url: string) => void): Promise<Uint8Array> {
  return withPage(
    browser,
    stagingDir,
    async (page) => {
      await page.setViewport({ width: SOCIAL_WIDTH, height: SOCIAL_HEIGHT, deviceScaleFactor: 1 });
      await page.goto(pathToFileURL(join(stagingDir, htmlName)).href, { waitUntil: 'load' });
      return page.screenshot({ type: 'png', clip: { x: 0, y: 0, width: SOCIAL_WIDTH, height: SOCIAL_HEIGHT } });
    },
    onBlocked,
  );
}
