// The browser's time limits, and its failures told as one-line environment errors.
import { EnvironmentError, firstLine } from '../problems/errors.js';
import { envSeconds } from '../system/env-seconds.js';

/** No build waits forever on a browser that stopped answering (BRIEFING_BROWSER_TIMEOUT, seconds). */
const BROWSER_TIMEOUT_S = 120;

export type BrowserTimeouts = Readonly<{ totalMs: number; stepMs: number }>;

/**
 * How long printing may take in all (two minutes, or BRIEFING_BROWSER_TIMEOUT seconds), and
 * any one call to the browser (a minute, or the total when it is smaller).
 */
export function browserTimeouts(env: NodeJS.ProcessEnv): BrowserTimeouts {
  const seconds = envSeconds(env, 'BRIEFING_BROWSER_TIMEOUT', BROWSER_TIMEOUT_S);
  return { totalMs: seconds * 1000, stepMs: Math.min(seconds * 1000, 60_000) };
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

/**
 * A failure of the browser while it was `doing` something, as the one-line environment
 * error a user reads: out of time (Puppeteer's TimeoutError, or a DevTools call that timed
 * out), or stopped (crashed, killed).
 */
export function browserFailure(error: unknown, doing: string): EnvironmentError {
  if (error instanceof EnvironmentError) return error;
  // By name: Puppeteer is loaded only once the browser has started.
  const name = error instanceof Error ? error.name : '';
  if (name === 'TimeoutError' || (name === 'ProtocolError' && / timed out/.test(firstLine(error)))) {
    return new EnvironmentError(`the browser did not answer in time while ${doing}: ${firstLine(error)}`, { cause: error });
  }
  return new EnvironmentError(`the browser stopped while ${doing}: ${firstLine(error)}`, { cause: error });
}
