import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { chartConfig } from '../pipeline/charts/chart-theme.js';
import { DARK, FONTS, LIGHT } from '../pipeline/design/palette.js';
import { favicon, stylesheets } from '../pipeline/page/stylesheets.js';
import { ROOT } from './helpers.js';

describe('the palette', () => {
  it('is the only home of a colour or a font stack: the templates’ stylesheets name none', () => {
    for (const name of readdirSync(join(ROOT, 'templates')).filter((file) => file.endsWith('.css'))) {
      const css = readFileSync(join(ROOT, 'templates', name), 'utf8');
      expect(css.match(/#[0-9a-f]{3,8}\b|rgba?\(/gi), name).toBeNull();
      expect(css.match(/font-family:\s*"/g), name).toBeNull();
    }
  });

  it('opens every published stylesheet with its custom properties, light for print and the share images', () => {
    const sheets = stylesheets();
    expect([...sheets.keys()].sort()).toEqual(['assets/page.css', 'assets/print.css', 'assets/social.css']);
    for (const css of sheets.values()) {
      expect(css).toContain(`--ink: ${LIGHT.ink};`);
      expect(css).toContain(`--accent: ${LIGHT.accent};`);
      expect(css).toContain(`--sans: ${FONTS.sans};`);
    }
    const page = sheets.get('assets/page.css')!;
    expect(page).toMatch(new RegExp(`prefers-color-scheme: dark\\)[^}]*--ink: ${DARK.ink};`));
    // Print ends on white paper, whatever page.css said before it.
    expect(sheets.get('assets/print.css')!.trimEnd()).toMatch(new RegExp(`color-scheme: light;[^}]*--paper: ${LIGHT.paper};[^}]*}$`));
  });

  it('colours the page’s icon, as a well-formed SVG', () => {
    const icon = new DOMParser().parseFromString(favicon(), 'image/svg+xml').documentElement;
    expect(icon?.getElementsByTagName('rect')[0]?.getAttribute('fill')).toBe(LIGHT.accent);
  });

  it('colours the charts as the page: the same ink, accent and font', () => {
    expect(chartConfig.title?.color).toBe(LIGHT.ink);
    expect((chartConfig.mark as { color?: string }).color).toBe(LIGHT.accent);
    expect(chartConfig.font).toBe(FONTS.chart);
  });
});
