import type { Element } from 'hast';
import { describe, expect, it } from 'vitest';
import { compactSvg } from '../pipeline/charts/compact-svg.js';

/** The numbers of a path's data, as an SVG reader splits them ("81.5.2" is 81.5 and 0.2). */
const numbers = (d: string) => [...d.matchAll(/-?(?:\d+\.?\d*|\.\d+)/g)].map((match) => Number(match[0]));

const path = (d: string): Element => ({ type: 'element', tagName: 'path', properties: { d }, children: [] });

describe('compactSvg', () => {
  it('rounds coordinates to a tenth of a pixel, keeping numbers that touch apart', () => {
    // SVGO's short form, as compactPaths writes it for a map: numbers run into each other.
    for (const d of ['M81.507.157h237l20.9 10', 'M1.2-.04L5 5', 'M.96.04l-.02-.03Z', 'M10-0.01 3.333.5']) {
      const node = path(d);
      compactSvg(node);
      const rounded = numbers(String(node.properties.d));
      expect(rounded, `${d} → ${node.properties.d}`).toHaveLength(numbers(d).length);
      for (const [index, value] of numbers(d).entries()) expect(Math.abs(rounded[index]! - value)).toBeLessThanOrEqual(0.05);
    }
  });
});
