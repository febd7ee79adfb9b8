import type { Browser, Page } from 'puppeteer';
import { EnvironmentError } from './errors.js';

/** Flags that keep Chromium headless, quiet and off the network. */
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--disable-extensions',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-quic',
  '--font-render-hinting=none',
];

export type BrowserSession = AsyncDisposable & Readonly<{ browser: Browser }>;

/**
 * Launches one headless Chromium for a build; disposing it closes the browser. Aborting
 * `signal` kills it, even while it is still starting.
 */
export async function launchBrowser(executablePath: string, signal?: AbortSignal): Promise<BrowserSession> {
  const { launch } = await import('puppeteer');
  let browser: Browser;
  try {
    browser = await launch({ executablePath, headless: true, args: ARGS, timeout: 30_000, signal });
  } catch (error) {
    if (signal?.aborted) throw signal.reason;
    throw new EnvironmentError(`could not start the browser at ${executablePath}: ${(error as Error).message.split('\n')[0]}`, { cause: error });
  }
  return {
    browser,
    async [Symbol.asyncDispose]() {
      // A browser that does not close within seconds is killed: no build waits on it.
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), 5_000)));
      const closed = await Promise.race([browser.close().then(() => 'closed' as const, () => 'failed' as const), timeout]);
      clearTimeout(timer);
      if (closed !== 'closed') browser.process()?.kill('SIGKILL');
    },
  };
}

/**
 * Opens a page that may load only files under `root` and `data:` URLs, with JavaScript
 * disabled unless asked for, runs `use` on it and closes it whatever happens. Anything
 * else the page asks for is aborted and reported to `onBlocked`.
 */
export async function withPage<T>(
  browser: Browser,
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
    const allowed = `file://${root.endsWith('/') ? root : `${root}/`}`;
    page.on('request', (request) => {
      const url = request.url();
      if (url.startsWith('data:') || (url.startsWith(allowed) && !decodeURIComponent(url).includes('/../'))) {
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

/** `work`, or an environment error once `ms` have passed: no build waits forever on a browser. */
export async function withinTime<T>(ms: number, what: string, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new EnvironmentError(`the browser did not finish ${what} in ${ms / 1000} s`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
