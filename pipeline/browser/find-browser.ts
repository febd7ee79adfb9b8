// Where the browser is: PUPPETEER_EXECUTABLE_PATH, else the headless shell or a Chrome or Chromium
// in the usual places.
import { accessSync, constants, existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';
import { EnvironmentError } from '../problems/errors.js';

export const INSTALL_HINT =
  'install Chrome or Chromium (Debian/Ubuntu: apt-get install -y chromium-headless-shell, or chromium; macOS: brew install --cask google-chrome) or set PUPPETEER_EXECUTABLE_PATH';

/**
 * Chrome's headless shell first: it prints and paints as the full browser does, starts
 * faster, and has none of the browser's own services (sign-in, time sync, search
 * preconnects) that reach for the network whatever the flags say.
 */
const HEADLESS_SHELLS = ['chromium-headless-shell', 'chrome-headless-shell'];
const LINUX_NAMES = ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome', 'chrome'];

/** Where Chrome or Chromium usually lives on `platform`, most likely first. */
export function browserCandidates(platform: NodeJS.Platform = process.platform): string[] {
  if (platform === 'darwin') {
    const apps = [
      'Google Chrome.app/Contents/MacOS/Google Chrome',
      'Chromium.app/Contents/MacOS/Chromium',
      'Google Chrome Canary.app/Contents/MacOS/Google Chrome Canary',
    ];
    return [...apps.map((app) => `/Applications/${app}`), ...apps.map((app) => join(homedir(), 'Applications', app))];
  }
  if (platform === 'win32') {
    const roots = [process.env.PROGRAMFILES, process.env['PROGRAMFILES(X86)'], process.env.LOCALAPPDATA].filter(Boolean) as string[];
    return roots.flatMap((root) => [join(root, 'Google/Chrome/Application/chrome.exe'), join(root, 'Chromium/Application/chrome.exe')]);
  }
  // Debian's /usr/bin/chromium* are shell wrappers; the binaries behind them start faster.
  const dirs = (process.env.PATH ?? '').split(delimiter).filter(Boolean);
  const onPath = (names: readonly string[]) => dirs.flatMap((dir) => names.map((name) => join(dir, name)));
  return ['/usr/lib/chromium/chromium-headless-shell', ...onPath(HEADLESS_SHELLS), '/usr/lib/chromium/chromium', ...onPath(LINUX_NAMES), '/snap/bin/chromium'];
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * The browser to print with: `PUPPETEER_EXECUTABLE_PATH` when set, else a Chrome or
 * Chromium installed on the system.
 */
export function findBrowser(env: NodeJS.ProcessEnv = process.env, candidates: readonly string[] = browserCandidates()): string {
  const configured = env.PUPPETEER_EXECUTABLE_PATH;
  if (configured) {
    if (!existsSync(configured)) throw new EnvironmentError(`PUPPETEER_EXECUTABLE_PATH is ${configured}, which does not exist: ${INSTALL_HINT}`);
    return configured;
  }
  const found = candidates.find((path) => existsSync(path) && isExecutable(path));
  if (!found) throw new EnvironmentError(`no Chrome or Chromium found: ${INSTALL_HINT}`);
  return found;
}
