import { describe, expect, it } from 'vitest';
import { browserCandidates, findBrowser } from '../pipeline/browser/find-browser.js';

describe('findBrowser', () => {
  it('uses PUPPETEER_EXECUTABLE_PATH when it exists', () => {
    expect(findBrowser({ PUPPETEER_EXECUTABLE_PATH: process.execPath }, [])).toBe(process.execPath);
  });

  it('names a PUPPETEER_EXECUTABLE_PATH that does not exist, and the fix', () => {
    expect(() => findBrowser({ PUPPETEER_EXECUTABLE_PATH: '/no/such/chrome' }, [])).toThrow(
      /PUPPETEER_EXECUTABLE_PATH is \/no\/such\/chrome, which does not exist: install Chrome or Chromium \(Debian\/Ubuntu: apt-get install -y chromium/,
    );
  });

  it('says how to install a browser when none is found', () => {
    expect(() => findBrowser({}, ['/no/such/chromium'])).toThrow(/^no Chrome or Chromium found: install Chrome or Chromium/);
    try {
      findBrowser({}, []);
    } catch (error) {
      expect((error as { exitCode: number }).exitCode).toBe(2);
    }
  });

  it('knows where browsers live on each system', () => {
    expect(browserCandidates('darwin')).toContain('/Applications/Google Chrome.app/Contents/MacOS/Google Chrome');
    expect(browserCandidates('linux')).toContain('/usr/lib/chromium/chromium');
  });

  it('prefers the headless shell, which has no browser services that go online', () => {
    const linux = browserCandidates('linux');
    expect(linux[0]).toBe('/usr/lib/chromium/chromium-headless-shell');
    expect(linux.indexOf('/usr/lib/chromium/chromium-headless-shell')).toBeLessThan(linux.indexOf('/usr/lib/chromium/chromium'));
  });
});
