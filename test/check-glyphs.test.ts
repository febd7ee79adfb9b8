import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { missingGlyphs, reportMissingGlyphs } from '../pipeline/page/check-glyphs.js';
import { formatProblem } from '../pipeline/problems/errors.js';

describe('the report’s fonts', () => {
  it('set Latin, Greek, Cyrillic and Vietnamese, and the typography the build writes', () => {
    expect(missingGlyphs('Zürich, Ελλάδα, Москва, Việt Nam: «\u00a0citation\u00a0», „Zitat“, −5 %, 2024–25, ↑ 1\u202f000\u00ad')).toEqual([]);
  });

  it('take a subscript or superscript digit they lack for a symbol, not a script (a warning)', () => {
    const file = new VFile({ path: 'article.md' });
    reportMissingGlyphs(file, 'CO₂', (index) => ({ line: 5, column: index + 1 }), new Set());
    expect(file.messages.map(formatProblem)).toEqual([
      `article.md:5:3: warning: the report's fonts have no "₂" (U+2082): it will print in a system font, or as an empty box`,
    ]);
  });

  it('set emoji, alone, in sequences (a flag, a person at work, a skin tone) and as text symbols (☂, ♻)', () => {
    expect(missingGlyphs('Crue 🌊 ☂\ufe0f ♻ 🧬 🇫🇷 👩\u200d💻 👍🏽 🫧')).toEqual([]);
  });

  it('cannot set Chinese or Arabic (an error, once a script), nor a symbol not even Noto Emoji has (a warning)', () => {
    const file = new VFile({ path: 'article.md' });
    reportMissingGlyphs(file, 'Le 河流 et 水位, مرحبا 𝄞', (index) => ({ line: 3, column: index + 1 }), new Set());
    expect(file.messages.map(formatProblem)).toEqual([
      `article.md:3:4: the report's fonts cannot set Chinese characters ("河", U+6CB3): it would print in a system font, or as empty boxes`,
      `article.md:3:14: the report's fonts cannot set Arabic ("م", U+0645): it would print in a system font, or as empty boxes`,
      `article.md:3:20: warning: the report's fonts have no "𝄞" (U+1D11E): it will print in a system font, or as an empty box`,
    ]);
  });
});
