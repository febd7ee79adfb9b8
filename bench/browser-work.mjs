// The browser's part of a build, alone: the pages a build stages (the folder given as the
// first argument: print.html, share.html and their assets, made by the benchmark) printed
// and captured by the pipeline's own browser code, compiled as a build runs it: Chromium
// started first thing, the tagged, bookmarked A4 PDF printed while both share images are
// taken, every page confined to the folder, the PDF then finished by pdf-lib while the
// browser is ended. No Markdown, no charts, no output written: however fast the rest of
// the pipeline gets, a build cannot beat this. The browser is PUPPETEER_EXECUTABLE_PATH,
// given by the benchmark.
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { compiledPipeline } from '../bin/compile.mjs';

const folder = resolve(process.argv[2] ?? '.');
const pipeline = await compiledPipeline();
const load = (module) => import(pathToFileURL(join(pipeline, 'pipeline', module)).href);
const { captureSocial, printPdf, SHARE_FORMATS, startBrowser } = await load('browser/index.js');
const browser = startBrowser(process.env);
const finishing = load('pdf/finish-pdf.js');
const session = await browser.session;
session.warmUp(2);
const blocked = [];
const onBlocked = (url) => blocked.push(url);
const [pdf] = await Promise.all([printPdf(session, folder, 'print.html', onBlocked), captureSocial(session, folder, 'share.html', SHARE_FORMATS, onBlocked)]);
const ended = browser.end();
const { finishPdf } = await finishing;
await finishPdf(pdf, { title: 'Title', description: 'A sentence.', lang: 'en', date: '2026-11-29' }, { article: '', body: { type: 'root', children: [] } }, {});
await ended;
if (blocked.length > 0) throw new Error(`the staged pages asked for ${blocked.join(', ')}`);
