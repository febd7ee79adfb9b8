// The A4 PDF, printed from the staged print page.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { placeFigures } from './place-figures.js';
import type { PageSource } from './session.js';
import { withPage } from './with-page.js';

/** Prints the staged print page (the page, hyphenated) to an A4 PDF with its print stylesheet, figures placed to leave no page short. */
export async function printPdf(browser: PageSource, stagingDir: string, htmlName: string, onBlocked: (url: string) => void): Promise<Uint8Array> {
  return withPage(
    browser,
    stagingDir,
    async (page) => {
      await page.goto(pathToFileURL(join(stagingDir, htmlName)).href, { waitUntil: 'load', timeout: 30_000 });
      await placeFigures(page);
      return page.pdf({
        format: 'A4',
        printBackground: true,
        preferCSSPageSize: true,
        tagged: true,
        outline: true,
        timeout: 60_000,
      });
    },
    onBlocked,
  );
}
