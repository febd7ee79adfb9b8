// Text the report's fonts cannot draw, found before printing: a script they lack (Chinese,
// Arabic…) would be set in whatever system font is there, or as empty boxes; a symbol they lack
// (one that Noto Emoji, behind them, lacks too), likewise.
import type { Root, Text } from 'hast';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { chartFace } from '../charts/measure-text.js';
import { addError, addWarning, type Place } from '../problems/problems.js';

/** Characters that draw nothing, or that the browser handles without a font. */
const INVISIBLE = new RegExp(
  [
    '\\s',
    '\\u00ad',
    '\\u034f',
    '\\u061c',
    '\\u180e',
    '[\\u200b-\\u200f]',
    '[\\u202a-\\u202e]',
    '[\\u2060-\\u2064]',
    '[\\ufe00-\\ufe0f]',
    '\\ufeff',
    '[\\u{e0000}-\\u{e007f}]',
  ].join('|'),
  'u',
);

/** The faces' subsets, opened only for a character past Latin Extended-A, which they all have. */
let faces: ReturnType<typeof chartFace> | undefined;

/** Scripts named in messages; any other is "this script". */
const SCRIPTS: ReadonlyArray<readonly [string, RegExp]> = [
  ['Chinese characters', /\p{Script=Han}/u],
  ['Japanese kana', /[\p{Script=Hiragana}\p{Script=Katakana}]/u],
  ['Korean', /\p{Script=Hangul}/u],
  ['Arabic', /\p{Script=Arabic}/u],
  ['Hebrew', /\p{Script=Hebrew}/u],
  ['Devanagari', /\p{Script=Devanagari}/u],
  ['Thai', /\p{Script=Thai}/u],
  ['Bengali', /\p{Script=Bengali}/u],
  ['Tamil', /\p{Script=Tamil}/u],
  ['Georgian', /\p{Script=Georgian}/u],
  ['Armenian', /\p{Script=Armenian}/u],
  ['Ethiopic', /\p{Script=Ethiopic}/u],
];

/** Whether the report's faces (Source Sans 3 and Source Serif 4 cover the same subsets, and Noto Emoji follows both) have the character. */
export function hasGlyph(char: string): boolean {
  if (/^[\u0020-\u007e\u00a0-\u017f]$/.test(char) || INVISIBLE.test(char)) return true;
  faces ??= chartFace(400);
  return faces.some((face) => face.has(char));
}

/** What a text holds that the fonts lack: each character once, with where it first is. */
export function missingGlyphs(text: string): { char: string; index: number }[] {
  const found = new Map<string, number>();
  let index = 0;
  for (const char of text) {
    if (!found.has(char) && !hasGlyph(char)) found.set(char, index);
    index += char.length;
  }
  return [...found].map(([char, at]) => ({ char, index: at }));
}

/**
 * Reports, at its place, each character the report's fonts lack, once: a letter or digit (a
 * script the report cannot set) is an error; a symbol a warning.
 */
export function reportMissingGlyphs(file: VFile, text: string, placeOf: (index: number) => Place | undefined, seen: Set<string>): void {
  for (const { char, index } of missingGlyphs(text)) {
    const script = /[\p{L}\p{M}\p{Nd}]/u.test(char) ? (SCRIPTS.find(([, pattern]) => pattern.test(char))?.[0] ?? 'this script') : undefined;
    // A script once, at its first character; a symbol once.
    if (seen.has(script ?? char)) continue;
    seen.add(script ?? char);
    const code = `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
    if (script) {
      addError(
        file,
        `the report's fonts cannot set ${script} ("${char}", ${code}): it would print in a system font, or as empty boxes`,
        placeOf(index),
        'glyphs',
      );
    } else {
      addWarning(file, `the report's fonts have no "${char}" (${code}): it will print in a system font, or as an empty box`, placeOf(index), 'glyphs');
    }
  }
}

/** reportMissingGlyphs over the text of the article's body, at each text's line and column. */
export function rehypeCheckGlyphs() {
  return (tree: Root, file: VFile): void => {
    const seen = new Set<string>();
    visit(tree, (node) => {
      if (node.type === 'element' && ['svg', 'code', 'pre'].includes(node.tagName)) return SKIP;
      if (node.type !== 'text') return undefined;
      const { value, position } = node as Text;
      const start = position?.start;
      reportMissingGlyphs(file, value, (index) => start && placeIn(value, index, start), seen);
      return undefined;
    });
  };
}

/** The line and column of `index` in a text that starts at `start` (exact where the text is as written). */
function placeIn(text: string, index: number, start: Readonly<{ line: number; column?: number }>): Place {
  const before = text.slice(0, index).split('\n');
  return before.length > 1
    ? { line: start.line + before.length - 1, column: (before.at(-1)?.length ?? 0) + 1 }
    : { line: start.line, column: (start.column ?? 1) + index };
}
