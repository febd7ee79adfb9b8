import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'puppeteer';
import { EnvironmentError, firstLine } from '../problems/errors.js';
import { isInside } from '../system/paths.js';
import FLAGS from './browser-flags.json' with { type: 'json' };
import { makeProfile, removeDeadProfiles, removeProfileNow } from './browser-profile.js';
import { findBrowser } from './find-browser.js';
import { PipeTransport } from './pipe-transport.js';

/**
 * Chromium's whole command line, but for its DevTools pipe, profile and first page: headless,
 * quiet, and without the parts of the browser a print job never shows (shared with
 * bench/floor.mjs). Off the network: every host name resolves to nothing, no proxy is looked
 * for, and the services that fetch on their own (time, pings, prefetch) are off.
 */
const ARGS: readonly string[] = FLAGS;

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
  const session = browserWs
    ? connectBrowser(browserWs, { stepTimeoutMs: stepMs })
    : launchBrowser(findBrowser(env), { signal: stop.signal, stepTimeoutMs: stepMs });
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
 * Puppeteer drives it over a pipe: the browser boots while Puppeteer itself loads, listens
 * on no port, and ends by itself when this process dies, however it dies.
 * Its profile, and the temporary files it makes, are in a folder of our own, removed once
 * the browser has stopped (or by the next build, when this one was killed).
 */
export async function launchBrowser(executablePath: string, options: LaunchOptions = {}): Promise<BrowserSession> {
  const { signal, stepTimeoutMs = 60_000 } = options;
  signal?.throwIfAborted();
  const puppeteer = import('puppeteer');
  puppeteer.catch(() => {}); // awaited below
  void removeDeadProfiles();
  const profile = makeProfile();
  const child = spawn(executablePath, [...ARGS, '--remote-debugging-pipe', `--user-data-dir=${profile}`, 'about:blank'], {
    // A process group of its own, so that every process of it can be killed at once.
    detached: process.platform !== 'win32',
    // fd 3 and 4 are the DevTools pipe; its sockets and shared memory go in the profile.
    stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'],
    env: { ...process.env, TMPDIR: join(profile, 'tmp') },
  });
  // Listened for at once: a browser that cannot start may stop before Puppeteer has loaded.
  const failed = startFailure(child, executablePath, signal);
  failed.catch(() => {}); // raced below
  // However the build ends, the browser does not outlive it.
  const killOnExit = () => {
    killGroup(child);
    removeProfileNow(profile);
  };
  process.once('exit', killOnExit);
  const stop = async () => {
    process.off('exit', killOnExit);
    // (A browser that could not be spawned at all has no pid, and may never say 'exit'.)
    const exited = !child.pid || child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : once(child, 'exit').catch(() => {});
    killGroup(child);
    await exited;
    await rm(profile, { recursive: true, force: true, maxRetries: 3 });
  };
  // Chromium's own start has a deadline; so has every DevTools call after it.
  const startMs = Math.min(30_000, stepTimeoutMs);
  try {
    const transport = new PipeTransport(child.stdio[3] as Writable, child.stdio[4] as Readable);
    const { connect } = await puppeteer;
    const browser = await withinTime(startMs, 'starting', Promise.race([connect({ transport, protocolTimeout: stepTimeoutMs }), failed]));
    // The tab Chromium opened with serves as the first page: its renderer is already up.
    const first = browser.pages().then((pages) => pages[0]);
    return session(browser, stop, first);
  } catch (error) {
    await stop();
    if (signal?.aborted) throw signal.reason;
    if (error instanceof EnvironmentError) throw error;
    throw new EnvironmentError(`could not start the browser at ${executablePath}: ${firstLine(error)}`, { cause: error });
  }
}

/**
 * Rejects when a starting Chromium stops, cannot be spawned, or the start is aborted, with
 * the last lines it printed; never settles otherwise. What Chromium prints is read and
 * dropped, so that it never blocks on a full pipe.
 */
function startFailure(child: ChildProcess, executablePath: string, signal: AbortSignal | undefined): Promise<never> {
  return new Promise((_resolve, reject) => {
    const said: string[] = [];
    const lines = createInterface({ input: child.stderr! });
    lines.on('line', (line) => {
      if (said.push(line) > 20) said.shift();
    });
    signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
    child.once('exit', (code: number | null, by: NodeJS.Signals | null) => {
      const last = said
        .filter((line) => line.trim())
        .slice(-2)
        .join(' ')
        .trim();
      reject(new EnvironmentError(`could not start the browser at ${executablePath}: it stopped (${by ?? `status ${code}`})${last ? `: ${last}` : ''}`));
    });
    child.once('error', (error) => reject(new EnvironmentError(`could not start the browser at ${executablePath}: ${error.message}`, { cause: error })));
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
    browser = await withinTime(
      Math.min(30_000, stepTimeoutMs),
      `connecting to ${browserWSEndpoint}`,
      connect({ browserWSEndpoint, protocolTimeout: stepTimeoutMs }),
    );
  } catch (error) {
    if (error instanceof EnvironmentError) throw error;
    throw new EnvironmentError(`could not connect to the browser at ${browserWSEndpoint}: ${firstLine(error)}`, { cause: error });
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
        const { settled } = await Promise.race(
          warm.map((page) =>
            page.then(
              () => ({ settled: page }),
              () => ({ settled: page }),
            ),
          ),
        );
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
