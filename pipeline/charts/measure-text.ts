// Text widths from the report's own fonts, for vega's layout.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as fontkit from 'fontkit';

const require = createRequire(import.meta.url);

/** A face's subsets, in the order they are tried, each with the file it was read from; Noto Emoji last. */
type Face = { subsets: fontkit.Font[]; files: string[]; unitsPerEm: number };

/** Subsets tried in turn for a character; their order follows how often text needs them. */
const SUBSETS = ['latin', 'latin-ext', 'cyrillic', 'cyrillic-ext', 'greek', 'vietnamese'];
const faces = new Map<string, Face>();

/**
 * Noto Emoji at a weight (one file of all its glyphs): what the report's families lack is drawn
 * from it, in the charts' measures and standalone SVGs, the PDF and the share images.
 */
export function emojiFile(weight: number): string {
  return join(dirname(require.resolve('@fontsource/noto-emoji/package.json')), 'files', `noto-emoji-emoji-${weight}-normal.woff2`);
}

function loadFace(pkg: string, file: string, weight: number, style: string): Face {
  const key = `${pkg}/${weight}/${style}`;
  let face = faces.get(key);
  if (!face) {
    const dir = join(dirname(require.resolve(`${pkg}/package.json`)), 'files');
    const subsets: fontkit.Font[] = [];
    const files: string[] = [];
    for (const path of [...SUBSETS.map((subset) => join(dir, `${file}-${subset}-${weight}-${style}.woff2`)), emojiFile(weight)]) {
      try {
        subsets.push(fontkit.openSync(path) as fontkit.Font);
        files.push(path);
      } catch {
        // not every family has every subset
      }
    }
    face = { subsets, files, unitsPerEm: subsets[0]?.unitsPerEm ?? 1000 };
    faces.set(key, face);
  }
  return face;
}

type TextItem = { font?: string; fontSize?: number; fontWeight?: string | number; fontStyle?: string; limit?: number };

/** A font weight as the report's faces have it: 400, 600 or 700. */
export function weightOf(value: unknown): number {
  const weight = value === 'bold' ? 700 : value === 'normal' || value === undefined ? 400 : Number(value);
  if (weight >= 650) return 700;
  if (weight >= 550) return 600;
  return 400;
}

/** The charts' face (Source Sans 3, then Noto Emoji) at a weight: its subsets' files, and whether each has a character. */
export function chartFace(weight: number): ReadonlyArray<Readonly<{ file: string; has: (char: string) => boolean }>> {
  const face = loadFace('@fontsource/source-sans-3', 'source-sans-3', weightOf(weight), 'normal');
  return face.subsets.map((font, index) => ({ file: face.files[index]!, has: (char: string) => font.hasGlyphForCodePoint(char.codePointAt(0)!) }));
}

const cache = new Map<string, number>();

/**
 * The width of `text` as the browser will draw it in the report's fonts, in pixels.
 * Vega has no canvas in Node and would guess 0.8 em a character, which makes charts
 * far wider than their content; measuring the real glyph advances keeps layouts tight.
 */
export function measureTextWidth(item: TextItem, text: unknown): number {
  const size = item.fontSize != null ? Number(item.fontSize) || 0 : 11;
  const value = text == null ? '' : String(text).trim();
  if (size <= 0 || value === '') return 0;
  const serif = /serif/i.test(item.font ?? '') && !/sans/i.test(item.font ?? '');
  const weight = weightOf(item.fontWeight);
  const style = item.fontStyle === 'italic' && serif ? 'italic' : 'normal';
  const key = `${serif}|${weight}|${style}|${size}|${value}`;
  let width = cache.get(key);
  if (width === undefined) {
    const face = serif
      ? loadFace('@fontsource/source-serif-4', 'source-serif-4', weight === 700 ? 700 : weight, style)
      : loadFace('@fontsource/source-sans-3', 'source-sans-3', weight, 'normal');
    width = (advance(face, value) / face.unitsPerEm) * size;
    cache.set(key, width);
  }
  return item.limit && item.limit > 0 ? Math.min(width, item.limit) : width;
}

function advance(face: Face, text: string): number {
  const [main] = face.subsets;
  if (!main) return text.length * 0.55 * face.unitsPerEm;
  const chars = [...text];
  if (chars.every((char) => main.hasGlyphForCodePoint(char.codePointAt(0)!))) {
    return main.layout(text).advanceWidth; // with kerning
  }
  let total = 0;
  for (const char of chars) {
    const font = face.subsets.find((subset) => subset.hasGlyphForCodePoint(char.codePointAt(0)!));
    total += font ? font.glyphForCodePoint(char.codePointAt(0)!).advanceWidth * (face.unitsPerEm / font.unitsPerEm) : 0.55 * face.unitsPerEm;
  }
  return total;
}
