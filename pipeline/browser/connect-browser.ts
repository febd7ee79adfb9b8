// A session on a Chrome that runs elsewhere (--browser-ws), left running when the session ends.
import type { Browser } from 'puppeteer';
import { EnvironmentError, firstLine } from '../problems/errors.js';
import type { LaunchOptions } from './launch-browser.js';
import { type BrowserSession, session } from './session.js';
import { withinTime } from './timeouts.js';

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
