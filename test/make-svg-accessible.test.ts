import { toHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import { makeSvgAccessible } from '../pipeline/charts/make-svg-accessible.js';

const VEGA_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="50" viewBox="0 0 100 50"><defs><clipPath id="clip1"><rect width="10" height="10"/></clipPath></defs><g clip-path="url(#clip1)" fill="#b8322a"><text>2 000</text></g></svg>';

describe('makeSvgAccessible', () => {
  it('names the image with its title and describes it', () => {
    const svg = makeSvgAccessible(VEGA_SVG, 'carte', 'Une carte', 'Ce qu’elle montre.');
    const html = toHtml(svg, { space: 'svg' });
    expect(html).toMatch(/^<svg [^>]*role="img" aria-labelledby="carte-title" aria-describedby="carte-desc"/);
    expect(html).toContain('<title id="carte-title">Une carte</title><desc id="carte-desc">Ce qu’elle montre.</desc>');
  });

  it('prefixes ids and the references to them, and leaves colours alone', () => {
    const html = toHtml(makeSvgAccessible(VEGA_SVG, 'carte', 'Une carte', undefined), { space: 'svg' });
    expect(html).toContain('<clipPath id="carte-clip1">');
    expect(html).toContain('clip-path="url(#carte-clip1)"');
    expect(html).toContain('fill="#b8322a"');
    expect(html).not.toContain('aria-describedby');
  });
});
