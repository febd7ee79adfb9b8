// The body's images made safe to publish: SVG sanitized or refused, raster bytes checked against
// their extension.
import { readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { VFile } from 'vfile';
import { addError } from '../problems/problems.js';
import type { BodyImage } from './rehype-collect-images.js';
import { sanitizeSvg } from './sanitize-svg.js';

/** The file types a raster image may be, by its extension, as file-type names them. */
const RASTER: Readonly<Record<string, string>> = { '.png': 'png', '.jpg': 'jpg', '.jpeg': 'jpg', '.gif': 'gif', '.webp': 'webp', '.avif': 'avif' };

/** What an image becomes in the output folder: its sanitized text, or the file to copy as it is. */
export type ImageOutput = string | Readonly<{ copy: string }>;

/**
 * The images of the body, made safe to publish: an SVG is sanitized (and refused when it
 * could run or reach out), a raster image is copied only when its bytes are what its
 * extension says. Problems are content errors at the image's line of the article.
 */
export async function checkImages(images: readonly BodyImage[], contentDir: string, article: VFile): Promise<Map<string, ImageOutput>> {
  const outputs = new Map<string, ImageOutput>();
  await Promise.all(
    images.map(async (image) => {
      const path = join(contentDir, image.source);
      const extension = extname(image.source).toLowerCase();
      const refuse = (why: string) => addError(article, `${image.source}: ${why}`, image.place, 'image');
      let bytes: Buffer;
      try {
        // (A folder, or a pipe that would never end, is no image.)
        if (!(await stat(path)).isFile()) return refuse('is not a file');
        bytes = await readFile(path);
      } catch (error) {
        refuse(`cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
        return;
      }
      if (extension === '.svg') {
        const { svg, dangers } = sanitizeSvg(bytes.toString('utf8'));
        if (svg === undefined) {
          refuse(
            dangers.length > 0
              ? `an SVG image may not hold ${dangers.join(', ')}: remove ${dangers.length > 1 ? 'them' : 'it'} and export the image again`
              : 'is not an SVG image',
          );
        } else {
          outputs.set(image.target, svg);
        }
        return;
      }
      const { fileTypeFromBuffer } = await import('file-type');
      const found = (await fileTypeFromBuffer(bytes))?.ext;
      const expected = RASTER[extension];
      if (!expected) {
        refuse(`is not an image a browser shows: use PNG, JPEG, GIF, WebP, AVIF or SVG${found ? ` (its bytes are ${found.toUpperCase()})` : ''}`);
      } else if (found !== expected) {
        refuse(`its bytes are not ${expected.toUpperCase()}, as its name says, but ${found ? found.toUpperCase() : 'no image format'}`);
      } else {
        outputs.set(image.target, { copy: path });
      }
    }),
  );
  return outputs;
}
