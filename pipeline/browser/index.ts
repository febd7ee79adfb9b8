/**
 * The browser stage's public surface: find, start (or connect to) and end a headless
 * Chromium, open pages confined to a folder, print a PDF and take the share images.
 */
export { captureSocial, overflowProblem, SHARE_FORMATS, type ShareFormat, type ShareImage } from './capture-social.js';
export { findBrowser } from './find-browser.js';
export { launchBrowser } from './launch-browser.js';
export { printPdf } from './print-pdf.js';
export type { BrowserSession, PageSource } from './session.js';
export { type StartedBrowser, startBrowser } from './start-browser.js';
export { browserFailure, browserTimeouts, withinTime } from './timeouts.js';
export { withPage } from './with-page.js';
