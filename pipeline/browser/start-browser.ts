// The browser of a run, started (or connected to) first thing and ended once, however the run ends.
import { connectBrowser } from './connect-browser.js';
import { findBrowser } from './find-browser.js';
import { launchBrowser } from './launch-browser.js';
import type { BrowserSession } from './session.js';
import { browserTimeouts } from './timeouts.js';

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
