import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Browser, Page } from 'puppeteer';
import { EnvironmentError } from './errors.js';
import { findBrowser } from './find-browser.js';

/**
 * Chromium's whole command line, but for its DevTools port, profile and first page: headless,
 * quiet, off the network, and without the parts of the browser a print job never shows
 * (shared with bench/floor.mjs).
 */
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
     * the build is still busy with charts. `newPage()` hands them out first, the one ready
     * first to the first caller.
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
  /** Kills a browser still starting, ends a started one; never throws, and ends it once however often called. */
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
  let ending: Promise<void> | undefined;
  return {
    session,
    end() {
      ending ??= (async () => {
        if (!started) stop.abort(new Error('build stopped'));
        const value = await session.catch(() => undefined);
        await Promise.resolve(value?.[Symbol.asyncDispose]()).catch(() => {});
      })();
      return ending;
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
 * Chromium is started here, with the whole command line of browser-flags.json, and
 * Puppeteer connects once it listens: the browser boots while Puppeteer itself loads.
 * Its profile is a folder of our own, removed once the browser has stopped.
 */
export async function launchBrowser(executablePath: string, options: LaunchOptions = {}): Promise<BrowserSession> {
  const { signal, stepTimeoutMs = 60_000 } = options;
  signal?.throwIfAborted();
  const puppeteer = import('puppeteer');
  puppeteer.catch(() => {}); // awaited below
  const profile = mkdtempSync(join(tmpdir(), 'briefing-browser-'));
  const child = spawn(executablePath, [...ARGS, '--remote-debugging-port=0', `--user-data-dir=${profile}`, 'about:blank'], {
    // A process group of its own, so that every process of it can be killed at once.
    detached: process.platform !== 'win32',
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  // However the build ends, the browser does not outlive it.
  const killOnExit = () => {
    killGroup(child);
    removeBrowserProfileNow(profile);
  };
  process.once('exit', killOnExit);
  const stop = async () => {
    process.off('exit', killOnExit);
    // (A browser that could not be spawned at all has no pid, and may never say 'exit'.)
    const exited = !child.pid || child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : once(child, 'exit').catch(() => {});
    killGroup(child);
    await exited;
    await removeBrowserProfile(profile);
  };
  // Chromium's own start has a deadline; so has every DevTools call after it.
  const startMs = Math.min(30_000, stepTimeoutMs);
  try {
    const browserWSEndpoint = await devToolsEndpoint(child, executablePath, startMs, signal);
    const { connect } = await puppeteer;
    const browser = await withinTime(startMs, 'starting', connect({ browserWSEndpoint, protocolTimeout: stepTimeoutMs }));
    // The tab Chromium opened with serves as the first page: its renderer is already up.
    const first = browser.pages().then((pages) => pages[0]);
    return session(browser, stop, first);
  } catch (error) {
    await stop();
    if (signal?.aborted) throw signal.reason;
    if (error instanceof EnvironmentError) throw error;
    throw new EnvironmentError(`could not start the browser at ${executablePath}: ${(error as Error).message.split('\n')[0]}`, { cause: error });
  }
}

/** The DevTools address a starting Chromium prints, or why it will not come. */
function devToolsEndpoint(child: ChildProcess, executablePath: string, ms: number, signal: AbortSignal | undefined): Promise<string> {
  return new Promise((resolve, reject) => {
    const said: string[] = [];
    const lines = createInterface({ input: child.stderr! });
    const timer = setTimeout(() => settle(new EnvironmentError(`the browser at ${executablePath} did not start within ${ms / 1000} s`)), ms);
    const aborted = () => settle(signal!.reason);
    signal?.addEventListener('abort', aborted, { once: true });
    const exited = (code: number | null, by: NodeJS.Signals | null) => {
      const last = said.filter((line) => line.trim()).slice(-2).join(' ').trim();
      settle(new EnvironmentError(`could not start the browser at ${executablePath}: it stopped (${by ?? `status ${code}`})${last ? `: ${last}` : ''}`));
    };
    const failed = (error: Error) => settle(new EnvironmentError(`could not start the browser at ${executablePath}: ${error.message}`, { cause: error }));
    function settle(outcome: string | Error) {
      clearTimeout(timer);
      signal?.removeEventListener('abort', aborted);
      child.off('exit', exited).off('error', failed);
      lines.off('line', read);
      // What Chromium prints afterwards is read and dropped, so that it never blocks on a full pipe.
      lines.close();
      child.stderr!.resume();
      if (typeof outcome === 'string') resolve(outcome);
      else reject(outcome);
    }
    function read(line: string) {
      const found = /^DevTools listening on (ws:\/\/\S+)/.exec(line);
      if (found) settle(found[1]!);
      else said.push(line);
    }
    lines.on('line', read);
    child.once('exit', exited).once('error', failed);
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
function session(browser: Browser, end: (pages: ReadonlySet<Page>) => Promise<void>, first?: Promise<Page | undefined>): BrowserSession {
  const opened = new Set<Page>();
  const track = (page: Page) => {
    opened.add(page);
    page.once('close', () => opened.delete(page));
    return page;
  };
  const open = async () => track(await browser.newPage());
  // A page ready to print: its renderer started and Blink's first layout done.
  const warmed = async (page: Page) => {
    await page.setJavaScriptEnabled(false);
    await page.setContent('<p style="font: 16px serif">·</p><svg width="8" height="8"><text y="8">·</text></svg>');
    return page;
  };
  const warm: Promise<Page>[] = [];
  const keep = (page: Promise<Page>) => {
    page.catch(() => {}); // a page that failed to warm up is replaced by a new one
    warm.push(page);
  };
  // The browser's own first tab is the first warm page (it is closed like any other).
  if (first) keep(first.then((page) => (page ? track(page) : open())).then(warmed));
  return {
    browser,
    oneAtATime: serial(),
    async newPage() {
      // The warm page that is ready first, whichever was opened first: one to each caller.
      while (warm.length > 0) {
        // (Wrapped: a promise resolved with a promise would be flattened.)
        const { settled } = await Promise.race(warm.map((page) => page.then(() => ({ settled: page }), () => ({ settled: page }))));
        const index = warm.indexOf(settled);
        if (index === -1) continue; // another caller took it meanwhile
        warm.splice(index, 1);
        const page = await settled.catch(() => undefined);
        if (page) return page;
      }
      return open();
    },
    warmUp(count) {
      for (let index = warm.length; index < count; index++) keep(open().then(warmed));
    },
    async [Symbol.asyncDispose]() {
      warm.length = 0;
      await end(opened);
    },
  };
}

/**
 * The folders to remove once a browser has stopped: its profile, and the socket folder
 * Chromium makes beside it in the temporary folder (it removes that one itself only when
 * it exits normally, not when it is killed).
 */
function profileFolders(profile: string): string[] {
  let socket: string | undefined;
  try {
    socket = readlinkSync(join(profile, 'SingletonSocket'));
  } catch {
    // no socket: Chromium did not get that far, or removed it itself
  }
  return socket && basename(dirname(socket)).startsWith('org.chromium.Chromium.') ? [dirname(socket), profile] : [profile];
}

async function removeBrowserProfile(profile: string): Promise<void> {
  await Promise.all(profileFolders(profile).map((folder) => rm(folder, { recursive: true, force: true, maxRetries: 3 })));
}

/** The same, synchronously: for a process that is exiting. */
function removeBrowserProfileNow(profile: string): void {
  for (const folder of profileFolders(profile)) rmSync(folder, { recursive: true, force: true, maxRetries: 3 });
}

/** Kills a browser, answering or not: its whole process group, the renderers too, even stopped ones. */
function killGroup(child: ChildProcess): void {
  if (!child.pid || child.exitCode !== null || child.signalCode !== null) return;
  try {
    if (process.platform === 'win32') child.kill('SIGKILL');
    else process.kill(-child.pid, 'SIGKILL');
  } catch {
    child.kill('SIGKILL');
  }
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
