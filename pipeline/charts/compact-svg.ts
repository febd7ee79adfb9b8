// A chart's SVG with its coordinates rounded to a tenth of a pixel, and its paths written short.
import type { Element } from 'hast';
// SVGO's one-file build loads in a fifth of the time of its Node build, and reads no data files.
import { optimize } from 'svgo/browser';

/** Below this many characters a drawing is left as vega wrote it: it would gain little. */
const HEAVY = 40_000;

/**
 * vega's SVG with each path's data rewritten by SVGO's convertPathData: relative moves,
 * a tenth of a pixel, no repeated commands. A world map loses nearly half its weight, and
 * draws the same; nothing else of the SVG is touched.
 */
export function compactPaths(svgText: string): string {
  if (svgText.length < HEAVY) return svgText;
  return optimize(svgText, { plugins: [{ name: 'convertPathData', params: { floatPrecision: 1 } }] }).data;
}

/** Attributes whose numbers are coordinates. */
const GEOMETRY = new Set(['d', 'transform', 'points', 'x', 'y', 'x1', 'x2', 'y1', 'y2', 'width', 'height', 'cx', 'cy', 'r']);

/**
 * Rounds coordinates to a tenth of a pixel. Vega writes three decimals; a world map is then
 * a quarter of a megabyte in the page, and a tenth of a pixel is a fortieth of a millimetre
 * in print.
 */
export function compactSvg(svg: Element): void {
  const visit = (node: Element) => {
    for (const [key, value] of Object.entries(node.properties)) {
      if (typeof value === 'string' && GEOMETRY.has(key)) node.properties[key] = value.replace(/-?\d*\.\d+/g, roundInPlace);
    }
    for (const child of node.children) if (child.type === 'element') visit(child);
  };
  visit(svg);
}

/**
 * A number rounded where it stands in a list of them. SVG's short form lets numbers touch
 * ("1.2-.04", "81.5.2"): a rounded one that loses its sign or its leading dot gets a space,
 * or it would run into the number before it ("1.20" is one number, not two).
 */
function roundInPlace(number: string, offset: number, whole: string): string {
  const rounded = Math.round(Number(number) * 10) / 10;
  const text = String(Object.is(rounded, -0) ? 0 : rounded);
  return offset > 0 && /[\d.]/.test(whole[offset - 1]!) && !text.startsWith('-') ? ` ${text}` : text;
}
