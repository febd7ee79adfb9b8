import { once } from 'node:events';
import { mkdtemp, readlink, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
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

export type LaunchOptions = Readonly<{
  /** Aborting it kills the browser, even while it is still starting. */
  signal?: AbortSignal;
  /** The longest any one call to the browser may take (a page load, a print, a screenshot). */
  stepTimeoutMs?: number;
}>;

/**
 * Launches one headless Chromium for a build; disposing it closes the browser. Its profile
 * is a folder of our own, removed once the browser has stopped, however it stopped.
 */
export async function launchBrowser(executablePath: string, options: LaunchOptions = {}): Promise<BrowserSession> {
  const { signal, stepTimeoutMs = 60_000 } = options;
  const { launch } = await import('puppeteer');
  const profile = await mkdtemp(join(tmpdir(), 'briefing-browser-'));
  const removeProfile = () => removeBrowserProfile(profile);
  // Puppeteer's own launch timeout ends with the WS endpoint; a browser that hangs after it
  // would hold the connection forever. So the whole launch has a deadline, which kills it.
  const startMs = Math.min(30_000, stepTimeoutMs);
  const launching = new AbortController();
  const stop = () => launching.abort(signal?.reason);
  signal?.addEventListener('abort', stop, { once: true });
  const deadline = setTimeout(() => launching.abort(new EnvironmentError(`the browser at ${executablePath} did not start within ${startMs / 1000} s`)), startMs);
  let browser: Browser;
  try {
    browser = await launch({
      executablePath,
      headless: true,
      args: ARGS,
      userDataDir: profile,
      timeout: startMs,
      // Bounds every DevTools call, so each step of each page has a timeout.
      protocolTimeout: stepTimeoutMs,
      signal: launching.signal,
    });
  } catch (error) {
    await removeProfile();
    if (launching.signal.aborted) throw launching.signal.reason;
    throw new EnvironmentError(`could not start the browser at ${executablePath}: ${(error as Error).message.split('\n')[0]}`, { cause: error });
  } finally {
    clearTimeout(deadline);
  }
  return {
    browser,
    async [Symbol.asyncDispose]() {
      // A browser that does not close within seconds is killed: no build waits on it.
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), 5_000)));
      const closed = await Promise.race([browser.close().then(() => 'closed' as const, () => 'failed' as const), timeout]);
      clearTimeout(timer);
      if (closed !== 'closed') await killBrowser(browser);
      await removeProfile();
    },
  };
}

/**
 * Removes a profile once its browser has stopped, with the socket folder that Chromium
 * makes beside it in the temporary folder (it removes that one itself only when it exits
 * normally, not when it is killed).
 */
async function removeBrowserProfile(profile: string): Promise<void> {
  const socket = await readlink(join(profile, 'SingletonSocket')).catch(() => undefined);
  if (socket && basename(dirname(socket)).startsWith('org.chromium.Chromium.')) await rm(dirname(socket), { recursive: true, force: true });
  await rm(profile, { recursive: true, force: true, maxRetries: 3 });
}

/** Kills a browser that does not answer: its whole process group, the renderers too, even stopped ones. */
async function killBrowser(browser: Browser): Promise<void> {
  const child = browser.process();
  if (!child?.pid) return;
  const exited = child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : once(child, 'exit');
  try {
    // Puppeteer starts Chromium as the leader of its own process group, except on Windows.
    if (process.platform === 'win32') child.kill('SIGKILL');
    else process.kill(-child.pid, 'SIGKILL');
  } catch {
    child.kill('SIGKILL');
  }
  await exited;
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
