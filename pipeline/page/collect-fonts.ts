// The report's web fonts: the @font-face rules and the font files to publish in assets/.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

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
