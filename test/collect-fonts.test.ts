import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { collectFonts } from '../pipeline/page/collect-fonts.js';

describe('collectFonts', () => {
  it('self-hosts woff2 subsets of the serif and the sans, with their unicode ranges', () => {
    const { css, files } = collectFonts();
    expect(css).toContain("font-family: 'Source Serif 4'");
    expect(css).toContain("font-family: 'Source Sans 3'");
    expect(css).toMatch(/unicode-range: U\+0000-00FF/);
    expect(css).not.toMatch(/\.woff\)|url\(\.\/files/);
    const urls = [...css.matchAll(/url\(([^)]+)\)/g)].map((match) => match[1]);
    expect(urls.length).toBeGreaterThan(10);
    const targets = new Set(files.values());
    for (const url of urls) expect(targets.has(url!)).toBe(true);
    for (const source of files.keys()) expect(existsSync(source)).toBe(true);
  });
});
