// A number of seconds read from an environment variable, bounded so that a timer can hold it.
import { EnvironmentError } from '../problems/errors.js';

/** The longest any time limit may be: a day. A timer holds at most 2^31 − 1 ms (about 24 days). */
export const MAX_SECONDS = 86_400;

/** `env[name]` as seconds, from just above 0 to a day; `fallback` when it is unset or empty. */
export function envSeconds(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const text = env[name];
  if (text === undefined || text === '') return fallback;
  const seconds = Number(text);
  // Node fires a longer timer at once, with a warning: refused here instead.
  if (!Number.isFinite(seconds) || seconds <= 0 || seconds > MAX_SECONDS) {
    throw new EnvironmentError(`${name} is "${text}": give a number of seconds from 1 to ${MAX_SECONDS}, such as ${fallback}`);
  }
  return seconds;
}
