import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { collectFonts, emojiFonts } from '../pipeline/page/collect-fonts.js';

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

describe('emojiFonts', () => {
  it("is nothing for text the report's families set: letters, digits, arrows, ©, “quotes”, −5 %", () => {
    expect(emojiFonts('Zürich, Ελλάδα, Москва © 2026 ↑ 1\u202f000 “x” −5 % #1 *')).toBeUndefined();
  });

  it('gives Noto Emoji to each family, weight and style for the emoji of the text alone, joiners and selectors with them', () => {
    const fonts = emojiFonts('Crue 🌊 à 3 m, 👩\u200d💻 ☂\ufe0f');
    const rules = fonts!.css.split('\n');
    // Source Sans 3, and Source Serif 4 upright and italic, at 400, 600 and 700.
    expect(rules).toHaveLength(9);
    for (const rule of rules) {
      // The file of the rule's own weight.
      expect(rule).toMatch(
        /^@font-face\{font-family:"Source (Sans 3|Serif 4)";font-style:(normal|italic);font-weight:(\d00);src:url\(assets\/fonts\/noto-emoji-emoji-\3-normal\.woff2\) format\('woff2'\);/,
      );
      expect(
        rule
          .match(/unicode-range:(.+)\}$/)?.[1]
          ?.split(',')
          .sort(),
      ).toEqual(['U+1f30a', 'U+1f469', 'U+1f4bb', 'U+200d', 'U+2602', 'U+fe0f'].sort());
    }
    expect(rules.filter((rule) => rule.includes('font-style:italic'))).toHaveLength(3);
    // The files the rules name, one a weight, and only those.
    expect([...fonts!.files.values()].sort()).toEqual([
      'fonts/noto-emoji-emoji-400-normal.woff2',
      'fonts/noto-emoji-emoji-600-normal.woff2',
      'fonts/noto-emoji-emoji-700-normal.woff2',
    ]);
    for (const [source, target] of fonts!.files) {
      expect(existsSync(source)).toBe(true);
      expect(fonts!.css).toContain(`url(assets/${target})`);
    }
  });
});
