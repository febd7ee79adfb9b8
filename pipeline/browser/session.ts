// A browser session as a build uses it: warm pages handed out first, screenshots one at a time, one
// way to end it.
import type { Browser, Page } from 'puppeteer';

/**
 * A browser as a build uses it: pages handed out warm, screenshots one at a time, and one
 * way to end it, whether it was launched here or is someone else's.
 */

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

/** Runs tasks one at a time, in the order they were queued. */
function serial(): <T>(task: () => Promise<T>) => Promise<T> {
  let last: Promise<unknown> = Promise.resolve();
  return (task) => {
    const run = last.then(task, task);
    last = run.catch(() => {});
    return run;
  };
}

/** A session over `browser`; `end` is given every page the session opened and not closed. */
export function session(browser: Browser, end: (pages: ReadonlySet<Page>) => Promise<void>, first?: Promise<Page | undefined>): BrowserSession {
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
