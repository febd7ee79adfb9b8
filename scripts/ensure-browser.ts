// Runs after `npm install`: makes sure the build will find a Chrome or Chromium. Where none
// is found on Debian/Ubuntu as root, installs Debian's headless shell of Chromium (or, where
// the system has none, its chromium) with apt-get. It never
// fails the install: without a browser, the build itself says what to do (exit status 2).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findBrowser, INSTALL_HINT } from '../pipeline/browser/find-browser.js';

function found(): boolean {
  try {
    findBrowser();
    return true;
  } catch {
    return false;
  }
}

function aptInstall(name: string): boolean {
  const run = (args: string[]) => spawnSync('apt-get', args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } }).status === 0;
  return run(['install', '-y', '--no-install-recommends', name]) || (run(['update']) && run(['install', '-y', '--no-install-recommends', name]));
}

if (!found()) {
  const canApt = process.platform === 'linux' && process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
  if (process.env.PUPPETEER_EXECUTABLE_PATH) {
    console.warn(`briefing: PUPPETEER_EXECUTABLE_PATH=${process.env.PUPPETEER_EXECUTABLE_PATH} does not exist; the build needs a browser there.`);
  } else if (process.env.BRIEFING_SKIP_BROWSER_INSTALL) {
    console.warn(`briefing: no Chrome or Chromium found; ${INSTALL_HINT}.`);
  } else if (canApt) {
    console.log("briefing: no Chrome or Chromium found; installing Debian's chromium-headless-shell with apt-get…");
    if (!((aptInstall('chromium-headless-shell') || aptInstall('chromium') || aptInstall('chromium-browser')) && found())) {
      console.warn(`briefing: could not install Chromium; ${INSTALL_HINT}.`);
    }
  } else {
    console.warn(`briefing: no Chrome or Chromium found; the build needs one: ${INSTALL_HINT}.`);
  }
}
