// A local Chromium launched with the build's command line, driven over a pipe, killed with its
// whole process group.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { EnvironmentError, firstLine } from '../problems/errors.js';
import FLAGS from './browser-flags.json' with { type: 'json' };
import { makeProfile, removeDeadProfiles, removeProfileNow } from './browser-profile.js';
import { PipeTransport } from './pipe-transport.js';
import { type BrowserSession, session } from './session.js';
import { withinTime } from './timeouts.js';

/**
 * Chromium's whole command line, but for its DevTools pipe, profile and first page: headless,
 * quiet, and without the parts of the browser a print job never shows (shared with
 * bench/floor.mjs). Off the network: every host name resolves to nothing, no proxy is looked
 * for, and the services that fetch on their own (time, pings, prefetch) are off.
 */
const ARGS: readonly string[] = FLAGS;

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
  // Never throws: an exit handler that throws stops the ones after it (the staging folder's).
  const killOnExit = () => {
    killGroup(child);
    try {
      removeProfileNow(profile);
    } catch {
      // a browser process still writing there: the next build removes a dead build's profile
    }
  };
  process.once('exit', killOnExit);
  const stop = async () => {
    // (A browser that could not be spawned at all has no pid, and may never say 'exit'.)
    const exited = !child.pid || child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : once(child, 'exit').catch(() => {});
    killGroup(child);
    await exited;
    await rm(profile, { recursive: true, force: true, maxRetries: 3 });
    // Only now: a signal while the profile is being removed still removes it.
    process.off('exit', killOnExit);
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
