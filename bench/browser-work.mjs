// The browser's part of a build, alone: the pages a build stages (the folder given as the
// first argument: print.html, share.html and their assets, made by the benchmark) printed
// and captured as the build does, and nothing else. Chromium is spawned first thing with the
// build's command line and Puppeteer connects once it listens; its first tab prints the
// tagged, bookmarked A4 PDF while a second tab takes both share images from one page load;
// both tabs may load only files of the folder; the PDF is then loaded and saved by pdf-lib
// while the browser is killed. No Markdown, no charts, no output written: however fast the
// pipeline's own code gets, a build cannot beat this. The browser is PUPPETEER_EXECUTABLE_PATH,
// given by the benchmark.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';

const folder = resolve(process.argv[2] ?? '.');
const args = JSON.parse(readFileSync(new URL('../pipeline/browser/browser-flags.json', import.meta.url), 'utf8'));
const profile = mkdtempSync(join(tmpdir(), 'briefing-bench-browser-'));
const child = spawn(process.env.PUPPETEER_EXECUTABLE_PATH, [...args, '--remote-debugging-port=0', `--user-data-dir=${profile}`, 'about:blank'], {
  detached: true,
  stdio: ['ignore', 'ignore', 'pipe'],
});
const puppeteer = import('puppeteer');
const pdfLib = import('pdf-lib');
const browserWSEndpoint = await new Promise((resolve, reject) => {
  const lines = createInterface({ input: child.stderr });
  lines.on('line', (line) => {
    const found = /^DevTools listening on (ws:\/\/\S+)/.exec(line);
    if (found) {
      lines.close();
      child.stderr.resume();
      resolve(found[1]);
    }
  });
  child.once('exit', (code) => reject(new Error(`the browser stopped (status ${code})`)));
});
const browser = await (await puppeteer).connect({ browserWSEndpoint });

const allowed = `file://${folder}/`;
const open = async (page, javaScript) => {
  await page.setJavaScriptEnabled(javaScript);
  await page.setRequestInterception(true);
  page.on('request', (request) =>
    request.url().startsWith(allowed) || request.url().startsWith('data:') ? request.continue() : request.abort('blockedbyclient'),
  );
  return page;
};
const pdf = browser.pages().then(async ([page]) => {
  await open(page, false);
  await page.goto(`${allowed}print.html`, { waitUntil: 'load' });
  return page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true, tagged: true, outline: true });
});
const images = browser.newPage().then(async (page) => {
  await open(page, true);
  const shots = [];
  for (const [index, [format, width, height]] of [
    ['wide', 1200, 630],
    ['square', 1080, 1080],
  ].entries()) {
    await page.setViewport({ width, height, deviceScaleFactor: 1 });
    if (index === 0) await page.goto(`${allowed}share.html`, { waitUntil: 'load' });
    await page.evaluate(`showFormat(${JSON.stringify(format)})`);
    await page.bringToFront();
    shots.push(await page.screenshot({ type: 'png', clip: { x: 0, y: 0, width, height }, captureBeyondViewport: false }));
  }
  return shots;
});
const [printed] = await Promise.all([pdf, images]);
const exited = new Promise((resolve) => child.once('exit', resolve));
process.kill(-child.pid, 'SIGKILL');
const { PDFDocument, ParseSpeeds } = await pdfLib;
const document = await PDFDocument.load(printed, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
document.setTitle('Title'); // where the build sets its metadata
await document.save({ objectsPerTick: Infinity });
// The profile, and the socket folder Chromium leaves in the temporary folder when killed.
await exited;
try {
  rmSync(dirname(readlinkSync(join(profile, 'SingletonSocket'))), { recursive: true, force: true });
} catch {
  // no socket folder
}
rmSync(profile, { recursive: true, force: true });
