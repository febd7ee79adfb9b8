// The build uses a system Chrome/Chromium (see pipeline/find-browser.ts); never download one at install.
module.exports = { skipDownload: true };
