// Builds content/ and makes the pictures the README shows, under docs/: the PDF's first
// pages (needs pdftoppm, from poppler-utils), both share images, and the page at 1280 and
// 375 px wide, light and dark; a chart on a phone with a bar tapped, and a chart's own page in
// a 320 px frame.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { findBrowser } from '../pipeline/browser/find-browser.js';
import { launchBrowser, withPage } from '../pipeline/browser/index.js';
import { buildReport } from '../pipeline/report/build-report.js';

const docs = join(import.meta.dirname, '..', 'docs');
const work = mkdtempSync(join(tmpdir(), 'briefing-docs-'));
const out = join(work, 'output');
try {
  await buildReport({ contentDir: join(import.meta.dirname, '..', 'content'), outDir: out });
  mkdirSync(docs, { recursive: true });
  execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '2', join(out, 'report.pdf'), join(work, 'page')]);
  renameSync(join(work, 'page-1.png'), join(docs, 'report-page-1.png'));
  renameSync(join(work, 'page-2.png'), join(docs, 'report-page-2.png'));
  copyFileSync(join(out, 'social.png'), join(docs, 'social.png'));
  copyFileSync(join(out, 'social-square.png'), join(docs, 'social-square.png'));

  const session = await launchBrowser(findBrowser());
  try {
    const shots = [
      ['desktop', 1280, 1600],
      ['mobile', 375, 1400],
    ] as const;
    for (const [device, width, height] of shots) {
      for (const scheme of ['light', 'dark'] as const) {
        await withPage(session.browser, out, async (page) => {
          await page.setViewport({ width, height, deviceScaleFactor: 1 });
          await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
          await page.goto(pathToFileURL(join(out, 'index.html')).href, { waitUntil: 'load' });
          await page.screenshot({ path: join(docs, `page-${device}-${scheme}.png`) });
        });
      }
    }
    // The ranking on a phone, its first bar tapped: the tooltip of the build's values.
    await withPage(
      session.browser,
      out,
      async (page) => {
        await page.setViewport({ width: 375, height: 800, deviceScaleFactor: 1, hasTouch: true, isMobile: true });
        await page.goto(pathToFileURL(join(out, 'index.html')).href, { waitUntil: 'load' });
        const bar = (await page.$('#chart-classement .chart-phone [data-value]'))!;
        await bar.scrollIntoView();
        const box = (await bar.boundingBox())!;
        await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
        await (await page.$('#chart-classement .chart-drawings'))!.screenshot({ path: join(docs, 'chart-phone-tooltip.png') });
      },
      undefined,
      { javaScript: true },
    );
    // The chart's own page, framed 320 px wide by another page: the frame takes the height it posts.
    writeFileSync(
      join(out, 'frame.html'),
      '<!DOCTYPE html><html lang="en"><title>Frame</title><body style="margin:0;background:#eee"><iframe title="Chart" src="charts/carte.html" style="width:320px;border:0;display:block" height="150"></iframe>' +
        '<script>addEventListener("message",(e)=>{const d=e.data&&e.data["datawrapper-height"];if(d)document.querySelector("iframe").style.height=Object.values(d)[0]+"px"})</script></body></html>',
    );
    await withPage(
      session.browser,
      out,
      async (page) => {
        await page.setViewport({ width: 320, height: 400, deviceScaleFactor: 1 });
        await page.goto(pathToFileURL(join(out, 'frame.html')).href, { waitUntil: 'load' });
        await page.waitForFunction('parseFloat(document.querySelector("iframe").style.height) > 150');
        await (await page.$('iframe'))!.screenshot({ path: join(docs, 'chart-embed.png') });
      },
      undefined,
      { javaScript: true },
    );
  } finally {
    await session[Symbol.asyncDispose]();
  }
  console.log(`pictures written to ${docs}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
