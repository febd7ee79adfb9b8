// The share images' formats, and whether a chart can be read on them where they are seen: in a
// feed, a card is shown about 500 px wide.
import type { Element } from 'hast';
import { MIN_FONT_SIZE } from '../charts/sizes.js';
import type { RenderedChart } from '../charts/types.js';

export type ShareFormat = Readonly<{
  name: 'wide' | 'square';
  file: string;
  width: number;
  height: number;
  /** The box a chart is fitted into on the card, in CSS px. */
  chart: Readonly<{ width: number; height: number }>;
}>;

export const SHARE_FORMATS: readonly ShareFormat[] = [
  { name: 'wide', file: 'social.png', width: 1200, height: 630, chart: { width: 560, height: 500 } },
  { name: 'square', file: 'social-square.png', width: 1080, height: 1080, chart: { width: 936, height: 500 } },
];

/** How wide a feed shows a card, and the smallest text one can read there, in CSS px. */
const PREVIEW_WIDTH = 500;
const LEGIBLE = 7.5;

/**
 * Whether a drawing fitted into the format's chart box keeps its smallest text (12 px as drawn)
 * at a legible size once the card is shown 500 px wide: 18 px on the wide card.
 */
export function readableOn(svg: Element, format: ShareFormat): boolean {
  const width = Number(svg.properties.width);
  const height = Number(svg.properties.height);
  if (!(width > 0 && height > 0)) return false;
  const scale = Math.min(format.chart.width / width, format.chart.height / height);
  return (MIN_FONT_SIZE * scale * PREVIEW_WIDTH) / format.width >= LEGIBLE;
}

/** The drawing a share image shows of a chart: its phone drawing, which has the larger text for its size, else its own. */
export function shareDrawing(chart: RenderedChart | undefined): Element | undefined {
  return chart && (chart.phone ?? chart.svg);
}

/** The chart boxes as CSS custom properties of each format, for the share page's stylesheet. */
export function shareGeometry(): string {
  return SHARE_FORMATS.map(({ name, chart }) => `html.${name} { --chart-width: ${chart.width}px; --chart-height: ${chart.height}px; }`).join('\n');
}
