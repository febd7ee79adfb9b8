// A chart's SVG with its coordinates rounded to a tenth of a pixel.
import type { Element } from 'hast';

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
      if (typeof value === 'string' && GEOMETRY.has(key)) node.properties[key] = value.replace(/-?\d*\.\d+/g, round);
    }
    for (const child of node.children) if (child.type === 'element') visit(child);
  };
  visit(svg);
}

function round(number: string): string {
  const rounded = Math.round(Number(number) * 10) / 10;
  return String(Object.is(rounded, -0) ? 0 : rounded);
}
