// The floor a build is measured against: what any report costs at least. It launches the
// browser the build would use (PUPPETEER_EXECUTABLE_PATH, given by the benchmark) with the
// build's own command line (Puppeteer adds only its DevTools port and a profile), sets a
// small page with one inline SVG, prints an A4 PDF, takes a 1200x630 screenshot and closes
// the browser.
import { readFileSync } from 'node:fs';
import { launch } from 'puppeteer';

const args = JSON.parse(readFileSync(new URL('../pipeline/browser/browser-flags.json', import.meta.url), 'utf8'));
const browser = await launch({
  executablePath: process.env.PUPPETEER_EXECUTABLE_PATH,
  headless: true,
  ignoreDefaultArgs: true,
  args: [...args, 'about:blank'],
});
const page = await browser.newPage();
await page.setViewport({ width: 1200, height: 630, deviceScaleFactor: 1 });
await page.setContent(`<!doctype html><html lang="en"><meta charset="utf-8"><title>Floor</title>
<body style="font-family: sans-serif; margin: 40px"><h1>A small page</h1><p>One paragraph and one chart.</p>
<svg xmlns="http://www.w3.org/2000/svg" width="480" height="240" viewBox="0 0 480 240" role="img" aria-label="Bars">
<rect x="0" y="20" width="400" height="40" fill="#c0392b"/><rect x="0" y="80" width="260" height="40" fill="#c0392b"/>
<rect x="0" y="140" width="120" height="40" fill="#c0392b"/><text x="8" y="230" font-size="14">0 to 400</text></svg></body></html>`);
await page.pdf({ format: 'A4', printBackground: true });
await page.screenshot({ type: 'png', clip: { x: 0, y: 0, width: 1200, height: 630 } });
await browser.close();
