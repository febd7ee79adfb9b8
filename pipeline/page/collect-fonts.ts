// The report's web fonts: the @font-face rules and the font files to publish in assets/.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { chartFace, emojiFile } from '../charts/measure-text.js';

const require = createRequire(import.meta.url);

/** The faces the templates use: a serif for text, a sans for headings, charts and captions. */
const FACES = [
  { pkg: '@fontsource/source-serif-4', styles: ['400', '400-italic', '600', '700'] },
  { pkg: '@fontsource/source-sans-3', styles: ['400', '600', '700'] },
] as const;

export type FontAssets = Readonly<{
  /** `@font-face` rules whose URLs are relative to the stylesheet, in `assets/`. */
  css: string;
  /** woff2 files to copy: source path → path under `assets/`. */
  files: ReadonlyMap<string, string>;
}>;

/**
 * Reads the @fontsource stylesheets and rewrites them to self-hosted woff2 files under
 * `assets/fonts/`, keeping each subset's unicode-range so that a browser loads only
 * the subsets a page uses.
 */
export function collectFonts(): FontAssets {
  const files = new Map<string, string>();
  const rules: string[] = [];
  for (const face of FACES) {
    const packageDir = dirname(require.resolve(`${face.pkg}/package.json`));
    for (const style of face.styles) {
      const css = readFileSync(join(packageDir, `${style}.css`), 'utf8');
      rules.push(
        css.replace(/src: url\(\.\/files\/([\w.-]+\.woff2)\) format\('woff2'\)(?:, url\([^)]*\) format\('woff'\))?;/g, (_match, name: string) => {
          files.set(join(packageDir, 'files', name), `fonts/${name}`);
          return `src: url(fonts/${name}) format('woff2');`;
        }),
      );
    }
  }
  return { css: rules.join('\n'), files };
}

/** What may be drawn from Noto Emoji: a pictograph, or a part of an emoji (joiner, selector, skin tone, flag letter, tag). */
const EMOJI_LIKE = /[\p{Extended_Pictographic}\p{Emoji_Component}]/u;

/**
 * The emoji of `text` that the report's families lack, for the print and share pages: this
 * machine has no emoji font of its own. Noto Emoji (monochrome, in the colour of the text) joins
 * each family at each weight for those characters alone (their unicode-range), so that a chart's
 * text, which names only "Source Sans 3", has them too; the web page leaves them to the reader's
 * own emoji. Undefined when the text has none.
 */
export function emojiFonts(text: string): FontAssets | undefined {
  // Pictographs and the characters that join them, past Latin-1 (which the families have):
  // the families' files, then Noto Emoji's, are opened only for those.
  const candidates = [...new Set(text)].filter((char) => char.codePointAt(0)! > 0xff && EMOJI_LIKE.test(char));
  const faces = candidates.length > 0 ? chartFace(400) : [];
  const noto = faces.find((face) => face.file === emojiFile(400));
  const chars = candidates.filter((char) => !faces.some((face) => face !== noto && face.has(char)) && noto?.has(char));
  if (chars.length === 0) return undefined;
  const range = chars.map((char) => `U+${char.codePointAt(0)!.toString(16)}`).join(',');
  const files = new Map<string, string>();
  const rules: string[] = [];
  for (const weight of [400, 600, 700]) {
    const name = basename(emojiFile(weight));
    files.set(emojiFile(weight), `fonts/${name}`);
    const styles = [
      ['Source Sans 3', 'normal'],
      ['Source Serif 4', 'normal'],
      ['Source Serif 4', 'italic'],
    ];
    for (const [family, style] of styles) {
      rules.push(
        `@font-face{font-family:"${family}";font-style:${style};font-weight:${weight};src:url(assets/fonts/${name}) format('woff2');unicode-range:${range}}`,
      );
    }
  }
  return { css: rules.join('\n'), files };
}
