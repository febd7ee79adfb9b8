// The browser's part of a build: the PDF and share images, the PDF finished and checked.
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { type BrowserSession, browserFailure, captureSocial, printPdf, SHARE_FORMATS, type ShareImage, withinTime } from '../browser/index.js';
import type { PdfReport } from '../pdf/check-pdf.js';
import { PRINT_PAGE, type RenderedReport, SHARE_PAGE } from './render-report.js';
import type { Timer } from './timer.js';
import type { Staging } from './write-output.js';

export type PrintedReport = Readonly<{
  /** The PDF, finished (metadata, bookmarks) and saved. */
  pdf: Uint8Array;
  /** The PDF's own check of itself. */
  check: PdfReport;
  /** The share images, in the order of SHARE_FORMATS, already staged. */
  shares: readonly ShareImage[];
  /** What the pages asked for outside the staging folder, refused. */
  blocked: readonly string[];
}>;

export type PrintOptions = Readonly<{
  session: BrowserSession;
  stage: Staging;
  report: RenderedReport;
  contentDir: string;
  env: NodeJS.ProcessEnv;
  /** How long the browser's part may take in all. */
  totalMs: number;
  time: Timer;
  /** Marks when something happened ("@pdf"), in the build's timings. */
  mark: (event: string) => void;
  /** Told once the browser's part is over (well or not): the browser may go. */
  onBrowserDone: () => void;
}>;

/**
 * Step 6 of a build: the PDF printed and the share images taken in parallel pages of one
 * browser; the PDF finished and checked (pdf-lib, loaded meanwhile) while the screenshots
 * are still being taken.
 */
export async function printReport(options: PrintOptions): Promise<PrintedReport> {
  const { session, stage, report, time, mark } = options;
  const blocked: string[] = [];
  const onBlocked = (url: string) => blocked.push(url);
  const what = 'printing the PDF and the share images';
  const fromBrowser = <T>(work: Promise<T>): Promise<T> =>
    withinTime(options.totalMs, what, work).catch((error: unknown) => {
      throw browserFailure(error, what);
    });
  // pdf-lib loads while the browser prints.
  const pdfTools = Promise.all([import('../pdf/finish-pdf.js'), import('../pdf/check-pdf.js')]);
  const pdfBytes = time('pdf', () => fromBrowser(printPdf(session, stage.dir, PRINT_PAGE, onBlocked))).then((pdf) => {
    mark('pdf');
    return pdf;
  });
  const captured = time('png', () => fromBrowser(captureSocial(session, stage.dir, SHARE_PAGE, SHARE_FORMATS, onBlocked))).then(async (images) => {
    mark('png');
    // Staged now: the PDF usually takes longer.
    await Promise.all(SHARE_FORMATS.map((format, index) => stage.write(format.file, images[index]!.png)));
    return images;
  });
  // The browser's part ends here: it can go while the PDF is finished and the output written.
  void Promise.allSettled([pdfBytes, captured]).then(options.onBrowserDone);
  const printed = pdfBytes.then(async (pdf) => {
    const [{ finishPdf }, { checkPdf, pdfBudget }] = await pdfTools;
    const { article, meta, printTree, charts, body } = report;
    const finished = await time('finish', () => finishPdf(pdf, meta, { article: article.toString(), body: printTree }, options.env));
    const sources = new Set([...body.images, ...charts.flatMap((chart) => chart.images)].map((image) => image.source));
    const sizes = await Promise.all([...sources].map((source) => stat(join(options.contentDir, source))));
    const imageBytes = sizes.reduce((sum, stats) => sum + stats.size, 0);
    const budget = pdfBudget(printTree, { charts: charts.length, images: sources.size, imageBytes });
    const check = await time('check', () => checkPdf(finished, budget));
    return { pdf: finished.bytes, check };
  });
  const [{ pdf, check }, shares] = await Promise.all([printed, captured]);
  return { pdf, check, shares, blocked: [...new Set(blocked)] };
}
