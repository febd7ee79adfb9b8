// The A4 PDF, printed from the staged print page.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { layOutPrint } from './lay-out-print.js';
import type { PageSource } from './session.js';
import { withPage } from './with-page.js';

/** Prints the staged print page (the page, hyphenated) to an A4 PDF with its print stylesheet, hyphens and figures placed by `layOutPrint`. */
export async function printPdf(browser: PageSource, stagingDir: string, htmlName: string, onBlocked: (url: string) => void): Promise<Uint8Array> {
  return withPage(
    browser,
    stagingDir,
    async (page) => {
      await page.goto(pathToFileURL(join(stagingDir, htmlName)).href, { waitUntil: 'load', timeout: 30_000 });
      await layOutPrint(page);
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
