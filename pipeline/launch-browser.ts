import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { mkdtemp, readlink, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import type { Browser, Page } from 'puppeteer';
import { EnvironmentError } from './errors.js';
import { findBrowser } from './find-browser.js';

/** Flags that keep Chromium headless, quiet and off the network (shared with bench/floor.mjs). */
const ARGS: readonly string[] = JSON.parse(readFileSync(new URL('browser-flags.json', import.meta.url), 'utf8'));

/** Where pages come from: a browser, or a session that hands out pages it has warmed up. */
export type PageSource = Readonly<{ newPage(): Promise<Page> }>;

export type BrowserSession = AsyncDisposable &
  PageSource &
  Readonly<{
    browser: Browser;
    /**
     * Runs screenshots one at a time, browser-wide: only the tab in front is painted, and
     * a screenshot of a tab behind waits for a frame that may never come.
     */
    oneAtATime: <T>(task: () => Promise<T>) => Promise<T>;
    /**
     * Makes `count` warm pages ready (opening only those missing), each rendering a line
     * of text, so that the renderer processes start and Blink's first layout happens while
     * the build is still busy with charts. `newPage()` hands them out first.
     */
    warmUp(count: number): void;
  }>;

/** No build waits forever on a browser that stopped answering (BRIEFING_BROWSER_TIMEOUT, seconds). */
const BROWSER_TIMEOUT_S = 120;

export type BrowserTimeouts = Readonly<{ totalMs: number; stepMs: number }>;

/**
 * How long printing may take in all (two minutes, or BRIEFING_BROWSER_TIMEOUT seconds), and
 * any one call to the browser (a minute, or the total when it is smaller).
 */
export function browserTimeouts(env: NodeJS.ProcessEnv): BrowserTimeouts {
  const text = env.BRIEFING_BROWSER_TIMEOUT;
  let seconds = BROWSER_TIMEOUT_S;
  if (text !== undefined && text !== '') {
    seconds = Number(text);
    if (!Number.isFinite(seconds) || seconds <= 0) throw new EnvironmentError(`BRIEFING_BROWSER_TIMEOUT is "${text}": give a number of seconds, such as 120`);
  }
  return { totalMs: seconds * 1000, stepMs: Math.min(seconds * 1000, 60_000) };
}

export type StartedBrowser = Readonly<{
  session: Promise<BrowserSession>;
  /** Kills a browser still starting, ends a started one; never throws. */
  end(): Promise<void>;
}>;

/**
 * The browser of a run: the remote Chrome of `browserWs` (or BRIEFING_BROWSER_WS) when
 * given, else a local Chrome or Chromium, launched now. Throws at once when none is found.
 */
export function startBrowser(env: NodeJS.ProcessEnv, browserWs = env.BRIEFING_BROWSER_WS || undefined): StartedBrowser {
  const { stepMs } = browserTimeouts(env);
  const stop = new AbortController();
  const session = browserWs ? connectBrowser(browserWs, { stepTimeoutMs: stepMs }) : launchBrowser(findBrowser(env), { signal: stop.signal, stepTimeoutMs: stepMs });
  let started: BrowserSession | undefined;
  session.then(
    (value) => (started = value),
    () => {}, // told to whoever awaits the session
  );
  return {
    session,
    async end() {
      if (!started) stop.abort(new Error('build stopped'));
      const value = await session.catch(() => undefined);
      await Promise.resolve(value?.[Symbol.asyncDispose]()).catch(() => {});
    },
  };
}

/** Runs tasks one at a time, in the order they were queued. */
export function serial(): <T>(task: () => Promise<T>) => Promise<T> {
  let last: Promise<unknown> = Promise.resolve();
  return (task) => {
    const run = last.then(task, task);
    last = run.catch(() => {});
    return run;
  };
}

export type LaunchOptions = Readonly<{
  /** Aborting it kills the browser, even while it is still starting. */
  signal?: AbortSignal;
  /** The longest any one call to the browser may take (a page load, a print, a screenshot). */
  stepTimeoutMs?: number;
}>;

/**
 * Launches one headless Chromium; disposing the session ends it at once (the outputs are
 * written by then: no need to wait on a polite close), with every process of its group.
 * Its profile is a folder of our own, removed once the browser has stopped.
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
  if (signal?.aborted) stop();
  const deadline = setTimeout(() => launching.abort(new EnvironmentError(`the browser at ${executablePath} did not start within ${startMs / 1000} s`)), startMs);
  // Puppeteer does not hear an abort in every phase of its launch: the launch is raced
  // against it, and a browser that starts after all is killed at once.
  const abandoned = new Promise<never>((_resolve, reject) => {
    if (launching.signal.aborted) reject(launching.signal.reason);
    launching.signal.addEventListener('abort', () => reject(launching.signal.reason), { once: true });
  });
  abandoned.catch(() => {}); // only raced below
  const launched = launch({
    executablePath,
    headless: true,
    args: [...ARGS],
    userDataDir: profile,
    timeout: startMs,
    // Bounds every DevTools call, so each step of each page has a timeout.
    protocolTimeout: stepTimeoutMs,
    signal: launching.signal,
  });
  let browser: Browser;
  try {
    browser = await Promise.race([launched, abandoned]);
  } catch (error) {
    if (launching.signal.aborted) {
      // Wait (a while) for the launch to end, killing a browser that started after all,
      // so that its profile can go with it.
      let timer: NodeJS.Timeout | undefined;
      const ended = launched.then((late) => killBrowser(late), () => {});
      await Promise.race([ended, new Promise((resolve) => (timer = setTimeout(resolve, 3_000)))]);
      clearTimeout(timer);
    }
    await removeProfile();
    if (launching.signal.aborted) throw launching.signal.reason;
    throw new EnvironmentError(`could not start the browser at ${executablePath}: ${(error as Error).message.split('\n')[0]}`, { cause: error });
  } finally {
    clearTimeout(deadline);
  }
  return session(browser, async () => {
    await killBrowser(browser);
    await removeProfile();
  });
}

/**
 * Connects to a Chrome that runs elsewhere (a DevTools WebSocket URL, such as a browserless
 * pool's); disposing the session disconnects and leaves that browser running.
 */
export async function connectBrowser(browserWSEndpoint: string, options: LaunchOptions = {}): Promise<BrowserSession> {
  const { stepTimeoutMs = 60_000 } = options;
  const { connect } = await import('puppeteer');
  let browser: Browser;
  try {
    browser = await withinTime(Math.min(30_000, stepTimeoutMs), `connecting to ${browserWSEndpoint}`, connect({ browserWSEndpoint, protocolTimeout: stepTimeoutMs }));
  } catch (error) {
    if (error instanceof EnvironmentError) throw error;
    throw new EnvironmentError(`could not connect to the browser at ${browserWSEndpoint}: ${(error as Error).message.split('\n')[0]}`, { cause: error });
  }
  return session(browser, async (pages) => {
    // Only the pages of this run are closed; the browser belongs to someone else.
    await Promise.all([...pages].map((page) => page.close().catch(() => {})));
    await browser.disconnect().catch(() => {});
  });
}

/** A session over `browser`; `end` is given every page the session opened and not closed. */
function session(browser: Browser, end: (pages: ReadonlySet<Page>) => Promise<void>): BrowserSession {
  const opened = new Set<Page>();
  const open = async () => {
    const page = await browser.newPage();
    opened.add(page);
    page.once('close', () => opened.delete(page));
    return page;
  };
  const warm: Promise<Page>[] = [];
  return {
    browser,
    oneAtATime: serial(),
    newPage: async () => (await warm.shift()?.catch(() => undefined)) ?? open(),
    warmUp(count) {
      for (let index = warm.length; index < count; index++) {
        const page = open().then(async (page) => {
          await page.setJavaScriptEnabled(false);
          await page.setContent('<p style="font: 16px serif">·</p><svg width="8" height="8"><text y="8">·</text></svg>');
          return page;
        });
        page.catch(() => {}); // a page that failed to warm up is replaced by a new one
        warm.push(page);
      }
    },
    async [Symbol.asyncDispose]() {
      warm.length = 0;
      await end(opened);
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
