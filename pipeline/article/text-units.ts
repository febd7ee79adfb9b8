// The article's text as units a reader takes in at once, for its numbers to be checked: each
// sentence of a paragraph, each heading, each row of a table, and the title, subtitle and
// description of the front matter; each character with its place in article.md.
import type { Heading, Html, Nodes, Paragraph, PhrasingContent, Root, TableRow } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { location } from 'vfile-location';
import type { FrontMatter, FrontMatterLines } from './read-front-matter.js';

export type TextUnit = Readonly<{
  text: string;
  /** The line and column in article.md of an offset into `text`. */
  placeOf: (offset: number) => { line: number; column: number };
  /** The offset in article.md of an offset into `text`, for a unit of the body; undefined for the front matter's. */
  offsetOf?: (offset: number) => number;
  /** Marked `<!-- unchecked -->`: its numbers are not checked. */
  exempt: boolean;
  /** A row of a table: its numbers are its data row's, not a file's aggregates. */
  tableRow?: boolean;
}>;

/** A comment that exempts a line, or the block after it, from the check of numbers. */
const EXEMPT = /^<!--\s*unchecked\b[\s\S]*-->$/;

/** Every unit of the article: the front matter's, then the body's in order. */
export function textUnits(tree: Root, file: VFile, lang: string, meta: FrontMatter | undefined, lineOf: FrontMatterLines): TextUnit[] {
  const where = location(file);
  const source = String(file.value);
  const lines = source.split('\n');
  const units: TextUnit[] = [];
  for (const key of ['title', 'subtitle', 'description'] as const) {
    const value = meta?.[key];
    if (!value) continue;
    const line = lineOf([key]);
    // The value's column on its line, when it is written on one line as it reads.
    const at = lines[line - 1]?.indexOf(value.slice(0, 24)) ?? -1;
    const column = at >= 0 ? at + 1 : 1;
    for (const sentence of sentences(value, lang)) {
      units.push({ text: sentence.text, placeOf: (offset) => ({ line, column: at >= 0 ? column + sentence.start + offset : 1 }), exempt: false });
    }
  }

  const exempt = exemptLines(tree);
  const unitOf = (pieces: readonly Piece[], whole = false, tableRow = false) => {
    const text = pieces.map((piece) => piece.text).join('');
    const offsetOf = (offset: number) => {
      let before = 0;
      for (const piece of pieces) {
        if (offset < before + piece.text.length || piece === pieces.at(-1)) return piece.offset + Math.min(offset - before, piece.text.length);
        before += piece.text.length;
      }
      return 0;
    };
    const placeOf = (offset: number) => {
      const point = where.toPoint(offsetOf(offset));
      return { line: point?.line ?? 1, column: point?.column ?? 1 };
    };
    const parts = whole ? [{ text, start: 0 }] : sentences(text, lang);
    for (const part of parts) {
      const line = placeOf(part.start).line;
      units.push({
        text: part.text,
        placeOf: (offset) => placeOf(part.start + offset),
        offsetOf: (offset) => offsetOf(part.start + offset),
        exempt: exempt.has(line),
        ...(tableRow ? { tableRow } : {}),
      });
    }
  };
  visit(tree, (node: Nodes) => {
    if (node.type === 'paragraph' || node.type === 'heading') {
      unitOf(phrasing((node as Paragraph | Heading).children), node.type === 'heading');
      return 'skip';
    }
    if (node.type === 'tableRow') {
      // A row reads as one line: its first cell names what its numbers are.
      const pieces = (node as TableRow).children.flatMap((cell, index) => [
        ...(index > 0 ? [{ text: ' | ', offset: cell.position?.start.offset ?? 0 }] : []),
        ...phrasing(cell.children),
      ]);
      unitOf(pieces, true, true);
      return 'skip';
    }
    return undefined;
  });
  return units;
}

type Piece = Readonly<{ text: string; offset: number }>;

/** The text a reader reads in phrasing content, piece by piece with its offset: no code, no URL, no HTML. */
function phrasing(children: readonly PhrasingContent[]): Piece[] {
  const pieces: Piece[] = [];
  for (const child of children) {
    const offset = child.position?.start.offset ?? 0;
    if (child.type === 'text') pieces.push({ text: child.value, offset });
    else if (child.type === 'break') pieces.push({ text: ' ', offset });
    else if (child.type === 'inlineCode' || child.type === 'html' || child.type === 'image' || child.type === 'footnoteReference') {
      // Read as a gap, so that the words on either side stay apart.
      pieces.push({ text: ' ', offset });
    } else if (child.type === 'link' && child.children.length === 1 && child.children[0]?.type === 'text' && child.children[0].value === child.url) {
      pieces.push({ text: ' ', offset }); // a bare address
    } else if ('children' in child) pieces.push(...phrasing(child.children as PhrasingContent[]));
  }
  return pieces;
}

const segmenters = new Map<string, Intl.Segmenter>();

/** The sentences of a text, by the language's rules (Intl.Segmenter, made once a language), with their offsets. */
function sentences(text: string, lang: string): { text: string; start: number }[] {
  let segmenter = segmenters.get(lang);
  if (!segmenter) {
    try {
      segmenter = new Intl.Segmenter(lang, { granularity: 'sentence' });
    } catch {
      segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
    }
    segmenters.set(lang, segmenter);
  }
  // A unit with no digit has no number to check: it is not split.
  if (!/\d/.test(text)) return [];
  return [...segmenter.segment(text)].map((segment) => ({ text: segment.segment, start: segment.index }));
}

/**
 * The lines whose numbers are not checked: the line of a `<!-- unchecked -->` that ends a line,
 * and every line of the paragraph, list or table that follows one on a line of its own.
 */
function exemptLines(tree: Root): Set<number> {
  const lines = new Set<number>();
  visit(tree, 'html', (node: Html, index, parent) => {
    if (!EXEMPT.test(node.value.trim()) || !node.position) return;
    const inline = parent?.type === 'paragraph' || parent?.type === 'heading' || parent?.type === 'tableCell';
    if (inline) {
      lines.add(node.position.start.line);
      return;
    }
    const next = index === undefined ? undefined : parent?.children[index + 1];
    if (next?.position) for (let line = next.position.start.line; line <= next.position.end.line; line++) lines.add(line);
  });
  return lines;
}
