// A page confined to a folder: every request outside it refused and reported, JavaScript off unless
// asked for.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'puppeteer';
import { isInside } from '../system/paths.js';
import type { PageSource } from './session.js';

/**
 * Opens a page that may load only files under `root` and `data:` URLs, with JavaScript
 * disabled unless asked for, runs `use` on it and closes it whatever happens. Anything
 * else the page asks for is aborted and reported to `onBlocked`.
 */
export async function withPage<T>(
  browser: PageSource,
  root: string,
  use: (page: Page) => Promise<T>,
  onBlocked: (url: string) => void = () => {},
  options: Readonly<{ javaScript?: boolean }> = {},
): Promise<T> {
  const page = await browser.newPage();
  try {
    // Only the pipeline's own share template runs a script (to fit its title); never the content.
    await page.setJavaScriptEnabled(options.javaScript === true);
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      const url = request.url();
      if (url.startsWith('data:') || isFileUnder(root, url)) {
        void request.continue();
      } else {
        onBlocked(url);
        void request.abort('blockedbyclient');
      }
    });
    return await use(page);
  } finally {
    await page.close().catch(() => {});
  }
}

/** Whether `url` is a file: URL of a file under folder `root` (its path decoded, as the browser reads it). */
function isFileUnder(root: string, url: string): boolean {
  try {
    return url.startsWith('file:') && isInside(resolve(root), fileURLToPath(url));
  } catch {
    return false; // not a path this system can open, such as an encoded slash
  }
}
