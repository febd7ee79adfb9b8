// A unified plugin: the body's images pointed at their copies in assets/, and listed.
import type { Element, Root } from 'hast';
import type { Point } from 'unist';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { resolveContentUrl } from '../data/load-chart-data.js';
import { addError } from '../problems/problems.js';
import { isRemote } from './is-remote.js';

/** An image the body shows: its path in the content folder, in the output folder, and its place in the article. */
export type BodyImage = Readonly<{ source: string; target: string; place: Point | undefined }>;

/**
 * Points each image of the body at its copy in the output's assets/, and lists it in
 * `images`; an image outside the content folder, or missing, is an error at its line.
 */
export function rehypeCollectImages(options: Readonly<{ contentDir: string; images: BodyImage[] }>) {
  return (tree: Root, file: VFile): void => collectImages(tree, file, options.contentDir, options.images);
}

function collectImages(tree: Root, file: VFile, contentDir: string, images: BodyImage[]): void {
  visit(tree, 'element', (node: Element) => {
    if (node.tagName !== 'img' || typeof node.properties.src !== 'string') return;
    const src = node.properties.src;
    if (isRemote(src)) return; // reported before sanitizing
    const resolved = resolveContentUrl(src, contentDir, 'image');
    if (!resolved.ok) {
      addError(file, resolved.reason, node.position?.start, 'image');
      return;
    }
    const target = `assets/${resolved.relative}`;
    images.push({ source: resolved.relative, target, place: node.position?.start });
    node.properties.src = target;
  });
}
