// The page, print and share stylesheets as published: the templates opened by the palette's custom
// properties.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PHONE_WIDTH } from '../charts/sizes.js';
import { DARK, FONTS, LIGHT } from '../design/palette.js';
import { TEMPLATES } from '../system/project.js';
import { BREAKPOINT_STEP, COLUMN_CSS_WIDTH } from './chart-figure.js';

/** `--ink: #1d2430; …`, one declaration a line, for a :root rule. */
function customProperties(values: Readonly<Record<string, string>>, indent: string): string {
  return Object.entries(values)
    .map(([name, value]) => `${indent}--${name}: ${value};\n`)
    .join('');
}

const light = (indent: string) => customProperties({ ...LIGHT, serif: FONTS.serif, sans: FONTS.sans }, indent);

/**
 * The page's, the print's and the share images' stylesheets, as published in assets/: the
 * templates of templates/, each opened (or, for print, closed) by the custom properties of
 * the palette. Print is always on white paper, whatever the reader's colour scheme.
 */
export function stylesheets(): ReadonlyMap<string, string> {
  const template = (name: string) => readFileSync(join(TEMPLATES, name), 'utf8');
  // After the template's own opening comment, which says what the stylesheet is for.
  const opened = (name: string, rules: string) => {
    const text = template(name);
    const end = text.startsWith('/*') ? text.indexOf('*/\n') + 3 : 0;
    return `${text.slice(0, end)}${rules}\n${text.slice(end)}`;
  };
  // Charts are drawn on white: in dark mode too, their tooltips and highlights take the light colours.
  const screen = `:root {\n  color-scheme: light dark;\n${light('  ')}}\n\n@media (prefers-color-scheme: dark) {\n  :root {\n${customProperties(DARK, '    ')}  }\n}\n\n.chart-drawings {\n  color-scheme: light;\n${customProperties(LIGHT, '  ')}}\n`;
  return new Map([
    ['assets/page.css', `${opened('page.css', screen)}\n${chartBreakpoints()}`],
    ['assets/print.css', `${template('print.css')}\n/* Print is always on white paper. */\n:root {\n  color-scheme: light;\n${light('  ')}}\n`],
    ['assets/social.css', opened('social.css', `:root {\n${light('  ')}}\n`)],
  ]);
}

/**
 * One container query a step of figure width: from a figure as wide as its column drawing
 * (`wide-from-N`), the page shows that drawing instead of the phone's.
 */
function chartBreakpoints(): string {
  const rules: string[] = [];
  for (let width = PHONE_WIDTH; width <= COLUMN_CSS_WIDTH; width += BREAKPOINT_STEP) {
    const at = `.has-phone.wide-from-${width}`;
    rules.push(`@container (min-width: ${width}px) { ${at} > .chart-column { display: block; } ${at} > .chart-phone { display: none; } }`);
  }
  return `/* Each chart's switch from its phone drawing to its column drawing. */\n${rules.join('\n')}\n`;
}

/** The page's icon: a small bar chart, in the palette's accent and paper. */
export function favicon(): string {
  const bar = (x: number, y: number, height: number) => `<rect x="${x}" y="${y}" width="4" height="${height}" fill="${LIGHT.paper}"/>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="${LIGHT.accent}"/>${bar(7, 17, 8)}${bar(14, 11, 14)}${bar(21, 7, 18)}</svg>\n`;
}
