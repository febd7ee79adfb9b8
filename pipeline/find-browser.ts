import { accessSync, constants, existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';
import { EnvironmentError } from './errors.js';

export const INSTALL_HINT =
  'install Chrome or Chromium (Debian/Ubuntu: apt-get install -y chromium; macOS: brew install --cask google-chrome) or set PUPPETEER_EXECUTABLE_PATH';

const LINUX_NAMES = ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome', 'chrome'];

/** Where Chrome or Chromium usually lives on `platform`, most likely first. */
export function browserCandidates(platform: NodeJS.Platform = process.platform): string[] {
  if (platform === 'darwin') {
    const apps = ['Google Chrome.app/Contents/MacOS/Google Chrome', 'Chromium.app/Contents/MacOS/Chromium', 'Google Chrome Canary.app/Contents/MacOS/Google Chrome Canary'];
    return [...apps.map((app) => `/Applications/${app}`), ...apps.map((app) => join(homedir(), 'Applications', app))];
  }
  if (platform === 'win32') {
    const roots = [process.env.PROGRAMFILES, process.env['PROGRAMFILES(X86)'], process.env.LOCALAPPDATA].filter(Boolean) as string[];
    return roots.flatMap((root) => [join(root, 'Google/Chrome/Application/chrome.exe'), join(root, 'Chromium/Application/chrome.exe')]);
  }
  // Debian's /usr/bin/chromium is a shell wrapper; the binary behind it starts faster.
  const onPath = (process.env.PATH ?? '').split(delimiter).filter(Boolean).flatMap((dir) => LINUX_NAMES.map((name) => join(dir, name)));
  return ['/usr/lib/chromium/chromium', ...onPath, '/snap/bin/chromium'];
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
