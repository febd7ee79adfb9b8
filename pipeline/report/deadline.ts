// The whole build's time limit. It is kept by the build's own thread, which never does long work
// itself: vega draws in a thread of its own, the browser in its own processes, and the article's
// parsing is bounded by its size.
import { EnvironmentError } from '../problems/errors.js';
import { envSeconds } from '../system/env-seconds.js';

/** The least time a whole build is given: five minutes, or the browser's limit and three minutes more. */
const BUILD_TIMEOUT_S = 300;

export type Deadline = Readonly<{
  /** Aborted when the time is up, with the environment error to tell. */
  signal: AbortSignal;
  /** `work`, or that error once the time is up, whichever comes first. */
  race<T>(work: Promise<T>): Promise<T>;
  /** Stops the clock. */
  clear(): void;
}>;

/** Starts the clock of a build: BRIEFING_BUILD_TIMEOUT seconds, by default five minutes or the browser's limit and three minutes. */
export function buildDeadline(env: NodeJS.ProcessEnv, browserMs: number): Deadline {
  const seconds = envSeconds(env, 'BRIEFING_BUILD_TIMEOUT', Math.max(BUILD_TIMEOUT_S, browserMs / 1000 + 180));
  const controller = new AbortController();
  const { signal } = controller;
  const timer = setTimeout(() => {
    controller.abort(new EnvironmentError(`the build did not finish in ${seconds} s (BRIEFING_BUILD_TIMEOUT): it was stopped, and nothing was published`));
  }, seconds * 1000);
  const timeUp = new Promise<never>((_resolve, reject) => signal.addEventListener('abort', () => reject(signal.reason), { once: true }));
  timeUp.catch(() => {}); // told through race() only
  return {
    signal,
    race: (work) => Promise.race([work, timeUp]),
    clear: () => clearTimeout(timer),
  };
}
